import { generateSecret, generateURI, verify as verifyTotp } from "otplib";
import QRCode from "qrcode";
import type { Role } from "../generated/prisma/enums.ts";
import { env } from "../env.ts";
import { hasRole } from "./policy.ts";

/**
 * The second factor of moderators and admins (DESIGN.md "Who uses it"):
 * TOTP codes from an authenticator app (RFC 6238, 6 digits, 30 s).
 * A code is accepted one step early or late (phone clocks drift) and never
 * twice: the step of the last accepted code is stored and must grow.
 */
const ISSUER = "Constancia";
const PERIOD_SECONDS = 30;

/** Whether this user must pass a second factor. Demo accounts are exempt while the demo runs. */
export function secondFactorRequired(user: { role: Role; isDemo: boolean }): boolean {
  if (user.isDemo && env.demo()) return false;
  return hasRole(user.role, "moderator");
}

export interface Enrollment {
  secret: string;
  uri: string;
  /** The URI as an inline SVG QR code, to scan with the app. */
  qrSvg: string;
}

export function newTotpSecret(): string {
  return generateSecret();
}

export async function enrollmentFor(email: string, secret: string): Promise<Enrollment> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret, period: PERIOD_SECONDS });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

/** A 6-digit code, with spaces or dashes as people type them. */
export function normaliseCode(code: string): string | null {
  const digits = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The time step a valid code belongs to, or null. `afterStep` is the last accepted step (replay guard). */
export async function acceptedStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  const token = normaliseCode(code);
  if (!token) return null;
  const result = await verifyTotp({
    secret,
    token,
    period: PERIOD_SECONDS,
    epochTolerance: PERIOD_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  // TOTP results carry their time step (HOTP ones do not; we only use TOTP).
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
