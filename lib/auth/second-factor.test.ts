import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { acceptedStep, enrollmentFor, newTotpSecret, normaliseCode, secondFactorRequired } from "./second-factor.ts";

const now = () => Math.floor(Date.now() / 1000);

describe("second factor", () => {
  it("is required of moderators and admins, not volunteers; demo accounts only while the demo runs", () => {
    expect(secondFactorRequired({ role: "volunteer", isDemo: false })).toBe(false);
    expect(secondFactorRequired({ role: "moderator", isDemo: false })).toBe(true);
    expect(secondFactorRequired({ role: "admin", isDemo: false })).toBe(true);
    const before = process.env.CONSTANCIA_DEMO;
    process.env.CONSTANCIA_DEMO = "1";
    expect(secondFactorRequired({ role: "admin", isDemo: true })).toBe(false);
    process.env.CONSTANCIA_DEMO = "0";
    expect(secondFactorRequired({ role: "admin", isDemo: true })).toBe(true);
    process.env.CONSTANCIA_DEMO = before;
  });

  it("accepts the current code once, with drift of one step, and never the same step twice", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const step = await acceptedStep(secret, code, null);
    expect(step).toBe(Math.floor(now() / 30));
    expect(await acceptedStep(secret, code, step)).toBeNull();
    const previous = await generate({ secret, epoch: now() - 30 });
    expect(await acceptedStep(secret, previous, null)).not.toBeNull();
    const old = await generate({ secret, epoch: now() - 120 });
    expect(await acceptedStep(secret, old, null)).toBeNull();
  });

  it("refuses codes of another secret and malformed codes", async () => {
    const code = await generate({ secret: newTotpSecret() });
    expect(await acceptedStep(newTotpSecret(), code, null)).toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", "12 34 5x"]) expect(await acceptedStep(newTotpSecret(), bad, null)).toBeNull();
    expect(normaliseCode(" 123 456 ")).toBe("123456");
    expect(normaliseCode("123-456")).toBe("123456");
  });

  it("makes an otpauth URI and a scannable SVG for the app", async () => {
    const enrollment = await enrollmentFor("moderadora@example.org", newTotpSecret());
    expect(enrollment.uri).toMatch(/^otpauth:\/\/totp\/Constancia:moderadora%40example\.org\?.*secret=/);
    expect(enrollment.qrSvg).toMatch(/^<svg/);
  });
});
