import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import {
  claimedCount,
  claimedPluralCount,
  coverage,
  formatDateTime,
  formatDay,
  formatMonth,
  formatNumber,
  formatReleaseMonth,
  scope,
  statedOn,
  type Message,
} from "./format.ts";
import type { AppLocale } from "./locale.ts";
import en from "./messages/en.json" with { type: "json" };
import es from "./messages/es.json" with { type: "json" };

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/** Dates use no-break spaces; the expectations below are written with plain ones. */
const plain = (text: string | null) => text?.replace(/\u00a0/g, " ") ?? null;

/** Renders a helper's message with the real catalogue, as a page does. */
function render(locale: AppLocale, namespace: "claimed" | "coverage" | "scope" | "dates", message: Message<string>) {
  const t = createTranslator({ locale, messages: locale === "es" ? es : en, namespace });
  return plain((t as unknown as (key: string, values: Record<string, string>) => string)(message.key, message.values));
}

describe("dates", () => {
  it("formats a day", () => {
    expect(plain(formatDay("es", day("2026-01-12")))).toBe("12 ene 2026");
    expect(plain(formatDay("en", day("2026-01-12")))).toBe("12 Jan 2026");
  });
  it("keeps the stored day whatever the server's time zone (dates are midnight UTC)", () => {
    expect(plain(formatDay("es", day("2026-01-01")))).toBe("1 ene 2026");
    expect(plain(formatDay("en", day("2025-12-31")))).toBe("31 Dec 2025");
  });
  it("reads an instant's day in a given time zone", () => {
    const lateEveningInCaracas = new Date("2026-01-24T02:30:00.000Z");
    expect(plain(formatDay("es", lateEveningInCaracas, "America/Caracas"))).toBe("23 ene 2026");
    expect(plain(formatDay("es", lateEveningInCaracas))).toBe("24 ene 2026");
  });
  it("formats an instant with its time of day, in Caracas", () => {
    const instant = new Date("2026-01-12T18:05:00.000Z");
    expect(plain(formatDateTime("es", instant))).toBe("12 ene 2026, 14:05");
    expect(plain(formatDateTime("en", instant))).toBe("12 Jan 2026, 14:05");
    expect(plain(formatDateTime("en", instant, "UTC"))).toBe("12 Jan 2026, 18:05");
  });
  it("formats a month", () => {
    expect(plain(formatMonth("es", day("2026-01-12")))).toBe("enero de 2026");
    expect(plain(formatMonth("en", day("2026-01-12")))).toBe("January 2026");
  });
  it("shows a release as its month, or nothing when unknown", () => {
    expect(plain(formatReleaseMonth("es", day("2026-01-14"), "day"))).toBe("enero de 2026");
    expect(plain(formatReleaseMonth("es", day("2026-01-01"), "month"))).toBe("enero de 2026");
    expect(plain(formatReleaseMonth("es", day("2026-01-01"), "unknown"))).toBeNull();
    expect(plain(formatReleaseMonth("en", null, "day"))).toBeNull();
  });
  it("marks approximate dates", () => {
    expect(render("es", "dates", statedOn("es", day("2025-12-25"), true))).toBe("25 dic 2025 (aprox.)");
    expect(render("en", "dates", statedOn("en", day("2026-01-23"), false))).toBe("23 Jan 2026");
  });
});

describe("no-break spaces", () => {
  it("keeps a date on one line", () => {
    expect(formatDay("es", day("2026-01-12"))).toBe("12\u00a0ene\u00a02026");
    expect(formatMonth("es", day("2026-01-12"))).not.toMatch(/ /);
  });
});

describe("numbers", () => {
  it("groups per locale", () => {
    expect(formatNumber("es", 12345)).toBe("12.345");
    expect(formatNumber("en", 12345)).toBe("12,345");
  });
});

describe("claimed counts", () => {
  const claim = (qualifier: "exact" | "at_least" | "about" | "range", value: number | null, min: number | null = null, max: number | null = null) => ({
    qualifier,
    value,
    min,
    max,
  });
  it.each([
    [claim("exact", 116), "116", "116"],
    [claim("at_least", 400), "al menos 400", "at least 400"],
    [claim("about", 1200), "alrededor de 1200", "about 1,200"],
    [claim("range", null, 60, 70), "entre 60 y 70", "between 60 and 70"],
    [claim("range", null, 800, 1200), "entre 800 y 1200", "between 800 and 1,200"],
    [claim("range", null, 60, null), "al menos 60", "at least 60"],
    [claim("exact", null), "sin cifra", "no figure"],
    [claim("exact", 12345), "12.345", "12,345"],
  ])("%o", (input, spanish, english) => {
    expect(render("es", "claimed", claimedCount("es", input))).toBe(spanish);
    expect(render("en", "claimed", claimedCount("en", input))).toBe(english);
  });
  it("gives the number plurals agree with", () => {
    expect(claimedPluralCount(claim("exact", 1))).toBe(1);
    expect(claimedPluralCount(claim("range", null, 60, 70))).toBe(70);
    expect(claimedPluralCount(claim("exact", null))).toBe(0);
  });
});

describe("coverage", () => {
  const covers = (
    basis: "window" | "cumulative_since" | "single_day" | "as_of" | "unspecified",
    from?: string,
    to?: string,
    date?: string,
  ) => ({
    basis,
    coversFrom: from ? day(from) : null,
    coversTo: to ? day(to) : null,
    coversDate: date ? day(date) : null,
  });
  it.each([
    [covers("cumulative_since", "2026-01-08"), "acumulado desde el 8 ene 2026", "cumulative since 8 Jan 2026"],
    [covers("unspecified"), "sin precisar", "not specified"],
    [covers("as_of", undefined, undefined, "2025-12-31"), "al 31 dic 2025", "as of 31 Dec 2025"],
    [covers("single_day", undefined, undefined, "2026-01-25"), "solo el 25 ene 2026", "on 25 Jan 2026 only"],
    [covers("window", "2026-01-08", "2026-01-14"), "del 8 ene 2026 al 14 ene 2026", "from 8 Jan 2026 to 14 Jan 2026"],
    [covers("window", "2026-01-08"), "desde el 8 ene 2026", "from 8 Jan 2026"],
    [covers("cumulative_since"), "sin precisar", "not specified"],
  ])("%o", (input, spanish, english) => {
    expect(render("es", "coverage", coverage("es", input))).toBe(spanish);
    expect(render("en", "coverage", coverage("en", input))).toBe(english);
  });
});

describe("scope", () => {
  it.each([
    [{ scopeKind: "all" as const, scopeNationality: null }, "Todas las personas", "Everyone"],
    [{ scopeKind: "foreigners" as const, scopeNationality: null }, "Solo extranjeros", "Foreigners only"],
    [{ scopeKind: "nationality" as const, scopeNationality: "ES" }, "Solo nacionales de España", "Nationals of Spain only"],
    [{ scopeKind: "nationality" as const, scopeNationality: "co" }, "Solo nacionales de Colombia", "Nationals of Colombia only"],
    [{ scopeKind: "nationality" as const, scopeNationality: null }, "Todas las personas", "Everyone"],
  ])("%o", (input, spanish, english) => {
    expect(render("es", "scope", scope("es", input))).toBe(spanish);
    expect(render("en", "scope", scope("en", input))).toBe(english);
  });
});
