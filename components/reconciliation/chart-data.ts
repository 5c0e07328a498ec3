import type { ClaimantKind } from "@/lib/announcements/schema.ts";

/**
 * The chart's data, shaped on the server from the public tally (pure: no
 * words are computed here, only positions). Days become UTC milliseconds so
 * that the series and the announcements share one time axis.
 */
export interface ChartPoint {
  t: number;
  verified: number;
}

export interface ChartMarker {
  id: string;
  t: number;
  /** The claimed count (for a range, its smallest). */
  value: number;
  /** For a range, how far its largest count lies above `value`: [0, max − min] (an error bar); else [0, 0]. */
  spread: [number, number];
  kind: ClaimantKind;
  /** Disputed or superseded: drawn hollow. */
  faded: boolean;
  /** "Foro Penal, 13 ene 2026: 56", for the mark's tooltip. */
  label: string;
}

export interface ChartWindow {
  from: number;
  to: number;
}

export interface ChartData {
  points: ChartPoint[];
  markers: ChartMarker[];
  /** Everything, up to the as-of day. */
  all: ChartWindow;
  /**
   * The announcements' period, when the time after the last announcement is
   * much longer than the period itself (the chart would be a flat line with
   * every mark squeezed to one side); null when the whole range reads well.
   */
  claims: ChartWindow | null;
  /** The verified total at the end of the claims' window and as of the day (for "after that, it kept changing"). */
  atClaimsEnd: number | null;
  atAsOf: number;
}

const DAY = 86_400_000;
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const msDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface ChartInput {
  asOf: string;
  series: readonly { date: string; verifiedCumulative: number }[];
  announcements: readonly {
    id: string;
    statedOn: string;
    measure: "released" | "detained";
    claimantKind: ClaimantKind;
    status: "active" | "disputed" | "superseded";
    claimed: { qualifier: "exact" | "at_least" | "about"; value: number } | { qualifier: "range"; min: number; max: number };
  }[];
  label: (id: string) => string;
}

export function chartData(input: ChartInput): ChartData {
  // Only the days where the total changed, and the last day: a step line needs nothing else.
  const points: ChartPoint[] = [];
  let previous: number | null = null;
  for (const point of input.series) {
    if (point.verifiedCumulative !== previous) points.push({ t: dayMs(point.date), verified: point.verifiedCumulative });
    previous = point.verifiedCumulative;
  }
  const asOfMs = dayMs(input.asOf);
  const atAsOf = input.series.at(-1)?.verifiedCumulative ?? 0;
  if (points.length > 0 && points.at(-1)!.t < asOfMs) points.push({ t: asOfMs, verified: atAsOf });

  const markers: ChartMarker[] = input.announcements
    .filter((a) => a.measure === "released")
    .map((a) => {
      const value = a.claimed.qualifier === "range" ? a.claimed.min : a.claimed.value;
      const spread: [number, number] = a.claimed.qualifier === "range" ? [0, a.claimed.max - a.claimed.min] : [0, 0];
      return { id: a.id, t: dayMs(a.statedOn), value, spread, kind: a.claimantKind, faded: a.status !== "active", label: input.label(a.id) };
    })
    .sort((a, b) => a.t - b.t);

  const times = [...points.map((p) => p.t), ...markers.map((m) => m.t)];
  const first = times.length > 0 ? Math.min(...times) : asOfMs;
  const all = { from: first - 2 * DAY, to: asOfMs };
  // Before the first change the total was nought: the line starts from the chart's left edge.
  if (points.length > 0) points.unshift({ t: all.from, verified: 0 });

  let claims: ChartWindow | null = null;
  let atClaimsEnd: number | null = null;
  if (markers.length > 0) {
    const claimsEnd = Math.min(markers.at(-1)!.t + 10 * DAY, asOfMs);
    const span = claimsEnd - all.from;
    if (asOfMs - claimsEnd > 2 * span) {
      claims = { from: all.from, to: claimsEnd };
      atClaimsEnd = points.filter((p) => p.t <= claimsEnd).at(-1)?.verified ?? 0;
    }
  }
  return { points, markers, all, claims, atClaimsEnd, atAsOf };
}

/** The series in the window, with the value at its end added so that the step line reaches the edge. */
export function pointsIn(points: readonly ChartPoint[], window: ChartWindow): ChartPoint[] {
  const inside = points.filter((p) => p.t <= window.to);
  const last = inside.at(-1);
  if (last && last.t < window.to) inside.push({ t: window.to, verified: last.verified });
  return inside;
}
