import { createHmac, randomBytes } from "node:crypto";
import type { RateLimitRule } from "../api/guard.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { sessionSecret } from "../runtime/secret.ts";
import { newNonce, signFormToken, tokenWindow, verifyFormToken, type FormTokenClaims, type FormTokenProblem } from "./form-token.ts";

/**
 * The tip form's spam guard, which needs no third-party service. The API and
 * the page's form go through the same one:
 *
 * 1. a per-client rate limit on POST (route()'s `rateLimit`, in PostgreSQL);
 * 2. a honeypot field: a filled one is answered like a success, and nothing
 *    is written (a bot learns nothing to adapt to);
 * 3. a signed form token (lib/tips/form-token.ts): not sent faster than a
 *    person can fill the form, not older than two hours, for this person,
 *    spent once (lib/tips/mutations.ts);
 * 4. at most a few links in the text (lib/tips/links.ts, in the schema);
 * 5. a per-person rate limit, so that one person's tips cannot be flooded.
 */

/**
 * Per client (hashed address). Generous because many people in Venezuela
 * share one public address (carrier-grade NAT): the token and the per-person
 * limit do most of the work.
 */
export const TIP_POST_RATE_LIMIT: RateLimitRule = { name: "tip.create", limit: 20, windowSeconds: 60 * 60 };
/** Tokens a client may ask for: a page view renders one without asking, so this only bounds scripts. */
export const TIP_FORM_TOKEN_RATE_LIMIT: RateLimitRule = { name: "tip.form_token", limit: 60, windowSeconds: 10 * 60 };
/** Tips that may be written about one person, from everyone together. */
export const TIP_PER_PERSON_LIMIT = { limit: 30, windowSeconds: 60 * 60 } as const;

/**
 * The key that signs form tokens: derived from the instance secret (the one
 * that signs sessions: NEXTAUTH_SECRET, or the one kept in the data
 * directory), so every instance of a deployment agrees and nothing new needs
 * configuring. Derived rather than used as is, so that a form token can
 * never be mistaken for anything signed with the session secret.
 */
async function formTokenKey(): Promise<Buffer> {
  const secret = await sessionSecret(env.dataDir());
  return createHmac("sha256", secret).update("constancia:tip-form-token:v1").digest();
}

export interface IssuedFormToken {
  token: string;
  notBefore: string;
  expiresAt: string;
}

/** A new form token for a tip about `personId` (the caller has checked the public may see the person). */
export async function issueTipFormToken(personId: string, now = Date.now()): Promise<IssuedFormToken> {
  const claims: FormTokenClaims = { personId, issuedAt: now, nonce: newNonce() };
  const { notBefore, expiresAt } = tokenWindow(claims);
  return { token: signFormToken(await formTokenKey(), claims), notBefore: notBefore.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** The claims of a valid token; otherwise an error that says what to do, with `details.reason` for the form. */
export async function checkTipFormToken(token: string, personId: string, now = Date.now()): Promise<FormTokenClaims> {
  const check = verifyFormToken(await formTokenKey(), token, personId, now);
  if (check.ok) return check.claims;
  throw formTokenError(check.problem, check.waitSeconds);
}

export function formTokenError(problem: FormTokenProblem | "used", waitSeconds?: number): AppError {
  switch (problem) {
    case "too_fast":
      return new AppError("unprocessable", `The form was sent too fast after it was opened; wait ${waitSeconds ?? 3} seconds and send it again.`, {
        details: { reason: "form_too_fast", waitSeconds: waitSeconds ?? 3 },
      });
    case "expired":
      return new AppError("unprocessable", "The form was open for too long. Reload it (or ask for a new form token) and send it again.", {
        details: { reason: "form_expired" },
      });
    case "used":
      return new AppError("conflict", "This form was already sent. Reload it (or ask for a new form token) to send another tip.", {
        details: { reason: "form_used" },
      });
    default:
      return new AppError("invalid_input", "The form token is not valid for this person. Reload the form (or ask for a new form token).", {
        issues: [{ path: "formToken", message: "Not a valid form token for this person." }],
        details: { reason: "form_token_invalid" },
      });
  }
}

/** Whether the honeypot field was filled (by a bot: people never see it). */
export function honeypotFilled(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== "";
}

/**
 * An id shaped like a real tip's (UUID version 7, time-ordered) for the
 * answer to a bot caught by the honeypot: nothing tells it apart from success.
 */
export function decoyTipId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
