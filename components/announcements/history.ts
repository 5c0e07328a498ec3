/**
 * The versions of an announcement (lib/announcements/data.ts
 * announcementHistory: each version's changed fields, newest first) put the
 * way a person reads them: the count as a count ("al menos 400" → "450"),
 * what it covers as one phrase, the scope as one phrase, then each other
 * field that changed. Pure: the page turns these into words.
 */

export interface RevisionChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface Revision {
  version: number;
  changedAt: string;
  reason: string | null;
  changes: RevisionChange[];
}

export type Shown =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "link"; url: string }
  | { kind: "day"; day: string }
  | { kind: "choice"; group: "claimantKinds" | "measures" | "statuses"; value: string }
  | { kind: "language"; code: string }
  | { kind: "yesNo"; value: boolean }
  | { kind: "claimed"; qualifier: "exact" | "at_least" | "about" | "range"; value: number | null; min: number | null; max: number | null }
  | {
      kind: "covers";
      basis: "window" | "cumulative_since" | "single_day" | "as_of" | "unspecified";
      from: string | null;
      to: string | null;
      date: string | null;
    }
  | { kind: "scope"; scopeKind: "all" | "nationals" | "foreigners" | "nationality"; nationality: string | null }
  | { kind: "breakdown"; entries: [string, number][] }
  | { kind: "file"; sha256: string }
  | { kind: "announcement"; id: string };

/** The rows of a version's changes, in the form's order (keys of `announcementForm.history.fields`). */
export type HistoryField =
  | "claimant"
  | "claimantKind"
  | "statedOn"
  | "statedOnApproximate"
  | "measure"
  | "claimed"
  | "breakdown"
  | "covers"
  | "scope"
  | "sourceUrl"
  | "sourceDescription"
  | "quote"
  | "quoteLang"
  | "note"
  | "archivedFile"
  | "archivedUrl"
  | "status"
  | "supersededBy"
  | "deleted";

export interface HistoryItem {
  field: HistoryField;
  before: Shown;
  after: Shown;
}

export interface DescribedRevision {
  version: number;
  changedAt: string;
  reason: string | null;
  /** The first version: the announcement was recorded (its fields are the form above, not listed again). */
  recorded: boolean;
  items: HistoryItem[];
}

type Snapshot = Record<string, unknown>;

/** Long texts (quotes, notes) are cut in a history line; the form has them whole. */
export const HISTORY_TEXT_LIMIT = 160;

function cut(text: string): string {
  return text.length > HISTORY_TEXT_LIMIT ? `${text.slice(0, HISTORY_TEXT_LIMIT - 1).trimEnd()}…` : text;
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

function shownOf(field: HistoryField, s: Snapshot): Shown {
  switch (field) {
    case "claimed": {
      const qualifier = str(s.qualifier);
      if (!qualifier) return { kind: "empty" };
      return { kind: "claimed", qualifier: qualifier as "exact", value: num(s.value), min: num(s.min), max: num(s.max) };
    }
    case "covers": {
      const basis = str(s.basis);
      if (!basis) return { kind: "empty" };
      return { kind: "covers", basis: basis as "window", from: str(s.coversFrom), to: str(s.coversTo), date: str(s.coversDate) };
    }
    case "scope": {
      const scopeKind = str(s.scopeKind);
      if (!scopeKind) return { kind: "empty" };
      return { kind: "scope", scopeKind: scopeKind as "all", nationality: str(s.scopeNationality) };
    }
    case "claimantKind":
    case "measure":
    case "status": {
      const value = str(s[field]);
      const group = field === "claimantKind" ? "claimantKinds" : field === "measure" ? "measures" : "statuses";
      return value ? { kind: "choice", group, value } : { kind: "empty" };
    }
    case "statedOn":
      return str(s.statedOn) ? { kind: "day", day: str(s.statedOn)! } : { kind: "empty" };
    case "statedOnApproximate":
    case "deleted":
      return { kind: "yesNo", value: s[field] === true };
    case "quoteLang":
      return str(s.quoteLang) ? { kind: "language", code: str(s.quoteLang)! } : { kind: "empty" };
    case "breakdown": {
      const breakdown = s.breakdown;
      if (!breakdown || typeof breakdown !== "object") return { kind: "empty" };
      const entries = Object.entries(breakdown as Record<string, unknown>).filter((entry): entry is [string, number] => typeof entry[1] === "number");
      return entries.length > 0 ? { kind: "breakdown", entries } : { kind: "empty" };
    }
    case "sourceUrl":
    case "archivedUrl":
      return str(s[field]) ? { kind: "link", url: str(s[field])! } : { kind: "empty" };
    case "archivedFile":
      return str(s.archivedFileSha256) ? { kind: "file", sha256: str(s.archivedFileSha256)! } : { kind: "empty" };
    case "supersededBy":
      return str(s.supersededById) ? { kind: "announcement", id: str(s.supersededById)! } : { kind: "empty" };
    default: {
      const value = str(s[field]);
      return value ? { kind: "text", text: cut(value) } : { kind: "empty" };
    }
  }
}

/** Which snapshot fields each history row reads. */
const ROWS: [HistoryField, readonly string[]][] = [
  ["claimant", ["claimant"]],
  ["claimantKind", ["claimantKind"]],
  ["statedOn", ["statedOn"]],
  ["statedOnApproximate", ["statedOnApproximate"]],
  ["measure", ["measure"]],
  ["claimed", ["qualifier", "value", "min", "max"]],
  ["breakdown", ["breakdown"]],
  ["covers", ["basis", "coversFrom", "coversTo", "coversDate"]],
  ["scope", ["scopeKind", "scopeNationality"]],
  ["sourceUrl", ["sourceUrl"]],
  ["sourceDescription", ["sourceDescription"]],
  ["quote", ["quote"]],
  ["quoteLang", ["quoteLang"]],
  ["note", ["note"]],
  ["archivedFile", ["archivedFileSha256"]],
  ["archivedUrl", ["archivedUrl"]],
  ["status", ["status"]],
  ["supersededBy", ["supersededById"]],
  ["deleted", ["deleted"]],
];

/**
 * Each version with what changed in it, newest first (as given). The whole
 * claim of each version is rebuilt from the oldest one forward, so that a
 * changed count is read with its qualifier even when only the number changed.
 */
export function describeRevisions(newestFirst: readonly Revision[]): DescribedRevision[] {
  const oldestFirst = [...newestFirst].sort((a, b) => a.version - b.version);
  let previous: Snapshot = {};
  const described: DescribedRevision[] = [];
  oldestFirst.forEach((revision, index) => {
    const current: Snapshot = { ...previous };
    for (const change of revision.changes) current[change.field] = change.after;
    const changed = new Set(revision.changes.map((change) => change.field));
    const recorded = index === 0;
    const items: HistoryItem[] = recorded
      ? []
      : ROWS.filter(([, fields]) => fields.some((field) => changed.has(field))).map(([field]) => ({
          field,
          before: shownOf(field, previous),
          after: shownOf(field, current),
        }));
    described.push({ version: revision.version, changedAt: revision.changedAt, reason: revision.reason, recorded, items });
    previous = current;
  });
  return described.reverse();
}

/** The announcements a history names (to look up who made them and when). */
export function namedAnnouncements(revisions: readonly DescribedRevision[]): string[] {
  const ids = new Set<string>();
  for (const revision of revisions) {
    for (const item of revision.items) {
      for (const shown of [item.before, item.after]) if (shown.kind === "announcement") ids.add(shown.id);
    }
  }
  return [...ids];
}
