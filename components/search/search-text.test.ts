import { describe, expect, it } from "vitest";
import { SEARCH_MAX_LENGTH } from "@/lib/search/schema.ts";
import { checkSearchText, inputProblem } from "./search-text.ts";

describe("checkSearchText", () => {
  it.each([
    ["jose luis perez", "jose luis perez"],
    ["  PÉREZ   Rodríguez, José  ", "PÉREZ Rodríguez, José"],
    ["v12345678", "v12345678"],
    ["V-12.345.678", "V-12.345.678"],
    ["Ñu", "Ñu"],
  ])("%j is searched as %j", (raw, text) => {
    expect(checkSearchText(raw)).toEqual({ ok: true, text });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["a", "tooShort"],
    [" ñ ", "tooShort"],
    ["%%", "needsLetters"],
    ["_ _", "needsLetters"],
    ["*", "tooShort"],
    ["--", "needsLetters"],
    ["a%", "needsLetters"],
    ["x".repeat(SEARCH_MAX_LENGTH + 1), "tooLong"],
    ["jose\u0000perez", "notText"],
    ["ab\u001b[0m", "notText"],
    ["pe\ufffdrez", "notText"],
  ])("%j is not searched: %s", (raw, problem) => {
    expect(checkSearchText(raw)).toEqual({ ok: false, problem });
  });

  it("a long text made of spaces is too long before it is empty (the server counts before trimming)", () => {
    expect(inputProblem(" ".repeat(SEARCH_MAX_LENGTH + 1))).toBe("tooLong");
  });
});
