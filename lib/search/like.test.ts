import { describe, expect, it } from "vitest";
import { escapeLike, likePrefix } from "./like.ts";

describe("escapeLike", () => {
  it.each([
    ["jose", "jose"],
    ["50%", "50\\%"],
    ["a_b", "a\\_b"],
    ["back\\slash", "back\\\\slash"],
    ["%_\\", "\\%\\_\\\\"],
  ])("%s → %s", (input, expected) => {
    expect(escapeLike(input)).toBe(expected);
  });
  it("builds a literal prefix pattern", () => {
    expect(likePrefix("pe%")).toBe("pe\\%%");
  });
});
