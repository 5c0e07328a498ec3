import { describe, expect, it } from "vitest";
import { fillsLimit, isInitialsOnly, releaseMonth, statusKey, waitWords } from "./result-words.ts";

describe("statusKey", () => {
  it("maps the API's statuses onto the status namespace", () => {
    expect(statusKey("release_verified")).toBe("verified");
    expect(statusKey("release_reported")).toBe("reported");
    expect(statusKey("detained")).toBe("detained");
  });
});

describe("releaseMonth", () => {
  it.each([
    ["es", "2026-01-12", "enero de 2026"],
    ["es", "2026-01", "enero de 2026"],
    ["en", "2026-01-31", "January 2026"],
    ["en", "2025-12", "December 2025"],
  ] as const)("%s %s → %s (the month only)", (locale, releasedOn, month) => {
    expect(releaseMonth(locale, releasedOn)?.replace(/\u00a0/g, " ")).toBe(month);
  });

  it("the first and last day of a month stay in that month whatever the time zone", () => {
    expect(releaseMonth("es", "2026-02-01")).toBe(releaseMonth("es", "2026-02-28"));
  });

  it.each([null, "", "2026", "2026-13", "2026-00", "12/01/2026", "2026-1-5"])("%j → null", (releasedOn) => {
    expect(releaseMonth("es", releasedOn)).toBeNull();
  });
});

describe("isInitialsOnly", () => {
  it.each(["J. L. P. R.", "A. C. M.", "Á. B.", "J.", " Ñ. O. "])("%j is initials", (name) => {
    expect(isInitialsOnly(name)).toBe(true);
  });

  it.each(["José Luis Pérez Rodríguez", "José L. Pérez", "J. L. Pérez", "", "J L P"])("%j is a name", (name) => {
    expect(isInitialsOnly(name)).toBe(false);
  });
});

describe("fillsLimit", () => {
  it("says when the page is full", () => {
    expect(fillsLimit(10, 10)).toBe(true);
    expect(fillsLimit(9, 10)).toBe(false);
  });
});

describe("waitWords", () => {
  it.each([
    [0, { unit: "seconds", count: 1 }],
    [1, { unit: "seconds", count: 1 }],
    [2.2, { unit: "seconds", count: 3 }],
    [59, { unit: "seconds", count: 59 }],
    [90, { unit: "seconds", count: 90 }],
    [91, { unit: "minutes", count: 2 }],
    [3600, { unit: "minutes", count: 60 }],
  ])("%d s → %j", (seconds, words) => {
    expect(waitWords(seconds)).toEqual(words);
  });
});
