import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random/seeded.ts";
import { uuidV7 } from "./uuid.ts";

describe("uuidV7", () => {
  it("makes version-7 UUIDs that carry the given time", () => {
    const at = new Date("2026-01-12T15:30:00.000Z");
    const id = uuidV7(at, mulberry32(1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at.getTime());
    expect(uuidV7(at, mulberry32(1))).toBe(id);
  });
});
