import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashLinkToken, newConfirmToken, placeholderTokenHash, unsubscribeToken } from "./tokens.ts";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const SUBSCRIPTION = "0193f0c2-5b1e-7a00-8c3d-2f6e9a4b1c07";

describe("subscription link tokens", () => {
  it("confirmation tokens are 32 random bytes in base64url, new each time, stored as their SHA-256 only", () => {
    const a = newConfirmToken();
    const b = newConfirmToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(sha256(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
  });

  it("hashLinkToken is the SHA-256 in hex, so one changed character gives another hash", () => {
    const { token, hash } = newConfirmToken();
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(hashLinkToken(token)).toBe(hash);
    expect(hashLinkToken(tampered)).not.toBe(hash);
  });

  it("an unsubscribe token is the same for a subscription every time, and differs by subscription and by instance secret", () => {
    const secret = "s".repeat(43);
    const first = unsubscribeToken(SUBSCRIPTION, secret);
    expect(unsubscribeToken(SUBSCRIPTION, secret)).toEqual(first);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.hash).toBe(sha256(first.token));
    expect(unsubscribeToken("0193f0c2-5b1e-7a00-8c3d-2f6e9a4b1c08", secret).token).not.toBe(first.token);
    expect(unsubscribeToken(SUBSCRIPTION, "t".repeat(43)).token).not.toBe(first.token);
  });

  it("a placeholder hash is a well-formed hash that no link carries", () => {
    expect(placeholderTokenHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(placeholderTokenHash()).not.toBe(placeholderTokenHash());
  });
});
