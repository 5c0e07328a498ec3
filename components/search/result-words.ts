import { formatMonth } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { SearchStatus } from "@/lib/search/schema.ts";

/**
 * A search result put in words (pure, used on the server and in the browser):
 * which message says its status and its match, its release month, and
 * whether its name is initials only.
 */

/** The API's status → the key of the shared "status" namespace ("Liberación verificada"…). */
export const STATUS_KEY = {
  release_verified: "verified",
  release_reported: "reported",
  detained: "detained",
} as const satisfies Record<SearchStatus, string>;

export function statusKey(status: SearchStatus): (typeof STATUS_KEY)[SearchStatus] {
  return STATUS_KEY[status];
}

/**
 * "2026-01-12" or "2026-01" → "enero de 2026" / "January 2026": the month is
 * all the public sees of a release date (DESIGN.md rule 4), even when the
 * answer carries the day. Null when unknown or not a real month.
 */
export function releaseMonth(locale: AppLocale, releasedOn: string | null): string | null {
  if (!releasedOn) return null;
  const match = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(releasedOn);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return formatMonth(locale, new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * A name shown as initials only ("J. L. P. R."), as lib/persons/public.ts
 * writes it for families who asked: it deserves a word of explanation, not
 * a look of a broken record.
 */
export function isInitialsOnly(name: string): boolean {
  return /^\p{L}\p{M}*\.(?:\s+\p{L}\p{M}*\.)*$/u.test(name.trim());
}

/** A full page of results means others were left out: a word more would narrow them. */
export function fillsLimit(count: number, limit: number): boolean {
  return count >= limit;
}

/**
 * How long to wait, in the unit a person reads best: seconds up to a minute
 * and a half, then whole minutes (rounded up, never "0 minutes").
 */
export function waitWords(seconds: number): { unit: "seconds" | "minutes"; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole <= 90) return { unit: "seconds", count: whole };
  return { unit: "minutes", count: Math.ceil(whole / 60) };
}
