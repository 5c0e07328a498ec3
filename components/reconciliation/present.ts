import { createTranslator } from "use-intl/core";
import { dbDate } from "@/lib/dates.ts";
import { catalogues } from "@/lib/i18n/catalogue.ts";
import { claimedCount, coverage, formatDay, formatNumber, scope, statedOn } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { AnnouncementView } from "@/lib/announcements/schema.ts";
import type { PublicTallyAnnouncement } from "@/lib/tally/public.ts";

/**
 * The reconciliation pages' words: figures computed by lib/tally (through
 * `publicTallyAsOf`, never here) put into sentences, for the pages, the
 * chart's labels and the CSV download alike. Pure: no database, no request.
 */

export function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: catalogues[locale] });
}
export type Translator = ReturnType<typeof translator>;

/** A claim's count as its qualifier says it. */
export type Claimed = PublicTallyAnnouncement["claimed"];

export type GapKey =
  | "exact"
  | "atLeast"
  | "about"
  | "range"
  | "upTo"
  | "none"
  | "atLeastMet"
  | "over"
  | "aboutOver"
  | "rangeOver"
  | "notCompared"
  | "suppressed";

export interface GapWords {
  key: GapKey;
  values: Record<string, number>;
}

/**
 * The gap (claimed minus verified, from the claim's smallest count) in words
 * that keep the claim's qualifier: "al menos 97 sin verificar", "entre 35 y 45
 * sin verificar", "3 verificadas más de las anunciadas". `gap` is the tally's
 * figure; for a range the largest count only widens the words.
 */
export function gapWords(figures: Pick<PublicTallyAnnouncement, "measure" | "claimed" | "gap" | "suppressed">): GapWords {
  if (figures.measure !== "released") return { key: "notCompared", values: {} };
  const gap = figures.gap;
  if (gap === null) return { key: figures.suppressed.includes("gap") ? "suppressed" : "notCompared", values: {} };
  const claimed = figures.claimed;
  switch (claimed.qualifier) {
    case "exact":
      if (gap > 0) return { key: "exact", values: { count: gap } };
      return gap === 0 ? { key: "none", values: {} } : { key: "over", values: { count: -gap } };
    case "about":
      if (gap > 0) return { key: "about", values: { count: gap } };
      return gap === 0 ? { key: "none", values: {} } : { key: "aboutOver", values: { count: -gap } };
    case "at_least":
      // "At least N": verifying N or more does not contradict it; it only means the minimum is reached.
      return gap > 0 ? { key: "atLeast", values: { count: gap } } : { key: "atLeastMet", values: { count: -gap } };
    case "range": {
      const low = gap;
      const high = gap + (claimed.max - claimed.min);
      if (low > 0) return low === high ? { key: "exact", values: { count: low } } : { key: "range", values: { min: low, max: high } };
      if (high > 0) return { key: "upTo", values: { max: high } };
      return high === 0 ? { key: "none", values: {} } : { key: "rangeOver", values: { count: -high } };
    }
  }
}

/** A figure cell: its number, or why there is none. */
export type FigureCell =
  | { kind: "value"; value: number; text: string }
  | { kind: "suppressed"; text: string }
  | { kind: "notCompared"; text: string };

export type ListPart = "matchedVerified" | "matchedUnverified" | "unmatched" | "verifiedNotListed";
export const LIST_PARTS: readonly ListPart[] = ["matchedVerified", "matchedUnverified", "unmatched", "verifiedNotListed"];

export interface AnnouncementWords {
  id: string;
  claimant: string;
  claimantKind: PublicTallyAnnouncement["claimantKind"];
  kind: string;
  statedOn: string;
  /** "al menos 400" */
  claimed: string;
  /** "Personas excarceladas" / "Personas presas" */
  measure: string;
  coverage: string;
  scope: string;
  status: PublicTallyAnnouncement["status"];
  statusLabel: string;
  verified: FigureCell;
  reported: FigureCell;
  gap: FigureCell;
  list: null | {
    names: string;
    parts: { part: ListPart; cell: FigureCell; label: string }[];
  };
  /** Some figure was left out by rule 4 (lib/tally/public.ts). */
  anySuppressed: boolean;
}

function cell(locale: AppLocale, t: Translator, value: number | null, suppressed: boolean): FigureCell {
  if (value !== null) return { kind: "value", value, text: formatNumber(locale, value) };
  return suppressed ? { kind: "suppressed", text: t("reconciliation.table.suppressed") } : { kind: "notCompared", text: t("reconciliation.gap.notCompared") };
}

