import { describe, expect, it } from "vitest";
import { todayInCaracas } from "../dates.ts";
import { createReleaseSchema, releaseDateFields, releaseDateText, changeStatusSchema } from "./schema.ts";

const parse = (releasedOn: unknown) => createReleaseSchema.safeParse({ releasedOn });

describe("release dates", () => {
  it("accepts a day, a month, or null for unknown", () => {
    expect(parse("2026-01-12").success).toBe(true);
    expect(parse("2026-01").success).toBe(true);
    expect(parse(null).success).toBe(true);
    expect(parse(todayInCaracas()).success).toBe(true);
  });

  it("refuses the future (Caracas time), impossible dates and other formats", () => {
    const tomorrow = new Date(Date.now() + 36 * 3_600_000);
    for (const bad of [
      tomorrow.toISOString().slice(0, 10),
      "2099-01",
      "2026-02-30",
      "2026-13",
      "12/01/2026",
      "2026-1-5",
      "",
      "1989-12-31",
    ]) {
      expect(parse(bad).success, bad).toBe(false);
    }
  });

  it("stores its precision, and reads back as given", () => {
    expect(releaseDateFields("2026-01")).toEqual({ releasedOn: new Date("2026-01-01T00:00:00Z"), releasedPrecision: "month" });
    expect(releaseDateFields(null)).toEqual({ releasedOn: null, releasedPrecision: "unknown" });
    for (const given of ["2026-01-12", "2026-01", null]) {
      const { releasedOn, releasedPrecision } = releaseDateFields(given);
      expect(releaseDateText(releasedOn, releasedPrecision)).toBe(given);
    }
  });

  it("refuses unknown fields and a status change without a reason", () => {
    expect(createReleaseSchema.safeParse({ releasedOn: "2026-01-12", status: "verified" }).success).toBe(false);
    expect(changeStatusSchema.safeParse({ action: "dispute", reason: " ", version: 1 }).success).toBe(false);
    expect(changeStatusSchema.safeParse({ action: "verify", reason: "x", version: 1 }).success).toBe(false);
  });
});
