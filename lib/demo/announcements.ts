/**
 * The announcements of December 2025 and January 2026, as the press reported
 * them, mapped to Announcement rows.
 *
 * `announcements-2026-01.json` beside this file is a copy of the project's
 * shared data file `shared/data/announcements-2026-01.json` (in the workspace:
 * path.resolve(process.cwd(), "..", "shared", "data", "announcements-2026-01.json")).
 * The copy is what the app reads, so that it runs from a checkout without
 * shared/ beside it; keep the two identical (a unit test compares them when
 * the shared file is present).
 */
import path from "node:path";
import data from "./announcements-2026-01.json" with { type: "json" };

export const SHARED_ANNOUNCEMENTS_PATH = () =>
  path.resolve(process.cwd(), "..", "shared", "data", "announcements-2026-01.json");

type ClaimantKind = "government" | "ngo" | "opposition" | "press" | "foreign_government";
type Qualifier = "exact" | "at_least" | "about" | "range";
type Basis = "window" | "cumulative_since" | "single_day" | "as_of" | "unspecified";

export interface AnnouncementsFile {
  about?: string;
  claimants: { key: string; name: string; kind: string }[];
  announcements: RawAnnouncement[];
}

export interface RawAnnouncement {
  key: string;
  claimant: string;
  statedOn: string;
  statedOnPrecision?: string;
  measure: string;
  count: { qualifier: string; value?: number; min?: number; max?: number; breakdown?: Record<string, number> };
  covers: { basis: string; from?: string; to?: string; date?: string };
  scope?: string;
  quote?: string;
  note?: string;
  source?: string;
}

/** One announcement as the loader writes it (dates as "YYYY-MM-DD"). */
export interface AnnouncementPlan {
  externalKey: string;
  claimant: string;
  claimantKind: ClaimantKind;
  statedOn: string;
  statedOnApproximate: boolean;
  measure: "released" | "detained";
  qualifier: Qualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  breakdown: Record<string, number> | null;
  basis: Basis;
  coversFrom: string | null;
  coversTo: string | null;
  coversDate: string | null;
  scopeKind: "all" | "nationals" | "foreigners" | "nationality";
  scopeNationality: string | null;
  sourceUrl: string | null;
  sourceDescription: string | null;
  quote: string | null;
  quoteLang: string | null;
  note: string | null;
}

export function demoAnnouncementsFile(): AnnouncementsFile {
  return data as AnnouncementsFile;
}

const CLAIMANT_KINDS: readonly ClaimantKind[] = ["government", "ngo", "opposition", "press", "foreign_government"];
const QUALIFIERS: readonly Qualifier[] = ["exact", "at_least", "about", "range"];
const BASES: readonly Basis[] = ["window", "cumulative_since", "single_day", "as_of", "unspecified"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Maps the file to announcement rows; throws on anything it does not understand. */
export function mapAnnouncements(file: AnnouncementsFile = demoAnnouncementsFile()): AnnouncementPlan[] {
  const claimants = new Map(file.claimants.map((c) => [c.key, c]));
  return file.announcements.map((a) => {
    const fail = (what: string): never => {
      throw new Error(`demo announcement ${a.key}: ${what}`);
    };
    const claimant = claimants.get(a.claimant) ?? fail(`unknown claimant "${a.claimant}"`);
    const claimantKind = oneOf(claimant.kind, CLAIMANT_KINDS) ?? fail(`unknown claimant kind "${claimant.kind}"`);
    const measure = a.measure === "released" || a.measure === "detained" ? a.measure : fail(`unknown measure "${a.measure}"`);
    const qualifier = oneOf(a.count.qualifier, QUALIFIERS) ?? fail(`unknown qualifier "${a.count.qualifier}"`);
    const basis = oneOf(a.covers.basis, BASES) ?? fail(`unknown basis "${a.covers.basis}"`);
    const day = (value: string | undefined, what: string): string | null => {
      if (value === undefined) return null;
      return DAY.test(value) ? value : fail(`${what} is not a date: "${value}"`);
    };
    if (qualifier === "range" ? a.count.min === undefined || a.count.max === undefined : a.count.value === undefined) {
      fail("count lacks its number");
    }

    let coversFrom: string | null = null;
    let coversTo: string | null = null;
    let coversDate: string | null = null;
    if (basis === "window") {
      coversFrom = day(a.covers.from, "covers.from") ?? fail("window without from");
      coversTo = day(a.covers.to, "covers.to");
    } else if (basis === "cumulative_since") {
      coversFrom = day(a.covers.from, "covers.from") ?? fail("cumulative_since without from");
    } else if (basis === "as_of" || basis === "single_day") {
      coversDate = day(a.covers.date, "covers.date") ?? fail(`${basis} without date`);
    }

    const scope = a.scope ?? "all";
    let scopeKind: AnnouncementPlan["scopeKind"];
    let scopeNationality: string | null = null;
    if (scope === "all" || scope === "nationals" || scope === "foreigners") {
      scopeKind = scope;
    } else {
      const match = /^nationality:([A-Z]{2})$/.exec(scope) ?? fail(`unknown scope "${scope}"`);
      scopeKind = "nationality";
      scopeNationality = match[1]!;
    }

    const source = a.source?.trim() || null;
    return {
      externalKey: a.key,
      claimant: claimant.name,
      claimantKind,
      statedOn: day(a.statedOn, "statedOn") ?? fail("no statedOn"),
      statedOnApproximate: a.statedOnPrecision === "approximate",
      measure,
      qualifier,
      value: a.count.value ?? null,
      min: a.count.min ?? null,
      max: a.count.max ?? null,
      breakdown: a.count.breakdown ?? null,
      basis,
      coversFrom,
      coversTo,
      coversDate,
      scopeKind,
      scopeNationality,
      sourceUrl: source && /^https?:\/\//.test(source) ? source : null,
      sourceDescription: source,
      quote: a.quote ?? null,
      quoteLang: a.quote ? "es" : null,
      note: a.note ?? null,
    };
  });
}

function oneOf<T extends string>(value: string, options: readonly T[]): T | undefined {
  return (options as readonly string[]).includes(value) ? (value as T) : undefined;
}
