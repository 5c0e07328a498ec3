import { VARIATIONS, type LabelledQuery, type Variation } from "./labelled-set.ts";
import type { MatchKind } from "./match.ts";

/**
 * Recall on the labelled set, shared by the in-memory test (the matcher alone)
 * and the database test (the whole search on PostgreSQL), so both hold the
 * same bar (issue 5): recall@5 ≥ 0.97 overall and ≥ 0.90 for every variation,
 * and never `exact` for a name or cédula that is not on record.
 */
export const RECALL_AT_5_OVERALL = 0.97;
export const RECALL_AT_5_PER_VARIATION = 0.9;

export interface Outcome {
  query: LabelledQuery;
  /** Ids of the first five answers, best first, with their classes. */
  answers: { id: string; match: MatchKind }[];
  /** Position of the expected person among them, -1 when absent or not on record. */
  position: number;
}

export const LABELLED_VARIATIONS = VARIATIONS.filter((variation) => !variation.startsWith("not-on-record"));

export const isLabelled = (outcome: Outcome): boolean => outcome.query.expectedId !== null;

export function ofVariation(outcomes: readonly Outcome[], variation: Variation): Outcome[] {
  return outcomes.filter(({ query }) => query.variation === variation);
}

export function share(group: readonly Outcome[], test: (outcome: Outcome) => boolean): number {
  return group.length === 0 ? 0 : group.filter(test).length / group.length;
}

export function recall(group: readonly Outcome[], within: number): number {
  return share(group, ({ position }) => position >= 0 && position < within);
}

/** Not-on-record queries answered `exact`: must be none. */
export function exactForStrangers(outcomes: readonly Outcome[]): string[] {
  return outcomes
    .filter(({ query, answers }) => query.expectedId === null && answers.some((answer) => answer.match === "exact"))
    .map(({ query }) => query.text);
}

/** The table both tests print: recall@1 and recall@5 per variation, then overall. */
export function recallTable(outcomes: readonly Outcome[], extra?: (group: readonly Outcome[]) => string): string {
  const rows: Record<string, string | number>[] = VARIATIONS.map((variation) => {
    const group = ofVariation(outcomes, variation);
    const stranger = variation.startsWith("not-on-record");
    return {
      variation,
      queries: group.length,
      "recall@1": stranger ? "—" : recall(group, 1).toFixed(3),
      "recall@5": stranger ? "—" : recall(group, 5).toFixed(3),
      ...(extra ? { "class as expected": stranger ? "—" : extra(group) } : {}),
      "exact answers": stranger ? group.filter(({ answers }) => answers.some((answer) => answer.match === "exact")).length : "",
      "any answer": stranger ? group.filter(({ answers }) => answers.length > 0).length : "",
    };
  });
  const labelled = outcomes.filter(isLabelled);
  rows.push({
    variation: "all labelled",
    queries: labelled.length,
    "recall@1": recall(labelled, 1).toFixed(3),
    "recall@5": recall(labelled, 5).toFixed(3),
    ...(extra ? { "class as expected": extra(labelled) } : {}),
    "exact answers": "",
    "any answer": "",
  });
  return formatTable(rows);
}

export function formatMisses(misses: readonly Outcome[], describeTarget: (outcome: Outcome) => string): string {
  return [
    "Not found in the first 5, or not the promised class (first 20):",
    ...misses.slice(0, 20).map((outcome) => {
      const first = outcome.answers[0] ? `${outcome.answers[0].id} (${outcome.answers[0].match})` : "nothing";
      return `  ${outcome.query.variation}: "${outcome.query.text}" → ${describeTarget(outcome)}, first ${first}`;
    }),
  ].join("\n");
}

function formatTable(rows: readonly Record<string, string | number>[]): string {
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join("  ");
  const body = rows.map((row) => line(columns.map((column) => String(row[column]))));
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...body].join("\n");
}
