import { intlTag, type AppLocale } from "./locale.ts";

/**
 * Pure formatting helpers for dates, months and claimed counts.
 *
 * Words come from the message catalogues, not from here: the functions that
 * need words return a message key (of a catalogue namespace) and its values,
 * already formatted for the locale, and the page calls `t(key, values)`.
 *
 * Dates stored as SQL `date` arrive as midnight UTC, so they are formatted in UTC
 * (formatting them in a local zone west of Greenwich would show the day before).
 */

export interface Message<K extends string> {
  key: K;
  values: Record<string, string>;
}

/**
 * "12 ene 2026" / "12 Jan 2026". A stored date (midnight UTC) is read in UTC;
 * pass a time zone to show the calendar day of an instant somewhere (e.g. "now" in Caracas).
 */
export function formatDay(locale: AppLocale, date: Date, timeZone = "UTC"): string {
  return unbreakable(
    new Intl.DateTimeFormat(intlTag(locale), { day: "numeric", month: "short", year: "numeric", timeZone }).format(date),
  );
}

/** The time zone in which "today" and times of day are read for Constancia's users (Venezuela). */
export const HOME_TIME_ZONE = "America/Caracas";

/** An instant with its time of day, in Caracas by default: "12 ene 2026, 14:05" / "12 Jan 2026, 14:05". */
export function formatDateTime(locale: AppLocale, instant: Date, timeZone = HOME_TIME_ZONE): string {
  return unbreakable(
    new Intl.DateTimeFormat(intlTag(locale), {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    }).format(instant),
  );
}

/** "enero de 2026" / "January 2026". */
export function formatMonth(locale: AppLocale, date: Date): string {
  return unbreakable(new Intl.DateTimeFormat(intlTag(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(date));
}

/** A date is never split across two lines: its spaces become no-break spaces. */
function unbreakable(text: string): string {
  return text.replace(/\s/g, "\u00a0");
}

/**
 * The public form of a release date: its month (rule 4 of DESIGN.md), or null
 * when the date is unknown.
 */
export function formatReleaseMonth(
  locale: AppLocale,
  releasedOn: Date | null,
  precision: "day" | "month" | "unknown",
): string | null {
  if (!releasedOn || precision === "unknown") return null;
  return formatMonth(locale, releasedOn);
}

/** "1234" / "12.345" in Spanish, "1,234" in English. */
export function formatNumber(locale: AppLocale, value: number): string {
  return new Intl.NumberFormat(intlTag(locale)).format(value);
}

export type ClaimedCountKey = "exact" | "atLeast" | "about" | "range" | "unknown";

export interface ClaimedCountInput {
  qualifier: "exact" | "at_least" | "about" | "range";
  value: number | null;
  min: number | null;
  max: number | null;
}

/** Namespace "claimed": "116", "al menos 400", "entre 60 y 70". */
export function claimedCount(locale: AppLocale, claim: ClaimedCountInput): Message<ClaimedCountKey> {
  const n = (value: number) => formatNumber(locale, value);
  if (claim.qualifier === "range") {
    if (claim.min !== null && claim.max !== null) return { key: "range", values: { min: n(claim.min), max: n(claim.max) } };
    // A range stated with one end only reads as that end's bound.
    if (claim.min !== null) return { key: "atLeast", values: { value: n(claim.min) } };
    if (claim.value !== null) return { key: "about", values: { value: n(claim.value) } };
    return { key: "unknown", values: {} };
  }
  if (claim.value === null) return { key: "unknown", values: {} };
  const key = claim.qualifier === "at_least" ? "atLeast" : claim.qualifier === "about" ? "about" : "exact";
  return { key, values: { value: n(claim.value) } };
}

/** The number a claim's wording agrees with (for plurals): its value, or the top of its range. */
export function claimedPluralCount(claim: ClaimedCountInput): number {
  return claim.value ?? claim.max ?? claim.min ?? 0;
}

export type CoverageKey =
  | "window"
  | "windowFrom"
  | "windowTo"
  | "cumulativeSince"
  | "singleDay"
  | "asOf"
  | "unspecified";

export interface CoverageInput {
  basis: "window" | "cumulative_since" | "single_day" | "as_of" | "unspecified";
  coversFrom: Date | null;
  coversTo: Date | null;
  coversDate: Date | null;
}

/** Namespace "coverage": "acumulado desde el 8 ene 2026", "al 31 dic 2025", "sin precisar". */
export function coverage(locale: AppLocale, covers: CoverageInput): Message<CoverageKey> {
  const d = (date: Date) => formatDay(locale, date);
  const { coversFrom: from, coversTo: to } = covers;
  switch (covers.basis) {
    case "window":
      if (from && to) return { key: "window", values: { from: d(from), to: d(to) } };
      if (from) return { key: "windowFrom", values: { from: d(from) } };
      if (to) return { key: "windowTo", values: { to: d(to) } };
      break;
    case "cumulative_since":
      if (from) return { key: "cumulativeSince", values: { from: d(from) } };
      break;
    case "single_day": {
      const date = covers.coversDate ?? from;
      if (date) return { key: "singleDay", values: { date: d(date) } };
      break;
    }
    case "as_of": {
      const date = covers.coversDate ?? to;
      if (date) return { key: "asOf", values: { date: d(date) } };
      break;
    }
    case "unspecified":
      break;
  }
  return { key: "unspecified", values: {} };
}

export type ScopeKey = "all" | "nationals" | "foreigners" | "nationality";

/** Namespace "scope": everyone, nationals, foreigners, or the nationals of one country (named by Intl). */
export function scope(
  locale: AppLocale,
  input: { scopeKind: "all" | "nationals" | "foreigners" | "nationality"; scopeNationality: string | null },
): Message<ScopeKey> {
  if (input.scopeKind !== "nationality") return { key: input.scopeKind, values: {} };
  const code = (input.scopeNationality ?? "").toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return { key: "all", values: {} };
  const country = new Intl.DisplayNames([intlTag(locale)], { type: "region" }).of(code) ?? code;
  return { key: "nationality", values: { country } };
}

/** Namespace "dates": "23 ene 2026" or "25 dic 2025 (aprox.)". */
export function statedOn(locale: AppLocale, date: Date, approximate: boolean): Message<"exact" | "approximate"> {
  return { key: approximate ? "approximate" : "exact", values: { date: formatDay(locale, date) } };
}
