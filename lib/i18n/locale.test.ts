import { describe, expect, it } from "vitest";
import { intlTag, isLocale, localeFromAcceptLanguage, resolveLocale } from "./locale.ts";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["es-VE,es;q=0.9,en;q=0.8", "es"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.5,es;q=0.4", "en"],
    ["es;q=0.2,en;q=0.8", "en"],
    ["EN-gb", "en"],
    ["*", null],
    ["fr, de", null],
    ["en;q=0, es;q=0.1", "es"],
    ["", null],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
  it("handles a missing header", () => {
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});

describe("resolveLocale", () => {
  it("prefers the cookie", () => {
    expect(resolveLocale({ cookie: "en", acceptLanguage: "es" })).toBe("en");
  });
  it("ignores an unknown cookie value", () => {
    expect(resolveLocale({ cookie: "fr", acceptLanguage: "en-US" })).toBe("en");
  });
  it("falls back to Spanish", () => {
    expect(resolveLocale({ cookie: undefined, acceptLanguage: "de-DE" })).toBe("es");
    expect(resolveLocale({})).toBe("es");
  });
});

describe("helpers", () => {
  it("recognises locales", () => {
    expect(isLocale("es")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("EN")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
  it("maps to Intl tags", () => {
    expect(intlTag("es")).toBe("es");
    expect(intlTag("en")).toBe("en-GB");
  });
});
