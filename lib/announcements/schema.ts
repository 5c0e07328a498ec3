import { z } from "zod";
import { isRealDay, todayInCaracas } from "../dates.ts";

/**
 * Inputs about announcements, shared by the moderator's forms and the API
 * (`POST /api/v1/announcements`, `PATCH /api/v1/announcements/{id}`,
 * `POST /api/v1/announcements/{id}/status`), and the shape they are answered in.
 *
 * A claim says who (claimant and kind), when (statedOn), what (measure), how
 * many (claimed: a count with its qualifier), over which releases (covers: a
 * basis and its dates) and among whom (scope). Every rule that ties fields
 * together (a window that ends before it starts, a range with min > max, a
 * basis without its date) is checked here, so that the form and the API say
 * the same thing.
 */

export const CLAIMANT_KINDS = ["government", "ngo", "opposition", "press", "foreign_government"] as const;
export const MEASURES = ["released", "detained"] as const;
export const QUALIFIERS = ["exact", "at_least", "about", "range"] as const;
export const BASES = ["window", "cumulative_since", "single_day", "as_of", "unspecified"] as const;
export const ANNOUNCEMENT_STATUSES = ["active", "disputed", "superseded"] as const;

export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type Basis = (typeof BASES)[number];

/** The largest count anyone could claim: more than the country's population is a typo. */
export const MAX_CLAIMED = 50_000_000;

const day = (what: string) =>
  z
    .string({ error: `${what}: a date, YYYY-MM-DD.` })
    .trim()
    .refine(isRealDay, { error: `${what}: a real date, YYYY-MM-DD.` })
    .refine((value) => value >= "1990-01-01", { error: `${what}: 1990 or later.` })
    .refine((value) => value <= todayInCaracas(), { error: `${what} cannot be in the future.` });

const count = (what: string) =>
  z
    .int({ error: `${what}: a whole number.` })
    .min(0, { error: `${what} cannot be negative.` })
    .max(MAX_CLAIMED, { error: `${what}: at most ${MAX_CLAIMED}.` });

const text = (max: number) => z.string().trim().max(max, { error: `At most ${max} characters.` });
const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const webUrlSchema = z
  .string()
  .trim()
  .max(2000, { error: "A link of at most 2,000 characters." })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    },
    { error: "A web address starting with https:// or http://." },
  );

export const claimedSchema = z.strictObject({
  qualifier: z.enum(QUALIFIERS, { error: "Qualifier must be exact, at_least, about or range." }),
  value: count("The count").optional(),
  min: count("The smallest count").optional(),
  max: count("The largest count").optional(),
});

export const coversSchema = z.strictObject({
  basis: z.enum(BASES, { error: "Basis must be window, cumulative_since, single_day, as_of or unspecified." }),
  from: day("From").nullable().optional(),
  to: day("To").nullable().optional(),
  date: day("The date").nullable().optional(),
});

/** "all", "nationals", "foreigners" or "nationality:XX" (ISO 3166-1 alpha-2). */
export const scopeSchema = z
  .string()
  .trim()
  .refine((value) => /^(all|nationals|foreigners|nationality:[A-Za-z]{2})$/.test(value), {
    error: 'Scope must be all, nationals, foreigners or nationality:XX (a two-letter country code, such as "nationality:ES").',
  })
  .transform((value) => (value.startsWith("nationality:") ? `nationality:${value.slice(12).toUpperCase()}` : value));

const breakdownSchema = z
  .record(
    z.string().trim().min(1).max(40),
    count("A sub-count"),
    { error: 'Breakdown: sub-counts by name, such as {"nationals": 66, "foreigners": 14}.' },
  )
  .refine((value) => Object.keys(value).length <= 20, { error: "Breakdown: at most 20 sub-counts." });

