import { isRealDay } from "@/lib/dates.ts";
import { asOfDaySchema } from "@/lib/tally/schema.ts";

/**
 * Reading an "as of" day from a page's address (`?asOf=2026-01-14`), with the
 * rules of `asOfDaySchema` (lib/tally/schema.ts, which the API uses) but a
 * reason a person can be told instead of an error: a page never fails on a
 * bad date, it says so and shows today.
 */
export type AsOfProblem = "invalid" | "future" | "tooEarly";

export type AsOfReading =
  /** No date asked for (or an empty one): today. */
  | { kind: "today"; day: string }
  /** A valid past day (or today, written out). */
  | { kind: "chosen"; day: string }
  /** A date that cannot be used: today is shown instead. */
  | { kind: "problem"; day: string; problem: AsOfProblem; raw: string };

const EARLIEST = "2000-01-01";
const MAX_ECHO = 40;

export function readAsOf(raw: string | string[] | undefined, today: string): AsOfReading {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  if (value === "") return { kind: "today", day: today };
  const echo = value.slice(0, MAX_ECHO);
  if (!isRealDay(value)) return { kind: "problem", day: today, problem: "invalid", raw: echo };
  if (value < EARLIEST) return { kind: "problem", day: today, problem: "tooEarly", raw: echo };
  if (value > today) return { kind: "problem", day: today, problem: "future", raw: echo };
  // The same rules as the API's: anything accepted here is accepted there.
  if (!asOfDaySchema.safeParse(value).success) return { kind: "problem", day: today, problem: "invalid", raw: echo };
  return value === today ? { kind: "today", day: today } : { kind: "chosen", day: value };
}

/** A day `n` days before `day` ("YYYY-MM-DD"), not before the earliest day on record. */
export function daysBefore(day: string, n: number): string {
  const earlier = new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  return earlier < EARLIEST ? EARLIEST : earlier;
}

export type PeriodProblem =
  | { kind: AsOfProblem; raw: string }
  | { kind: "order"; from: string; to: string };

/**
 * The period of "what changed" (`?from=&to=`): both days read like `asOf`;
 * `to` defaults to today and `from` to seven days before `to`. A bad day, or
 * a period that runs backwards, is said, and the seven days up to today shown.
 */
export function readChangesPeriod(
  rawFrom: string | string[] | undefined,
  rawTo: string | string[] | undefined,
  today: string,
): { from: string; to: string; problem: PeriodProblem | null } {
  const fallback = { from: daysBefore(today, 7), to: today };
  const to = readAsOf(rawTo, today);
  if (to.kind === "problem") return { ...fallback, problem: { kind: to.problem, raw: to.raw } };
  const fromRaw = (Array.isArray(rawFrom) ? rawFrom[0] : rawFrom)?.trim() ?? "";
  if (fromRaw === "") return { from: daysBefore(to.day, 7), to: to.day, problem: null };
  const from = readAsOf(fromRaw, today);
  if (from.kind === "problem") return { ...fallback, problem: { kind: from.problem, raw: from.raw } };
  if (from.day > to.day) return { ...fallback, problem: { kind: "order", from: from.day, to: to.day } };
  return { from: from.day, to: to.day, problem: null };
}
