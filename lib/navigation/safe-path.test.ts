import { describe, expect, it } from "vitest";
import { safeLocalPath } from "./safe-path.ts";

describe("safeLocalPath", () => {
  it.each([
    ["/", "/"],
    ["/cuenta", "/cuenta"],
    ["/buscar?q=jose%20perez", "/buscar?q=jose%20perez"],
    ["/lista?page=2#top", "/lista?page=2#top"],
    ["/a/../cuenta", "/cuenta"],
  ])("keeps local path %s", (input, expected) => {
    expect(safeLocalPath(input)).toBe(expected);
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "cuenta",
    "",
    "   ",
    "/\nlocation",
  ])("refuses %s", (input) => {
    expect(safeLocalPath(input)).toBeNull();
  });

  it("accepts an absolute URL of this site only when the origin is given", () => {
    expect(safeLocalPath("http://localhost:3000/lista?page=2", "http://localhost:3000")).toBe("/lista?page=2");
    expect(safeLocalPath("http://localhost:3000/lista")).toBeNull();
    expect(safeLocalPath("http://localhost:4000/lista", "http://localhost:3000")).toBeNull();
    expect(safeLocalPath("https://localhost:3000/lista", "http://localhost:3000")).toBeNull();
  });

  it("handles null", () => {
    expect(safeLocalPath(null)).toBeNull();
    expect(safeLocalPath(undefined, "http://localhost:3000")).toBeNull();
  });
});
