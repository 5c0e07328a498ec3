import { describe, expect, it } from "vitest";
import { MAX_AGE_SECONDS, MIN_FILL_SECONDS, newNonce, signFormToken, tokenWindow, verifyFormToken } from "./form-token.ts";

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const person = "0190f0a0-0000-7000-8000-000000000001";
const issuedAt = Date.UTC(2026, 0, 12, 15, 0, 0);
const claims = { personId: person, issuedAt, nonce: "abcdefghijklmnopqrstuv" };
const token = signFormToken(key, claims);
const seconds = (n: number) => issuedAt + n * 1000;

describe("form tokens", () => {
  it("verifies a token of this person between the minimum fill time and its expiry", () => {
    expect(verifyFormToken(key, token, person, seconds(MIN_FILL_SECONDS))).toEqual({ ok: true, claims });
    expect(verifyFormToken(key, token, person, seconds(MAX_AGE_SECONDS))).toEqual({ ok: true, claims });
  });

  it("refuses a form sent too fast, saying how long to wait", () => {
    expect(verifyFormToken(key, token, person, seconds(0))).toEqual({ ok: false, problem: "too_fast", waitSeconds: MIN_FILL_SECONDS });
    expect(verifyFormToken(key, token, person, seconds(MIN_FILL_SECONDS) - 1)).toMatchObject({ problem: "too_fast", waitSeconds: 1 });
  });

  it("refuses an expired token", () => {
    expect(verifyFormToken(key, token, person, seconds(MAX_AGE_SECONDS) + 1)).toEqual({ ok: false, problem: "expired" });
  });

  it("refuses a token signed with another key, or changed in any way", () => {
    expect(verifyFormToken(otherKey, token, person, seconds(10))).toEqual({ ok: false, problem: "forged" });
    const [payload, signature] = token.split(".");
    // A later issue time, re-encoded with the old signature.
    const moved = Buffer.from(Buffer.from(payload!, "base64url").toString().replace(String(issuedAt), String(issuedAt + 1))).toString("base64url");
    expect(verifyFormToken(key, `${moved}.${signature}`, person, seconds(10))).toMatchObject({ problem: "forged" });
    expect(verifyFormToken(key, `${payload}.${signature!.slice(0, -2)}AA`, person, seconds(10))).toMatchObject({ problem: "forged" });
  });

  it("refuses a token issued for another person", () => {
    expect(verifyFormToken(key, token, "0190f0a0-0000-7000-8000-000000000002", seconds(10))).toEqual({ ok: false, problem: "other_person" });
  });

  it("refuses a token from the future (beyond clock drift)", () => {
    const future = signFormToken(key, { ...claims, issuedAt: issuedAt + 10 * 60_000 });
    expect(verifyFormToken(key, future, person, seconds(10))).toEqual({ ok: false, problem: "forged" });
  });

  it.each(["", "abc", "a.b.c", "....", "%%%.%%%"])("calls %j malformed or forged, never valid", (value) => {
    const check = verifyFormToken(key, value, person, seconds(10));
    expect(check.ok).toBe(false);
    expect(["malformed", "forged"]).toContain((check as { problem: string }).problem);
  });

  it("signs the exact payload: a well-signed token in an unknown format is malformed", () => {
    const odd = signFormToken(key, { ...claims, nonce: "a|b" });
    expect(verifyFormToken(key, odd, person, seconds(10))).toEqual({ ok: false, problem: "malformed" });
  });

  it("gives each form its own nonce and window", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(tokenWindow({ issuedAt })).toEqual({
      notBefore: new Date(seconds(MIN_FILL_SECONDS)),
      expiresAt: new Date(seconds(MAX_AGE_SECONDS)),
    });
  });
});
