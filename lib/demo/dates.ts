export { caracasDay, dbDate, endOfCaracasDay } from "../dates.ts";
/**
 * Date helpers for the demo story (the general ones are in lib/dates.ts). Calendar days are ISO strings
 * ("2026-01-12"); instants are Dates. Venezuela is UTC-4 all year.
 */
const DAY_MS = 86_400_000;

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

const MONTHS = [
  "enero", "febrero", "marzo", "abril", "mayo", "junio",
  "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
];

/** "12 de enero" */
export function spanishDay(day: string): string {
  const [, month, date] = day.split("-").map(Number) as [number, number, number];
  return `${date} de ${MONTHS[month - 1]}`;
}
