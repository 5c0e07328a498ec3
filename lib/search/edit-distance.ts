/**
 * Damerau–Levenshtein distance in its "optimal string alignment" form: an
 * insertion, a deletion, a substitution or a swap of two neighbouring letters
 * each cost one ("Jsoe" is one edit from "Jose", not two). A substring is
 * never edited twice, which is what typing mistakes look like and keeps the
 * computation to three rows.
 *
 * `max` bounds the work: as soon as the distance must exceed it, `max + 1` is
 * returned. Matching only asks "within one or two edits?", so most pairs stop
 * after the length check or a row or two.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return Math.min(b.length, max + 1);
  if (b.length === 0) return Math.min(a.length, max + 1);

  // Three rows, reused between calls: matching compares millions of short word pairs.
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;

  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMinimum = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = letter === b.charCodeAt(j - 1) ? 0 : 1;
      let cost = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + substitution);
      if (i > 1 && j > 1 && letter === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        cost = Math.min(cost, rows[beforePrevious + j - 2]! + 1);
      }
      rows[current + j] = cost;
      if (cost < rowMinimum) rowMinimum = cost;
    }
    if (rowMinimum > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  const distance = rows[previous + b.length]!;
  return distance > max ? max + 1 : distance;
}

let rows = new Int32Array(3 * 32);
