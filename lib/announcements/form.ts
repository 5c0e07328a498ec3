import { isRealDay } from "../dates.ts";
import { claimedSchema, claimProblems, coversSchema, type AnnouncementView } from "./schema.ts";

/**
 * The moderator's announcement forms, as pure functions: what the form's
 * fields are, how what was typed becomes the API's input (the same zod
 * schemas then decide, so that form and API say the same thing), how a saved
 * announcement fills the form, and how the schema's issues (English, for
 * developers) become a field and a message key of the `announcementForm`
 * catalogue.
 *
 * The form shows only the fields a choice needs (min and max for a range, the
 * dates a basis needs) but keeps the others in the page: what is typed in a
 * hidden field is dropped here, so that switching from "range" to "exact"
 * does not send a stale min and max.
 */

export const CLAIM_FIELDS = [
  "claimant",
  "claimantKind",
  "statedOn",
  "statedOnApproximate",
  "measure",
  "qualifier",
  "value",
  "min",
  "max",
  "basis",
  "from",
  "to",
  "date",
  "scopeKind",
  "scopeCountry",
  "breakdown",
  "sourceUrl",
  "sourceDescription",
  "quote",
  "quoteLang",
  "note",
  "archivedUrl",
  "reason",
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

/** What the form shows in each field: always text ("" when empty; "on" for a ticked box). */
export type ClaimFormValues = Record<ClaimField, string>;

/** Every field a problem can be said next to (the claim's, the archived file's, the status and delete forms'). */
export type FormField = ClaimField | "archivedFile" | "status" | "supersededById" | "confirm";

export const SCOPE_KINDS = ["all", "nationals", "foreigners", "nationality"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** Languages offered for a quote (others are kept when an announcement already has one). */
export const QUOTE_LANGUAGES = ["es", "en", "pt", "fr", "it", "de"] as const;

/** A new announcement's form: the usual answers chosen, nothing else typed. */
export const EMPTY_CLAIM_VALUES: ClaimFormValues = {
  claimant: "",
  claimantKind: "",
  statedOn: "",
  statedOnApproximate: "",
  measure: "released",
  qualifier: "exact",
  value: "",
  min: "",
  max: "",
  basis: "",
  from: "",
  to: "",
  date: "",
  scopeKind: "all",
  scopeCountry: "",
  breakdown: "",
  sourceUrl: "",
  sourceDescription: "",
  quote: "",
  quoteLang: "es",
  note: "",
  archivedUrl: "",
  reason: "",
};

// ───────────────────────────── reading what was typed ─────────────────────────────

type Raw = Record<string, unknown>;

function text(raw: Raw, key: string): string | undefined {
  const value = raw[key];
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * A count as typed: "400", "1.234" or "1,234" (thousands), "-3" (refused by
 * the schema as negative). Anything else is passed on as typed, for the
 * schema to refuse as "not a whole number".
 */
export function countOf(typed: string | undefined): number | string | undefined {
  if (typed === undefined) return undefined;
  const compact = typed.replace(/[\s\u00a0\u202f]/g, "");
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(compact)) return Number(compact.replace(/[.,]/g, ""));
  if (/^-?\d+$/.test(compact)) return Number(compact);
  return typed;
}

/**
 * A day as typed: the date picker's "2026-01-12", or "12/01/2026" typed by
 * hand where there is no picker (day first, as in Venezuela). Anything else
 * is passed on, for the schema to refuse.
 */
export function dayOf(typed: string | undefined): string | undefined {
  if (typed === undefined) return undefined;
  const handTyped = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  if (handTyped) return `${handTyped[3]}-${handTyped[2]!.padStart(2, "0")}-${handTyped[1]!.padStart(2, "0")}`;
  return typed;
}

/**
 * The breakdown box: one sub-count a line, "nationals: 66" (or "nationals = 66").
 * Empty → null; a line that is not "name: number" → the text as typed, which
 * the schema refuses (an issue on `breakdown`).
 */
export function breakdownOf(typed: string | undefined): Record<string, number | string> | string | null {
  if (typed === undefined) return null;
  const out: Record<string, number | string> = {};
  for (const line of typed.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const match = /^(.+?)\s*[:=]\s*(\S+)\s*$/.exec(line.trim());
    if (!match) return typed;
    out[match[1]!.trim()] = countOf(match[2]) ?? match[2]!;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The breakdown as the box shows it. */
export function breakdownText(breakdown: Record<string, number> | null): string {
  if (!breakdown) return "";
  return Object.entries(breakdown)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
}

function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * What was typed (a FormData turned into an object: empty fields absent) → the
 * input of `createAnnouncementSchema` (and, with `version` and `reason`, of
 * `updateAnnouncementSchema`). Nothing is checked here: the schema does it.
 */
export function claimInputFromForm(raw: Raw, options: { edit?: boolean } = {}): Record<string, unknown> {
  const qualifier = text(raw, "qualifier");
  const basis = text(raw, "basis");
  const scopeKind = text(raw, "scopeKind") ?? "all";
  const quote = text(raw, "quote");
  const approximate = text(raw, "statedOnApproximate");

  const claimed =
    qualifier === "range"
      ? defined({ qualifier, min: countOf(text(raw, "min")), max: countOf(text(raw, "max")) })
      : defined({ qualifier, value: countOf(text(raw, "value")) });

  const dates = {
    from: dayOf(text(raw, "from")),
    to: dayOf(text(raw, "to")),
    date: dayOf(text(raw, "date")),
  };
  const covers = defined({
    basis,
    from: basis === "window" || basis === "cumulative_since" ? dates.from : undefined,
    to: basis === "window" ? dates.to : undefined,
    date: basis === "single_day" || basis === "as_of" ? dates.date : undefined,
  });

  const input: Record<string, unknown> = defined({
    // An empty claimant is sent as "", so that the schema says "say who made the claim".
    claimant: text(raw, "claimant") ?? "",
    claimantKind: text(raw, "claimantKind"),
    statedOn: dayOf(text(raw, "statedOn")),
    statedOnApproximate: approximate === "on" || approximate === "true",
    measure: text(raw, "measure"),
    claimed,
    breakdown: breakdownOf(text(raw, "breakdown")),
    covers,
    scope: scopeKind === "nationality" ? `nationality:${text(raw, "scopeCountry") ?? ""}` : scopeKind,
    sourceUrl: text(raw, "sourceUrl"),
    sourceDescription: text(raw, "sourceDescription"),
    quote,
    // The language of a quote only goes with a quote.
    quoteLang: quote ? text(raw, "quoteLang") : undefined,
    note: text(raw, "note"),
    archivedUrl: text(raw, "archivedUrl"),
  });
  if (options.edit) {
    const version = text(raw, "version");
    if (version !== undefined) input.version = version;
    const reason = text(raw, "reason");
    if (reason !== undefined) input.reason = reason;
  }
  return input;
}

/** The status form → the input of `changeAnnouncementStatusSchema` (the later announcement only for "superseded"). */
export function statusInputFromForm(raw: Raw): Record<string, unknown> {
  const status = text(raw, "status");
  return defined({
    status,
    supersededById: status === "superseded" ? text(raw, "supersededById") : undefined,
    reason: text(raw, "reason") ?? "",
    version: text(raw, "version"),
  });
}

/** The delete form → the input of `deleteAnnouncementSchema`. */
export function deleteInputFromForm(raw: Raw): Record<string, unknown> {
  return defined({ reason: text(raw, "reason") ?? "", version: text(raw, "version") });
}

/** A ticked confirmation box. */
export function confirmed(raw: Raw, key = "confirm"): boolean {
  const value = text(raw, key);
  return value === "on" || value === "true" || value === "yes";
}

/** What was typed, to show again when the form is refused (a radio group or box left empty stays empty; files cannot be shown again). */
export function claimValuesFromForm(form: Iterable<[string, unknown]>): ClaimFormValues {
  const typed = new Map<string, unknown>();
  for (const [key, value] of form) typed.set(key, value);
  const values = {} as ClaimFormValues;
  for (const field of CLAIM_FIELDS) {
    const value = typed.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

/** A saved announcement, as the edit form shows it. */
export function claimValuesFromView(view: AnnouncementView): ClaimFormValues {
  const scopeKind: ScopeKind = view.scope.startsWith("nationality:") ? "nationality" : (view.scope as ScopeKind);
  const count = (value: number | null) => (value === null ? "" : String(value));
  return {
    claimant: view.claimant,
    claimantKind: view.claimantKind,
    statedOn: view.statedOn,
    statedOnApproximate: view.statedOnApproximate ? "on" : "",
    measure: view.measure,
    qualifier: view.claimed.qualifier,
    value: count(view.claimed.value),
    min: count(view.claimed.min),
    max: count(view.claimed.max),
    basis: view.covers.basis,
    from: view.covers.from ?? "",
    to: view.covers.to ?? "",
    date: view.covers.date ?? "",
    scopeKind,
    scopeCountry: scopeKind === "nationality" ? view.scope.slice("nationality:".length) : "",
    breakdown: breakdownText(view.breakdown),
    sourceUrl: view.sourceUrl ?? "",
    sourceDescription: view.sourceDescription ?? "",
    quote: view.quote ?? "",
    quoteLang: view.quoteLang ?? "es",
    note: view.note ?? "",
    archivedUrl: view.archived.url ?? "",
    reason: "",
  };
}

// ───────────────────────────── problems, in the user's words ─────────────────────────────

/** Messages of `announcementForm.errors` (a field's problem). */
export type ErrorKey =
  | "claimantRequired"
  | "tooLong"
  | "choose"
  | "dateRequired"
  | "dateInvalid"
  | "dateTooEarly"
  | "dateFuture"
  | "countRequired"
  | "countNotWhole"
  | "countNegative"
  | "countTooLarge"
  | "rangeNeedsBoth"
  | "rangeMaxBelowMin"
  | "onlyRange"
  | "windowNeedsBoth"
  | "windowEndsBeforeStart"
  | "sinceRequired"
  | "dayRequired"
  | "notForBasis"
  | "coversAfterStatement"
  | "scopeCountry"
  | "breakdown"
  | "url"
  | "urlTooLong"
  | "quoteLang"
  | "reasonRequired"
  | "supersededByRequired"
  | "supersededByInvalid"
  | "confirmDelete"
  | "fileType"
  | "fileTooLarge"
  | "fileDamaged"
  | "other";

export interface FieldProblem {
  key: ErrorKey;
  values?: Record<string, number>;
}

/** The field a schema issue's path names (paths may carry the action's wrapper, "input."). */
export function fieldOfIssue(path: string, context: { scopeKind?: string } = {}): FormField | null {
  const parts = path.split(".").filter((part) => part !== "");
  if (parts[0] === "input") parts.shift();
  const [head, sub] = parts;
  switch (head) {
    case "claimant":
    case "claimantKind":
    case "statedOn":
    case "statedOnApproximate":
    case "measure":
    case "sourceUrl":
    case "sourceDescription":
    case "quote":
    case "quoteLang":
    case "note":
    case "archivedUrl":
    case "reason":
    case "archivedFile":
    case "status":
    case "supersededById":
    case "confirm":
      return head;
    case "claimed":
      return sub === "value" || sub === "min" || sub === "max" ? sub : "qualifier";
    case "covers":
      return sub === "from" || sub === "to" || sub === "date" ? sub : "basis";
    case "scope":
      return context.scopeKind === "nationality" ? "scopeCountry" : "scopeKind";
    case "breakdown":
      return "breakdown";
    default:
      return null;
  }
}

/** Markers the actions put as the "message" of a refused archived file (its own issue, on `archivedFile`). */
export const FILE_PROBLEMS = { type: "file:type", tooLarge: "file:too_large", damaged: "file:damaged" } as const;
/** The marker of an unticked delete confirmation. */
export const CONFIRM_PROBLEM = "confirm:required";

/**
 * A schema message (lib/announcements/schema.ts) → its key. The gist of each
 * English message is read; form.test.ts runs the schemas on bad input to make
 * sure that every message they can give has a key here.
 */
export function errorKeyOf(message: string): FieldProblem {
  const m = message;
  if (m === FILE_PROBLEMS.type) return { key: "fileType" };
  if (m === FILE_PROBLEMS.tooLarge) return { key: "fileTooLarge" };
  if (m === FILE_PROBLEMS.damaged) return { key: "fileDamaged" };
  if (m === CONFIRM_PROBLEM) return { key: "confirmDelete" };
  const longest = /^At most ([\d,]+) characters\.$/.exec(m);
  if (longest) return { key: "tooLong", values: { max: Number(longest[1]!.replace(/,/g, "")) } };
  const rules: [RegExp, ErrorKey][] = [
    [/^Say who made the claim/, "claimantRequired"],
    [/^Scope must be/, "scopeCountry"],
    [/must be .* or /, "choose"],
    [/: a date, YYYY-MM-DD\.$/, "dateRequired"],
    [/: a real date/, "dateInvalid"],
    [/: 1990 or later/, "dateTooEarly"],
    [/cannot be in the future/, "dateFuture"],
    [/^Give the count claimed/, "countRequired"],
    [/: a whole number\.$/, "countNotWhole"],
    [/cannot be negative/, "countNegative"],
    [/: at most \d+\.$/, "countTooLarge"],
    [/^A range needs its smallest and largest/, "rangeNeedsBoth"],
    [/cannot be below the smallest/, "rangeMaxBelowMin"],
    [/^(Only a range has min and max|A range has min and max, not value)/, "onlyRange"],
    [/^A window needs its first and last day/, "windowNeedsBoth"],
    [/^The window ends before it starts/, "windowEndsBeforeStart"],
    [/^Say since when/, "sinceRequired"],
    [/^Say which day/, "dayRequired"],
    [/^A claim on basis .* has no/, "notForBasis"],
    [/^A claim cannot cover days after it was made/, "coversAfterStatement"],
    [/^Breakdown:|sub-count/i, "breakdown"],
    [/^A link of at most/, "urlTooLong"],
    [/^A web address starting with/, "url"],
    [/^Quote language/, "quoteLang"],
    [/^Say why\./, "reasonRequired"],
    [/^Say which later announcement supersedes it/, "supersededByRequired"],
    [/^(Only a superseded announcement points|supersededById:)/, "supersededByInvalid"],
  ];
  for (const [pattern, key] of rules) if (pattern.test(m)) return { key };
  return { key: "other" };
}

/**
 * The refused action's issues (path → message) as the problem said next to
 * each field, first issue of a field first. Issues on no field of the form
 * (such as `version`) are left to the form's own sentence.
 */
export function fieldProblems(
  issues: Record<string, string>,
  typed: { scopeKind?: string; from?: string; to?: string } = {},
): Partial<Record<FormField, FieldProblem>> {
  const out: Partial<Record<FormField, FieldProblem>> = {};
  for (const [path, message] of Object.entries(issues)) {
    let field = fieldOfIssue(path, typed);
    if (!field) continue;
    let problem = errorKeyOf(message);
    // A scope that is not a nationality comes from a choice, not from a typed country.
    if (field === "scopeKind" && problem.key === "scopeCountry") problem = { key: "choose" };
    // "A window needs its first and last day" is said on `from`; say it where the missing day is.
    if (problem.key === "windowNeedsBoth" && typed.from && !typed.to) field = "to";
    out[field] ??= problem;
  }
  return out;
}

/** The schema's sentences for a status change that is well formed but cannot be made (422s), as keys of `announcementForm.status`. */
export function statusRefusalKey(message: string): "supersededEarlier" | "supersededMissing" | "supersededMutual" | "supersededSelf" | null {
  if (/same day or later/.test(message)) return "supersededEarlier";
  if (/does not exist/.test(message)) return "supersededMissing";
  if (/supersede each other/.test(message)) return "supersededMutual";
  if (/cannot supersede itself/.test(message)) return "supersededSelf";
  return null;
}

// ───────────────────────────── what a form is told back ─────────────────────────────

/** What the form says after an answer: the problem of each field, the sentence for the whole form, and what was typed. */
export interface AnnouncementFormState {
  /** Counts the answers, so that the form knows a new one came (and moves the focus to it). */
  answer: number;
  /** What was typed, shown again (null: the form's own defaults). */
  values: ClaimFormValues | null;
  fields: Partial<Record<FormField, FieldProblem>>;
  /** The error code of a refusal (null when none), for the sentence above the button. */
  problem: string | null;
  /** For a status change that cannot be made: which (a key of `announcementForm.status`). */
  refusal: ReturnType<typeof statusRefusalKey>;
}

export const INITIAL_FORM_STATE: AnnouncementFormState = { answer: 0, values: null, fields: {}, problem: null, refusal: null };

/**
 * The rules that tie a claim's fields together (min ≤ max, a window that ends
 * after it starts…) for a form refused for other reasons too: the schema
 * checks them only once every field is well formed, and the moderator should
 * not have to send the form twice to hear of them. Paths as the actions name
 * them ("input.claimed.max"). The same rules as the schema's (claimProblems).
 */
export function claimRuleIssues(raw: Raw): Record<string, string> {
  const input = claimInputFromForm(raw);
  const claimed = claimedSchema.safeParse(input.claimed);
  const covers = coversSchema.safeParse(input.covers);
  // A count or a date that is itself wrong is already said; its rules wait until it is right.
  if (!claimed.success || !covers.success) return {};
  const statedOn = typeof input.statedOn === "string" && isRealDay(input.statedOn) ? input.statedOn : "9999-12-31";
  return Object.fromEntries(
    claimProblems({ statedOn, claimed: claimed.data, covers: covers.data }).map((problem) => [`input.${problem.path.join(".")}`, problem.message]),
  );
}

/** A refused action (as action() describes it) → what the form shows. */
export function refusedState(
  previous: AnnouncementFormState | null | undefined,
  error: { code: string; message: string; fields: Record<string, string> },
  values: ClaimFormValues | null,
): AnnouncementFormState {
  const fields = fieldProblems(error.fields, values ?? {});
  return {
    answer: (typeof previous?.answer === "number" ? previous.answer : 0) + 1,
    values,
    fields,
    problem: error.code,
    refusal: error.code === "unprocessable" ? statusRefusalKey(error.message) : null,
  };
}
