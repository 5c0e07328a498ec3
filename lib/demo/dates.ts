/**
 * Date helpers for the demo story. Calendar days are ISO strings
 * ("2026-01-12"); instants are Dates. Venezuela is UTC-4 all year.
 */
const DAY_MS = 86_400_000;
const CARACAS_OFFSET_MS = -4 * 3_600_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The instant `minutes` after midnight UTC of `day`. */
export function atUtc(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
}

/** The calendar day in Caracas of an instant. */
export function caracasDay(at: Date): string {
  return new Date(at.getTime() + CARACAS_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of `day` in Caracas (23:59:59.999 VET). */
export function endOfCaracasDay(day: string): Date {
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - CARACAS_OFFSET_MS);
}

/** A calendar day as Prisma wants it for a @db.Date column. */
export function dbDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

const MONTHS = [
  "enero", "febrero", "marzo", "abril", "mayo", "junio",
  "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
];

/** "12 de enero" */
export function spanishDay(day: string): string {
  const [, month, date] = day.split("-").map(Number) as [number, number, number];
  return `${date} de ${MONTHS[month - 1]}`;
}
