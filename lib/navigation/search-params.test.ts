import { describe, expect, it } from "vitest";
import { firstParam, pageParam } from "./search-params.ts";

describe("firstParam", () => {
  it("takes the first of repeated values", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam("a")).toBe("a");
    expect(firstParam(undefined)).toBeUndefined();
  });
});

describe("pageParam", () => {
  it.each([
    [undefined, 1],
    ["2", 2],
    [" 3 ", 3],
    ["0", 1],
    ["-1", 1],
    ["1.5", 1],
    ["abc", 1],
    ["9999999999", 1],
    [["4", "5"], 4],
  ])("%o → %d", (input, expected) => {
    expect(pageParam(input)).toBe(expected);
  });
});