export function claimWords(
  locale: AppLocale,
  t: Translator,
  a: Pick<PublicTallyAnnouncement, "claimed" | "covers" | "statedOn" | "statedOnApproximate" | "scope">,
) {
  const count = claimedCount(locale, {
    qualifier: a.claimed.qualifier,
    value: a.claimed.qualifier === "range" ? null : a.claimed.value,
    min: a.claimed.qualifier === "range" ? a.claimed.min : null,
    max: a.claimed.qualifier === "range" ? a.claimed.max : null,
  });
  const covers = coverage(locale, {
    basis: a.covers.basis,
    coversFrom: a.covers.from ? dbDate(a.covers.from) : null,
    coversTo: a.covers.to ? dbDate(a.covers.to) : null,
    coversDate: a.covers.date ? dbDate(a.covers.date) : null,
  });
  const [scopeKind, scopeNationality] = a.scope.startsWith("nationality:")
    ? (["nationality", a.scope.slice("nationality:".length)] as const)
    : ([a.scope as "all" | "nationals" | "foreigners", null] as const);
  const scoped = scope(locale, { scopeKind, scopeNationality });
  const date = statedOn(locale, dbDate(a.statedOn), a.statedOnApproximate);
  return {
    claimed: t(`claimed.${count.key}`, count.values),
    coverage: t(`coverage.${covers.key}`, covers.values),
    scope: t(`scope.${scoped.key}`, scoped.values),
    statedOn: t(`dates.${date.key}`, date.values),
  };
}

export function gapText(t: Translator, words: GapWords): string {
  return t(`reconciliation.gap.${words.key}`, words.values);
}

/** Everything the table, the cards, the chart and the CSV say about one announcement. */
export function announcementWords(locale: AppLocale, t: Translator, a: PublicTallyAnnouncement): AnnouncementWords {
  const hidden = new Set(a.suppressed);
  const claim = claimWords(locale, t, a);
  const gap = gapWords(a);
  const gapCell: FigureCell =
    gap.key === "suppressed"
      ? { kind: "suppressed", text: t("reconciliation.table.suppressed") }
      : gap.key === "notCompared"
        ? { kind: "notCompared", text: t("reconciliation.gap.notCompared") }
        : { kind: "value", value: a.gap ?? 0, text: gapText(t, gap) };
  return {
    id: a.id,
    claimant: a.claimant,
    claimantKind: a.claimantKind,
    kind: t(`claimantKind.${a.claimantKind}`),
    statedOn: claim.statedOn,
    claimed: claim.claimed,
    measure: t(`measure.${a.measure}`),
    coverage: claim.coverage,
    scope: claim.scope,
    status: a.status,
    statusLabel: t(`reconciliation.status.${a.status}`),
    verified: cell(locale, t, a.verifiedInScope, hidden.has("verifiedInScope")),
    reported: cell(locale, t, a.reportedInScope, hidden.has("reportedInScope")),
    gap: gapCell,
    list: a.list && {
      names: t("reconciliation.list.names", { count: a.list.names }),
      parts: LIST_PARTS.map((part) => {
        const value = a.list![part];
        return {
          part,
          cell: cell(locale, t, value, hidden.has(part as never)),
          // A hidden count reads in the plural ("— verificadas que la lista no incluye").
          label: t(`reconciliation.list.${part}`, { count: value ?? 2 }),
        };
      }),
    },
    anySuppressed: a.suppressed.length > 0,
  };
}

/** "14 ene 2026" for an as-of day. */
export function dayWords(locale: AppLocale, day: string): string {
  return formatDay(locale, dbDate(day));
}

/** The current record of an announcement (lib/announcements) in the tally's shape of a claim, for the same words. */
export function claimOfView(view: AnnouncementView): Pick<
  PublicTallyAnnouncement,
  "claimed" | "covers" | "statedOn" | "statedOnApproximate" | "scope" | "status" | "measure" | "claimant" | "claimantKind"
> {
  return {
    claimant: view.claimant,
    claimantKind: view.claimantKind,
    measure: view.measure,
    claimed:
      view.claimed.qualifier === "range"
        ? { qualifier: "range", min: view.claimed.min ?? 0, max: view.claimed.max ?? 0 }
        : { qualifier: view.claimed.qualifier, value: view.claimed.value ?? 0 },
    covers: view.covers,
    statedOn: view.statedOn,
    statedOnApproximate: view.statedOnApproximate,
    scope: view.scope,
    status: view.status,
  };
}

/** Whether the claim as of a day reads differently from the record today (it was corrected or re-marked since). */
export function claimChanged(
  then: ReturnType<typeof claimOfView>,
  now: ReturnType<typeof claimOfView>,
): boolean {
  const key = (c: ReturnType<typeof claimOfView>) =>
    JSON.stringify([c.claimant, c.claimantKind, c.measure, c.claimed, c.covers, c.statedOn, c.statedOnApproximate, c.scope, c.status]);
  return key(then) !== key(now);
}

/**
 * A list line as this page shows it. A line linked to a person the public may
 * not see (withheld at the family's request: `publicListLines` gives no
 * person, but still its state) reads like a line linked to no one shown:
 * "Liberación verificada" beside a printed name, with the name withheld,
 * would tell everyone which name on the list is the person whose family asked
 * not to be named (DESIGN.md rule 4). The list's counts (the tally's) still
 * count them, as every figure counts withheld persons.
 */
export function shownLine<L extends { state: "verified" | "unverified" | "unmatched" | "pending"; person: unknown }>(line: L): L {
  return line.person === null && (line.state === "verified" || line.state === "unverified") ? { ...line, state: "unmatched" } : line;
}
