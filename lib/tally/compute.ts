/**
 * The tally (DESIGN.md rules 2 and 3), as pure functions over facts read for
 * one instant (lib/tally/data.ts reads them; these functions never touch the
 * database, so every rule below is unit-tested with hand-computed figures).
 *
 * The rules:
 * - A release counts with its status at the instant: `verified`, or
 *   `reported` when reported or disputed (back in review); rejected and
 *   retracted releases count nowhere.
 * - A claim covers the releases whose date falls in its coverage: a window
 *   [from, to]; cumulative since `from` up to the day it was stated; a single
 *   day; "as of" a date (everything up to it); unspecified (everything up to
 *   the day it was stated, and releases whose date nobody knows). A release
 *   known only to the month counts when the whole month lies inside the
 *   coverage: we count what is certainly in, never what may be.
 * - Scope: everyone; nationals (VE); foreigners (anything else); one nationality.
 * - The gap is the claimed count minus the verified releases in coverage and
 *   scope. For a range it is taken from the smallest count (the claim says at
 *   least that many), and the page also says the largest.
 * - A claim about people detained is shown with its count, never compared with
 *   releases: its figures are null.
 * - Claims on different bases are each compared with their own coverage and
 *   never added together: there is no "total claimed".
 */

export type CountedStatus = "verified" | "reported";
export type DatePrecision = "day" | "month" | "unknown";

/** How many releases share a date, a nationality, a disclosure and a status at the instant. */
export interface ReleaseCell {
  /** "YYYY-MM-DD" (for month precision, the first of the month), or null when unknown. */
  releasedOn: string | null;
  precision: DatePrecision;
  nationality: string;
  withheld: boolean;
  status: CountedStatus;
  n: number;
}

/** An announcement as it was recorded at the instant (its revision then). */
export interface ClaimAtInstant {
  id: string;
  claimant: string;
  claimantKind: "government" | "ngo" | "opposition" | "press" | "foreign_government";
  statedOn: string;
  statedOnApproximate: boolean;
  measure: "released" | "detained";
  qualifier: "exact" | "at_least" | "about" | "range";
  value: number | null;
  min: number | null;
  max: number | null;
  basis: "window" | "cumulative_since" | "single_day" | "as_of" | "unspecified";
  coversFrom: string | null;
  coversTo: string | null;
  coversDate: string | null;
  scopeKind: "all" | "nationals" | "foreigners" | "nationality";
  scopeNationality: string | null;
  status: "active" | "disputed" | "superseded";
  supersededById: string | null;
  /** When it was first recorded here (ISO instant): "what changed" lists new ones by this. */
  recordedAt: string;
}

/** A name list's lines as they stood: how many, and how each was matched. */
export interface ListFacts {
  names: number;
  /** Lines linked to a person who has a verified release. */
  matchedVerified: number;
  /** …of which the person's name is withheld. */
  matchedVerifiedWithheld: number;
  /** Lines linked to a person with no verified release. */
  matchedUnverified: number;
  matchedUnverifiedWithheld: number;
  /** Lines nobody has linked to a person (yet). */
  unmatched: number;
  /** The releases (at the instant) of the persons the list names: to find verified releases it leaves out. */
  listedCells: ReleaseCell[];
}

export interface SeriesPoint {
  date: string;
  verifiedCumulative: number;
}

export interface TallyFacts {
  /** The as-of day, "YYYY-MM-DD": numbers are as of its end, Caracas time. */
  asOf: string;
  cells: ReleaseCell[];
  claims: ClaimAtInstant[];
  lists: ReadonlyMap<string, ListFacts>;
  /** Net change of verified releases per day (Caracas time), for the days on which it changed. */
  verifiedDeltas: { date: string; delta: number }[];
}

export interface ListFigures {
  names: number;
  matchedVerified: number;
  matchedUnverified: number;
  unmatched: number;
  verifiedNotListed: number;
}

/** One claim with its figures, and the withheld persons inside each (for rule 4: lib/tally/public.ts). */
export interface ClaimFigures {
  claim: ClaimAtInstant;
  verifiedInScope: number | null;
  reportedInScope: number | null;
  gap: number | null;
  list: ListFigures | null;
  withheldIn: {
    verifiedInScope: number;
    reportedInScope: number;
    matchedVerified: number;
    matchedUnverified: number;
    verifiedNotListed: number;
  };
}

export interface Tally {
  asOf: string;
  releases: { verified: number; reported: number; verifiedWithheld: number };
  announcements: ClaimFigures[];
  series: SeriesPoint[];
}

/** The days a claim covers, inclusive; null bounds are open. `undated` says whether releases of unknown date count. */
export interface Coverage {
  from: string | null;
  to: string | null;
  undated: boolean;
}

export function coverageOf(claim: Pick<ClaimAtInstant, "basis" | "coversFrom" | "coversTo" | "coversDate" | "statedOn">): Coverage {
  switch (claim.basis) {
    case "window":
      return { from: claim.coversFrom, to: claim.coversTo ?? claim.statedOn, undated: false };
    case "cumulative_since":
      return { from: claim.coversFrom, to: claim.coversTo ?? claim.statedOn, undated: false };
    case "single_day":
      return { from: claim.coversDate, to: claim.coversDate, undated: false };
    case "as_of":
      return { from: null, to: claim.coversDate ?? claim.statedOn, undated: false };
    case "unspecified":
      return { from: null, to: claim.statedOn, undated: true };
  }
}