const claimFields = {
  claimant: text(300).min(2, { error: "Say who made the claim." }),
  claimantKind: z.enum(CLAIMANT_KINDS, {
    error: "Claimant kind must be government, ngo, opposition, press or foreign_government.",
  }),
  statedOn: day("Stated on"),
  statedOnApproximate: z.boolean().optional(),
  measure: z.enum(MEASURES, { error: "Measure must be released or detained." }),
  claimed: claimedSchema,
  breakdown: breakdownSchema.nullable().optional(),
  covers: coversSchema,
  scope: scopeSchema.optional(),
  sourceUrl: webUrlSchema.nullable().optional(),
  sourceDescription: optionalText(1000),
  quote: optionalText(5000),
  quoteLang: z
    .string()
    .trim()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'Quote language: a language code such as "es" or "en".' })
    .nullable()
    .optional(),
  note: optionalText(5000),
  archivedUrl: webUrlSchema.nullable().optional(),
};

type ClaimShape = {
  statedOn: string;
  claimed: z.infer<typeof claimedSchema>;
  covers: z.infer<typeof coversSchema>;
};

/** The rules that tie fields together; `path` names the field at fault, for the form. */
export function claimProblems(input: ClaimShape): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  const { claimed, covers, statedOn } = input;
  if (claimed.qualifier === "range") {
    if (claimed.min === undefined || claimed.max === undefined) {
      problems.push({ path: ["claimed", "min"], message: "A range needs its smallest and largest count (min and max)." });
    } else if (claimed.min > claimed.max) {
      problems.push({ path: ["claimed", "max"], message: "In a range, the largest count (max) cannot be below the smallest (min)." });
    }
    if (claimed.value !== undefined) {
      problems.push({ path: ["claimed", "value"], message: "A range has min and max, not value." });
    }
  } else {
    if (claimed.value === undefined) problems.push({ path: ["claimed", "value"], message: "Give the count claimed (value)." });
    if (claimed.min !== undefined || claimed.max !== undefined) {
      problems.push({ path: ["claimed", "min"], message: "Only a range has min and max." });
    }
  }

  const has = (key: "from" | "to" | "date") => covers[key] !== undefined && covers[key] !== null;
  const allowed: Record<Basis, readonly ("from" | "to" | "date")[]> = {
    window: ["from", "to"],
    cumulative_since: ["from"],
    single_day: ["date"],
    as_of: ["date"],
    unspecified: [],
  };
  for (const key of ["from", "to", "date"] as const) {
    if (has(key) && !allowed[covers.basis].includes(key)) {
      problems.push({ path: ["covers", key], message: `A claim on basis ${covers.basis} has no "${key}".` });
    }
  }
  if (covers.basis === "window") {
    if (!has("from") || !has("to")) problems.push({ path: ["covers", "from"], message: "A window needs its first and last day (from and to)." });
    else if (covers.to! < covers.from!) problems.push({ path: ["covers", "to"], message: "The window ends before it starts." });
  }
  if (covers.basis === "cumulative_since" && !has("from")) {
    problems.push({ path: ["covers", "from"], message: "Say since when (from)." });
  }
  if ((covers.basis === "single_day" || covers.basis === "as_of") && !has("date")) {
    problems.push({ path: ["covers", "date"], message: "Say which day (date)." });
  }
  const first = covers.from ?? covers.date;
  if (first && first > statedOn) {
    problems.push({ path: ["covers", covers.from ? "from" : "date"], message: "A claim cannot cover days after it was made." });
  } else if (covers.to && covers.to > statedOn) {
    problems.push({ path: ["covers", "to"], message: "A claim cannot cover days after it was made." });
  }
  return problems;
}

function withClaimRules<T extends ClaimShape>(input: T, context: z.RefinementCtx) {
  for (const problem of claimProblems(input)) context.addIssue({ code: "custom", path: problem.path, message: problem.message });
}

export const createAnnouncementSchema = z.strictObject(claimFields).superRefine(withClaimRules);
export type CreateAnnouncementInput = z.infer<typeof createAnnouncementSchema>;

