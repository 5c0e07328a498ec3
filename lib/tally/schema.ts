import { z } from "zod";
import { isRealDay, todayInCaracas } from "../dates.ts";
import { BASES, CLAIMANT_KINDS, MEASURES, ANNOUNCEMENT_STATUSES } from "../announcements/schema.ts";

/** An as-of day: a real date, not in the future (Caracas time), not before records could exist. */
export const asOfDaySchema = z
  .string()
  .trim()
  .refine(isRealDay, { error: "asOf: a date, YYYY-MM-DD." })
  .refine((day) => day >= "2000-01-01", { error: "asOf: 2000-01-01 or later." })
  .refine((day) => day <= todayInCaracas(), { error: "asOf cannot be in the future." });

/** `GET /api/v1/tally[?asOf=YYYY-MM-DD]`: today (Caracas) when absent. */
export const tallyQuerySchema = z.strictObject({ asOf: asOfDaySchema.optional() });
export type TallyQuery = z.infer<typeof tallyQuerySchema>;

const figure = z.int().nullable();

export const tallyAnnouncementSchema = z.strictObject({
  id: z.uuid(),
  claimant: z.string(),
  claimantKind: z.enum(CLAIMANT_KINDS),
  statedOn: z.iso.date(),
  statedOnApproximate: z.boolean(),
  measure: z.enum(MEASURES),
  claimed: z.union([
    z.strictObject({ qualifier: z.enum(["exact", "at_least", "about"]), value: z.int() }),
    z.strictObject({ qualifier: z.literal("range"), min: z.int(), max: z.int() }),
  ]),
  covers: z.strictObject({
    basis: z.enum(BASES),
    from: z.iso.date().nullable(),
    to: z.iso.date().nullable(),
    date: z.iso.date().nullable(),
  }),
  scope: z.string().describe('"all", "nationals", "foreigners" or "nationality:XX".'),
  status: z.enum(ANNOUNCEMENT_STATUSES),
  supersededById: z.uuid().nullable(),
  verifiedInScope: figure.describe("Verified releases in the claim's coverage and scope; null for a claim about detentions, or when suppressed."),
  reportedInScope: figure.describe("Reported releases (or disputed, back in review) in coverage and scope, not yet verified."),
  gap: figure.describe("Claimed minus verifiedInScope (for a range, its min minus verifiedInScope). May be negative."),
  list: z
    .strictObject({
      names: z.int(),
      matchedVerified: figure,
      matchedUnverified: figure,
      unmatched: z.int(),
      verifiedNotListed: figure,
    })
    .nullable(),
  suppressed: z
    .array(z.enum(["verifiedInScope", "reportedInScope", "gap", "matchedVerified", "matchedUnverified", "verifiedNotListed"]))
    .describe("Figures left out (null) because they are small and include a person whose name is withheld."),
});

export const tallyResponseSchema = z.strictObject({
  asOf: z.iso.date(),
  releases: z.strictObject({
    verified: z.int(),
    reported: z.int(),
    verifiedWithheld: z.int().describe("Of the verified, persons whose names are withheld: counted, never named."),
  }),
  announcements: z.array(tallyAnnouncementSchema),
  series: z.array(z.strictObject({ date: z.iso.date(), verifiedCumulative: z.int() })),
});
