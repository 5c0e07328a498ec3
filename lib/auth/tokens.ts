import { createHash, randomBytes } from "node:crypto";

/**
 * API tokens: "cst_" followed by 32 random bytes (base64url). Only their
 * SHA-256 is stored, so a database leak does not leak usable tokens; a fast
 * hash is right here because the token itself has 256 bits of entropy.
 */
export const TOKEN_PREFIX = "cst_";

export function generateToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, 12) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token-shaped string, checked before any database work. */
export function looksLikeToken(value: string): boolean {
  return /^cst_[A-Za-z0-9_-]{43}$/.test(value);
}

/** A random secret for links (invitations, subscriptions). */
export function generateSecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(24).toString("base64url");
  return { secret, secretHash: hashToken(secret) };
}
