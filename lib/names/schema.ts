import { z } from "zod";
import { cedulaSchema, disclosureSchema } from "../persons/schema.ts";

/**
 * Inputs and answers of name lists and the matching queue (API.md: "POST
 * /api/v1/announcements/{id}/names"). Shared by the route handlers, the
 * OpenAPI registry and the screens. The import a list starts answers with
 * the progress of every import (lib/imports/schema.ts).
 */

export const nameIdParamsSchema = z.strictObject({ id: z.uuid({ error: "Not a name-list line id." }) });

// ───────────────────────────── candidates and the queue ─────────────────────────────

export const matchKindSchema = z.enum(["exact", "close", "partial"]);
export const personStatusSchema = z.enum(["detained", "release_reported", "release_verified"]);
export const linkMethodSchema = z.enum(["pending", "automatic", "confirmed", "rejected", "created"]);
export type LinkMethod = z.infer<typeof linkMethodSchema>;

/** A person as moderators see it when matching (internal: full name and cédula). */
export const candidateViewSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  cedula: z.string().nullable(),
  disclosure: z.enum(["public", "initials", "withheld"]),
  status: personStatusSchema,
  match: matchKindSchema.nullable(),
  score: z.number().min(0).max(1).nullable(),
  /** The cédula printed on the line is this person's. */
  sameCedula: z.boolean(),
});
export type CandidateView = z.infer<typeof candidateViewSchema>;

export const QUEUE_PAGE_SIZE = 20;
const cursorSchema = z.string().max(400, { error: "Not a cursor." });

export const queueQuerySchema = z.strictObject({
  announcementId: z.uuid({ error: "announcementId: not an announcement id." }).optional(),
  cursor: cursorSchema.optional(),
  limit: z.coerce
    .number({ error: "limit: a whole number from 1 to 100." })
    .int({ error: "limit: a whole number from 1 to 100." })
    .min(1, { error: "limit: a whole number from 1 to 100." })
    .max(100, { error: "limit: a whole number from 1 to 100." })
    .default(QUEUE_PAGE_SIZE),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const queueItemSchema = z.object({
  id: z.uuid(),
  announcement: z.object({ id: z.uuid(), claimant: z.string(), statedOn: z.string() }),
  position: z.int(),
  nameAsPrinted: z.string(),
  identifierAsPrinted: z.string().nullable(),
  linkMethod: linkMethodSchema,
  suggestedPersonId: z.uuid().nullable(),
  candidates: z.array(candidateViewSchema),
  /** A first cut of the printed name, for a new person (the moderator may correct it). */
  split: z.object({ givenNames: z.string(), surnames: z.string() }),
  createdAt: z.iso.datetime(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queuePageSchema = z.object({
  items: z.array(queueItemSchema),
  nextCursor: z.string().nullable(),
  /** Lines waiting, with the same filter. */
  pending: z.int().min(0),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

export const candidateQuerySchema = z.strictObject({
  q: z
    .string({ error: "Type a name or a cédula (q)." })
    .trim()
    .min(2, { error: "Type at least 2 characters." })
    .max(200, { error: "A search has at most 200 characters." }),
  limit: z.coerce
    .number({ error: "limit: a whole number from 1 to 20." })
    .int({ error: "limit: a whole number from 1 to 20." })
    .min(1, { error: "limit: a whole number from 1 to 20." })
    .max(20, { error: "limit: a whole number from 1 to 20." })
    .default(8),
});

export const candidateSearchResponseSchema = z.object({ query: z.string(), results: z.array(candidateViewSchema) });
export type CandidateSearchResponse = z.infer<typeof candidateSearchResponseSchema>;

// ───────────────────────────── decisions ─────────────────────────────

const pendingExpected = z.literal("pending", { error: "expected: these decisions are taken on a pending line." }).optional();

export const newPersonSchema = z.strictObject({
  givenNames: z.string().trim().min(1, { error: "Given names are required." }).max(200, { error: "Given names: at most 200 characters." }),
  surnames: z.string().trim().min(1, { error: "Surnames are required." }).max(200, { error: "Surnames: at most 200 characters." }),
  cedula: cedulaSchema.optional(),
  disclosure: disclosureSchema.optional(),
});

export const decisionSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("confirm"), personId: z.uuid({ error: "personId: not a person id." }), expected: pendingExpected }),
    z.strictObject({ action: z.literal("reject"), expected: pendingExpected }),
    z.strictObject({ action: z.literal("create"), person: newPersonSchema.optional(), expected: pendingExpected }),
    z.strictObject({
      action: z.literal("undo"),
      expected: z.enum(["automatic", "confirmed", "rejected", "created"], {
        error: "expected: the line's state as you read it (automatic, confirmed, rejected or created).",
      }),
    }),
  ],
  { error: "action: confirm, reject, create or undo." },
);
export type DecisionInput = z.infer<typeof decisionSchema>;

export const decidedLineSchema = z.object({
  id: z.uuid(),
  announcementId: z.uuid(),
  position: z.int(),
  nameAsPrinted: z.string(),
  identifierAsPrinted: z.string().nullable(),
  linkMethod: linkMethodSchema,
  person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export type DecidedLine = z.infer<typeof decidedLineSchema>;

// ───────────────────────────── the public list ─────────────────────────────

export const PUBLIC_LIST_PAGE_SIZE = 500;

export const publicListQuerySchema = z.strictObject({
  cursor: cursorSchema.optional(),
  limit: z.coerce
    .number({ error: "limit: a whole number from 1 to 2000." })
    .int({ error: "limit: a whole number from 1 to 2000." })
    .min(1, { error: "limit: a whole number from 1 to 2000." })
    .max(2000, { error: "limit: a whole number from 1 to 2000." })
    .default(PUBLIC_LIST_PAGE_SIZE),
});

export const publicLineStateSchema = z.enum(["verified", "unverified", "unmatched", "pending"]);
export type PublicLineState = z.infer<typeof publicLineStateSchema>;

export const publicListLineSchema = z.object({
  position: z.int(),
  nameAsPrinted: z.string(),
  state: publicLineStateSchema.meta({
    description:
      "verified: linked to a person with a verified release; unverified: linked to a person whose release is not (yet) " +
      "verified; unmatched: nobody on record is this name (announced, not seen); pending: not matched yet.",
  }),
  person: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .meta({ description: "The person linked, as their disclosure allows; null when not linked or withheld." }),
});
export type PublicListLine = z.infer<typeof publicListLineSchema>;

export const publicListResponseSchema = z.object({
  announcementId: z.uuid(),
  total: z.int().min(0),
  lines: z.array(publicListLineSchema),
  nextCursor: z.string().nullable(),
});
export type PublicListResponse = z.infer<typeof publicListResponseSchema>;