/** The last day of the month of a "YYYY-MM-DD". */
export function lastDayOfMonth(day: string): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${day.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}

/** Whether a release of this date falls certainly inside the coverage. */
export function dateInCoverage(releasedOn: string | null, precision: DatePrecision, coverage: Coverage): boolean {
  if (releasedOn === null || precision === "unknown") return coverage.undated;
  const first = precision === "month" ? `${releasedOn.slice(0, 7)}-01` : releasedOn;
  const last = precision === "month" ? lastDayOfMonth(releasedOn) : releasedOn;
  return (coverage.from === null || first >= coverage.from) && (coverage.to === null || last <= coverage.to);
}

export const HOME_NATIONALITY = "VE";

export function nationalityInScope(nationality: string, claim: Pick<ClaimAtInstant, "scopeKind" | "scopeNationality">): boolean {
  switch (claim.scopeKind) {
    case "all":
      return true;
    case "nationals":
      return nationality === HOME_NATIONALITY;
    case "foreigners":
      return nationality !== HOME_NATIONALITY;
    case "nationality":
      return nationality === claim.scopeNationality;
  }
}

interface ScopeCount {
  verified: number;
  verifiedWithheld: number;
  reported: number;
  reportedWithheld: number;
}

const COUNTS = 4; // verified, verifiedWithheld, reported, reportedWithheld

/** Cells of one nationality and one date precision, sorted by date, with running totals for range counts. */
interface SortedCells {
  dates: string[];
  /** prefix[i * COUNTS + k]: count k of the cells before index i. */
  prefix: number[];
}

/**
 * The cells, arranged so that "how many in this date range and scope" costs a
 * few binary searches instead of a pass over every cell (a thousand claims
 * against thousands of cells, on every as-of day).
 */
export interface CellIndex {
  byNationality: Map<string, { day: SortedCells; month: SortedCells; undated: number[] }>;
}

function sortedCells(cells: readonly ReleaseCell[]): SortedCells {
  const byDate = new Map<string, number[]>();
  for (const cell of cells) {
    const counts = byDate.get(cell.releasedOn!) ?? [0, 0, 0, 0];
    addCell(counts, cell);
    byDate.set(cell.releasedOn!, counts);
  }
  const dates = [...byDate.keys()].sort();
  const prefix = new Array<number>((dates.length + 1) * COUNTS).fill(0);
  dates.forEach((date, i) => {
    const counts = byDate.get(date)!;
    for (let k = 0; k < COUNTS; k++) prefix[(i + 1) * COUNTS + k] = prefix[i * COUNTS + k]! + counts[k]!;
  });
  return { dates, prefix };
}

function addCell(counts: number[], cell: ReleaseCell): void {
  const base = cell.status === "verified" ? 0 : 2;
  counts[base] = counts[base]! + cell.n;
  if (cell.withheld) counts[base + 1] = counts[base + 1]! + cell.n;
}

export function buildCellIndex(cells: readonly ReleaseCell[]): CellIndex {
  const groups = new Map<string, { day: ReleaseCell[]; month: ReleaseCell[]; undated: number[] }>();
  for (const cell of cells) {
    let group = groups.get(cell.nationality);
    if (!group) groups.set(cell.nationality, (group = { day: [], month: [], undated: [0, 0, 0, 0] }));
    if (cell.releasedOn === null || cell.precision === "unknown") addCell(group.undated, cell);
    else if (cell.precision === "month") group.month.push({ ...cell, releasedOn: `${cell.releasedOn.slice(0, 7)}-01` });
    else group.day.push(cell);
  }
  const byNationality = new Map<string, { day: SortedCells; month: SortedCells; undated: number[] }>();
  for (const [nationality, group] of groups) {
    byNationality.set(nationality, { day: sortedCells(group.day), month: sortedCells(group.month), undated: group.undated });
  }
  return { byNationality };
}

