import { describe, expect, it } from "vitest";
import { jobIdFor } from "./job-id.ts";

describe("jobIdFor", () => {
  it("gives the same UUID for the same parts, and a version-8 UUID", () => {
    const id = jobIdFor("release-verified", "0193f0c2-0000-7000-8000-000000000001", "2026-01-12T15:00:00.000Z");
    expect(id).toBe(jobIdFor("release-verified", "0193f0c2-0000-7000-8000-000000000001", "2026-01-12T15:00:00.000Z"));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("tells parts apart, including where one part ends and the next begins", () => {
    expect(jobIdFor("a", "b")).not.toBe(jobIdFor("a", "c"));
    expect(jobIdFor("ab", "c")).not.toBe(jobIdFor("a", "bc"));
  });
});
