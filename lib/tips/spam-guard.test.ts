import { describe, expect, it } from "vitest";
import { decoyTipId, formTokenError, honeypotFilled } from "./spam-guard.ts";

describe("the spam guard's pure parts", () => {
  it("treats only a non-blank honeypot as filled", () => {
    expect(honeypotFilled(undefined)).toBe(false);
    expect(honeypotFilled("")).toBe(false);
    expect(honeypotFilled("   ")).toBe(false);
    expect(honeypotFilled("https://casino.example")).toBe(true);
  });

  it("answers bots with ids shaped and ordered like real tips' (UUID v7)", () => {
    const early = decoyTipId(Date.UTC(2026, 0, 12));
    const late = decoyTipId(Date.UTC(2026, 0, 13));
    for (const id of [early, late]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    expect(decoyTipId()).not.toBe(decoyTipId());
  });

  it("says what to do about each token problem, with a reason the form can act on", () => {
    expect(formTokenError("too_fast", 2)).toMatchObject({ status: 422, extra: { details: { reason: "form_too_fast", waitSeconds: 2 } } });
    expect(formTokenError("expired")).toMatchObject({ status: 422, extra: { details: { reason: "form_expired" } } });
    expect(formTokenError("used")).toMatchObject({ status: 409, extra: { details: { reason: "form_used" } } });
    for (const problem of ["forged", "malformed", "other_person"] as const) {
      expect(formTokenError(problem)).toMatchObject({ status: 400, extra: { details: { reason: "form_token_invalid" } } });
    }
  });
});