const version = z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.int().positive());

/**
 * An edit sends the whole claim again (the form always has it) with the
 * version it was read at and, optionally, why: every edit is a new revision.
 */
export const updateAnnouncementSchema = z
  .strictObject({ ...claimFields, version, reason: optionalText(2000) })
  .superRefine(withClaimRules);
export type UpdateAnnouncementInput = z.infer<typeof updateAnnouncementSchema>;

/** Mark a claim disputed or superseded (by a later one), or active again, saying why. */
export const changeAnnouncementStatusSchema = z
  .strictObject({
    status: z.enum(ANNOUNCEMENT_STATUSES, { error: "Status must be active, disputed or superseded." }),
    supersededById: z.uuid({ error: "supersededById: the id of the later announcement." }).optional(),
    reason: z.string().trim().min(1, { error: "Say why." }).max(2000),
    version,
  })
  .superRefine((input, context) => {
    if (input.status === "superseded" && !input.supersededById) {
      context.addIssue({ code: "custom", path: ["supersededById"], message: "Say which later announcement supersedes it." });
    }
    if (input.status !== "superseded" && input.supersededById) {
      context.addIssue({ code: "custom", path: ["supersededById"], message: "Only a superseded announcement points to a later one." });
    }
  });
export type ChangeAnnouncementStatusInput = z.infer<typeof changeAnnouncementStatusSchema>;

export const deleteAnnouncementSchema = z.strictObject({
  reason: z.string().trim().min(1, { error: "Say why." }).max(2000),
  version,
});
export type DeleteAnnouncementInput = z.infer<typeof deleteAnnouncementSchema>;

export const announcementIdParamsSchema = z.strictObject({
  id: z.uuid({ error: "Not an announcement id." }),
});

// ───────────────────────────── answers ─────────────────────────────

export const claimedViewSchema = z.strictObject({
  qualifier: z.enum(QUALIFIERS),
  value: z.int().nullable(),
  min: z.int().nullable(),
  max: z.int().nullable(),
});

export const coversViewSchema = z.strictObject({
  basis: z.enum(BASES),
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  date: z.iso.date().nullable(),
});

/** An announcement as the API answers it, to anyone (every field of a claim is public). */
export const announcementViewSchema = z.strictObject({
  id: z.uuid(),
  claimant: z.string(),
  claimantKind: z.enum(CLAIMANT_KINDS),
  statedOn: z.iso.date(),
  statedOnApproximate: z.boolean(),
  measure: z.enum(MEASURES),
  claimed: claimedViewSchema,
  breakdown: z.record(z.string(), z.int()).nullable(),
  covers: coversViewSchema,
  scope: z.string(),
  sourceUrl: z.string().nullable(),
  sourceDescription: z.string().nullable(),
  quote: z.string().nullable(),
  quoteLang: z.string().nullable(),
  note: z.string().nullable(),
  archived: z.strictObject({
    url: z.string().nullable(),
    file: z.strictObject({ sha256: z.string(), url: z.string(), mimeType: z.string(), sizeBytes: z.int() }).nullable(),
  }),
  status: z.enum(ANNOUNCEMENT_STATUSES),
  supersededById: z.uuid().nullable(),
  version: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AnnouncementView = z.infer<typeof announcementViewSchema>;

export const announcementListSchema = z.strictObject({ announcements: z.array(announcementViewSchema) });

export const announcementRevisionViewSchema = z.strictObject({
  version: z.int(),
  changedAt: z.iso.datetime(),
  reason: z.string().nullable(),
  changes: z.array(z.strictObject({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const announcementHistorySchema = z.strictObject({ revisions: z.array(announcementRevisionViewSchema) });

/** `POST /api/v1/announcements/{id}/archive`: a form with the file and the version it was read at. */
export const archiveFormSchema = z.strictObject({ version });