/** The index of the first date ≥ `date` (dates.length when none). */
function lowerBound(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds to `out` the counts of the cells whose dates lie in [from, to] (null: open). */
function addRange(out: number[], sorted: SortedCells, from: string | null, to: string | null): void {
  const start = from === null ? 0 : lowerBound(sorted.dates, from);
  // Dates are "YYYY-MM-DD": the first date after `to` is the first one ≥ to + "\uffff".
  const end = to === null ? sorted.dates.length : lowerBound(sorted.dates, `${to}\uffff`);
  if (end <= start) return;
  for (let k = 0; k < COUNTS; k++) out[k] = out[k]! + sorted.prefix[end * COUNTS + k]! - sorted.prefix[start * COUNTS + k]!;
}

/** The first day of the first month that starts on or after `day`. */
function firstWholeMonthFrom(day: string): string {
  if (day.endsWith("-01")) return day;
  const [year, month] = day.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/** The first day of the last month that ends on or before `day`. */
function lastWholeMonthTo(day: string): string | null {
  if (lastDayOfMonth(day) === day) return `${day.slice(0, 7)}-01`;
  const [year, month] = day.split("-").map(Number) as [number, number];
  if (month === 1) return `${year - 1}-12-01`;
  return `${year}-${String(month - 1).padStart(2, "0")}-01`;
}

export function countInScope(index: CellIndex, claim: ClaimAtInstant): ScopeCount {
  const coverage = coverageOf(claim);
  const out = [0, 0, 0, 0];
  for (const [nationality, group] of index.byNationality) {
    if (!nationalityInScope(nationality, claim)) continue;
    addRange(out, group.day, coverage.from, coverage.to);
    // A month-only release counts when its whole month lies inside the coverage.
    const monthFrom = coverage.from === null ? null : firstWholeMonthFrom(coverage.from);
    const monthTo = coverage.to === null ? null : lastWholeMonthTo(coverage.to);
    if (monthFrom === null || monthTo === null || monthFrom <= monthTo) addRange(out, group.month, monthFrom, monthTo);
    if (coverage.undated) for (let k = 0; k < COUNTS; k++) out[k] = out[k]! + group.undated[k]!;
  }
  return { verified: out[0]!, verifiedWithheld: out[1]!, reported: out[2]!, reportedWithheld: out[3]! };
}

/** The count a gap is taken from: the value, or for a range its smallest count. */
export function claimedBase(claim: Pick<ClaimAtInstant, "qualifier" | "value" | "min">): number {
  return (claim.qualifier === "range" ? claim.min : claim.value) ?? 0;
}

export function claimFigures(
  claim: ClaimAtInstant,
  cells: CellIndex,
  list: { facts: ListFacts; cells: CellIndex } | undefined,
): ClaimFigures {
  const comparable = claim.measure === "released";
  const inScope = comparable ? countInScope(cells, claim) : null;
  let listFigures: ListFigures | null = null;
  let verifiedNotListedWithheld = 0;
  if (list) {
    // Verified releases in coverage and scope, less those of persons the list names.
    const listed = comparable ? countInScope(list.cells, claim) : null;
    const verifiedNotListed = inScope && listed ? inScope.verified - listed.verified : 0;
    verifiedNotListedWithheld = inScope && listed ? inScope.verifiedWithheld - listed.verifiedWithheld : 0;
    listFigures = {
      names: list.facts.names,
      matchedVerified: list.facts.matchedVerified,
      matchedUnverified: list.facts.matchedUnverified,
      unmatched: list.facts.unmatched,
      verifiedNotListed,
    };
  }
  return {
    claim,
    verifiedInScope: inScope ? inScope.verified : null,
    reportedInScope: inScope ? inScope.reported : null,
    gap: inScope ? claimedBase(claim) - inScope.verified : null,
    list: listFigures,
    withheldIn: {
      verifiedInScope: inScope?.verifiedWithheld ?? 0,
      reportedInScope: inScope?.reportedWithheld ?? 0,
      matchedVerified: list?.facts.matchedVerifiedWithheld ?? 0,
      matchedUnverified: list?.facts.matchedUnverifiedWithheld ?? 0,
      verifiedNotListed: verifiedNotListedWithheld,
    },
  };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The running total of verified releases, one point a day from the first change to `asOf`. */
export function verifiedSeries(deltas: readonly { date: string; delta: number }[], asOf: string): SeriesPoint[] {
  const byDay = new Map<string, number>();
  for (const { date, delta } of deltas) if (date <= asOf) byDay.set(date, (byDay.get(date) ?? 0) + delta);
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return [];
  const series: SeriesPoint[] = [];
  let total = 0;
  for (let day = days[0]!; day <= asOf; day = nextDay(day)) {
    total += byDay.get(day) ?? 0;
    series.push({ date: day, verifiedCumulative: total });
  }
  return series;
}

/** Newest statement first, then by claimant, so that the table reads the same on every request. */
function byStatedOnDesc(a: ClaimAtInstant, b: ClaimAtInstant): number {
  return b.statedOn.localeCompare(a.statedOn) || a.claimant.localeCompare(b.claimant, "es") || a.id.localeCompare(b.id);
}

export function computeTally(facts: TallyFacts): Tally {
  const index = buildCellIndex(facts.cells);
  let verified = 0;
  let reported = 0;
  let verifiedWithheld = 0;
  for (const cell of facts.cells) {
    if (cell.status === "verified") {
      verified += cell.n;
      if (cell.withheld) verifiedWithheld += cell.n;
    } else {
      reported += cell.n;
    }
  }
  return {
    asOf: facts.asOf,
    releases: { verified, reported, verifiedWithheld },
    announcements: [...facts.claims].sort(byStatedOnDesc).map((claim) => {
      const list = facts.lists.get(claim.id);
      return claimFigures(claim, index, list && { facts: list, cells: buildCellIndex(list.listedCells) });
    }),
    series: verifiedSeries(facts.verifiedDeltas, facts.asOf),
  };
}
