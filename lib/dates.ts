/**
 * Calendar days and instants. Days are ISO strings ("2026-01-12"); instants
 * are Dates. Venezuela is UTC-4 all year (no daylight saving since 2016), and
 * "today" for a release date or an as-of date means today in Caracas.
 */
const CARACAS_OFFSET_MS = -4 * 3_600_000;

/** The calendar day in Caracas of an instant. */
export function caracasDay(at: Date): string {
  return new Date(at.getTime() + CARACAS_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Caracas. */
export function todayInCaracas(now = new Date()): string {
  return caracasDay(now);
}

/** The last millisecond of `day` in Caracas (23:59:59.999 VET). */
export function endOfCaracasDay(day: string): Date {
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - CARACAS_OFFSET_MS);
}

/** A calendar day as Prisma wants it for a @db.Date column. */
export function dbDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A @db.Date value back to its calendar day. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether "YYYY-MM-DD" names a real calendar day (no 31 February). */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && dayOf(date) === day;
}
