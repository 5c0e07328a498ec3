import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The tip form's token: proof that whoever sends a tip first opened the form
 * (the public page, or GET /api/v1/persons/{id}/tips/form-token) for this
 * person, at least a few seconds earlier and not too long ago. It is signed
 * with a key derived from the instance secret, so it cannot be made up, and
 * carries a random nonce so that each token can be spent once
 * (lib/tips/mutations.ts keeps the spent ones).
 *
 * A bot that posts the moment it loads the form is refused ("too fast"); a
 * token kept for hours to be replayed later is refused ("expired"). Neither
 * needs a third-party service, cookies or JavaScript beyond the form itself.
 *
 * Pure apart from `randomBytes`: the key and the clock are passed in.
 */
export const MIN_FILL_SECONDS = 3;
export const MAX_AGE_SECONDS = 2 * 60 * 60;
/** Clock drift tolerated between the instance that issued a token and the one that checks it. */
const CLOCK_SKEW_MS = 60_000;
const VERSION = "t1";

export interface FormTokenClaims {
  personId: string;
  /** When the form was rendered, in epoch milliseconds. */
  issuedAt: number;
  /** 128 random bits, base64url: the token's identity when it is spent. */
  nonce: string;
}

export type FormTokenProblem = "malformed" | "forged" | "other_person" | "too_fast" | "expired";

export type FormTokenCheck =
  | { ok: true; claims: FormTokenClaims }
  | { ok: false; problem: FormTokenProblem; /** For "too_fast": seconds until it may be sent. */ waitSeconds?: number };

export function newNonce(): string {
  return randomBytes(16).toString("base64url");
}

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}

/** `<payload, base64url>.<HMAC-SHA256 of the payload, base64url>`; the payload is `t1|personId|issuedAt|nonce`. */
export function signFormToken(key: Uint8Array, claims: FormTokenClaims): string {
  const payload = [VERSION, claims.personId, String(claims.issuedAt), claims.nonce].join("|");
  return `${Buffer.from(payload).toString("base64url")}.${mac(key, payload).toString("base64url")}`;
}

/** When a token of `claims` may be sent, and until when. */
export function tokenWindow(claims: Pick<FormTokenClaims, "issuedAt">): { notBefore: Date; expiresAt: Date } {
  return {
    notBefore: new Date(claims.issuedAt + MIN_FILL_SECONDS * 1000),
    expiresAt: new Date(claims.issuedAt + MAX_AGE_SECONDS * 1000),
  };
}

/** Whether `token` is genuine, for `personId`, and within its time window at `now` (epoch ms). */
export function verifyFormToken(key: Uint8Array, token: string, personId: string, now: number): FormTokenCheck {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return { ok: false, problem: "malformed" };
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const given = Buffer.from(signature, "base64url");
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "forged" };

  const [version, claimedPerson, issued, nonce, rest] = payload.split("|");
  const issuedAt = Number(issued);
  // Signed by us, so well-formed unless the format changed: treat anything else as not ours.
  if (version !== VERSION || !claimedPerson || !nonce || rest !== undefined || !Number.isSafeInteger(issuedAt)) {
    return { ok: false, problem: "malformed" };
  }
  if (claimedPerson !== personId) return { ok: false, problem: "other_person" };
  if (issuedAt > now + CLOCK_SKEW_MS) return { ok: false, problem: "forged" };
  const { notBefore, expiresAt } = tokenWindow({ issuedAt });
  if (now < notBefore.getTime()) {
    return { ok: false, problem: "too_fast", waitSeconds: Math.max(1, Math.ceil((notBefore.getTime() - now) / 1000)) };
  }
  if (now > expiresAt.getTime()) return { ok: false, problem: "expired" };
  return { ok: true, claims: { personId: claimedPerson, issuedAt, nonce } };
}
