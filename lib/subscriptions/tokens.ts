import { createHash, createHmac, randomBytes } from "node:crypto";

/**
 * The secrets in subscription links. Only their SHA-256 is stored
 * (confirmTokenHash, unsubscribeTokenHash): whoever reads the database cannot
 * confirm or cancel anyone's subscription. A fast hash is right because the
 * tokens carry 256 bits of entropy.
 *
 * - Confirmation: 32 random bytes, new for every confirmation mail (the
 *   newest mail's link is the one that works); the raw token exists only in
 *   that mail.
 * - Unsubscribe: every mail needs the link, and no raw token may be kept to
 *   put in later mails, so it is derived: HMAC-SHA-256 of the subscription id
 *   under the instance secret (32 bytes as well). Any mail, old or new, carries
 *   the same working link.
 */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function unsubscribeToken(subscriptionId: string, secret: string): { token: string; hash: string } {
  const token = createHmac("sha256", secret).update(`constancia/unsubscribe/v1\u0000${subscriptionId}`, "utf8").digest("base64url");
  return { token, hash: hashLinkToken(token) };
}

/** A stored hash no token produces (a row must have one before its first mail sets the real one). */
export function placeholderTokenHash(): string {
  return hashLinkToken(`unused:${randomBytes(32).toString("base64url")}`);
}
