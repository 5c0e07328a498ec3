import type { LabelledSet } from "../search/labelled-set.ts";

/** Step 4 of bench:tally: a name list matched against the million (filled in once lib/names exists). */
export async function benchNameListMatching(
  _url: string,
  lines: number,
  _labelled: LabelledSet,
  _log: (line: string) => void,
): Promise<{ lines: number; seconds: number; summary: string }> {
  return { lines, seconds: Number.NaN, summary: "not measured yet" };
}
