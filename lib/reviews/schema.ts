import { z } from "zod";

/** A moderator's decision (`POST /api/v1/releases/{id}/reviews`, and the queue's buttons). */
export const reviewSchema = z.strictObject({
  decision: z.enum(["approve", "reject", "request_evidence"], { error: "Decision must be approve, reject or request_evidence." }),
  reason: z.string().trim().max(2000, { error: "At most 2000 characters." }).optional(),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export const reviewResultSchema = z.object({
  release: z.object({
    id: z.uuid(),
    status: z.enum(["reported", "verified", "rejected", "disputed", "retracted"]),
    approvals: z.int(),
    approvalsRequired: z.int(),
  }),
});

/** The review queue's filters (`GET /api/v1/reviews/queue`); all optional, combined with AND. */
export const queueQuerySchema = z.strictObject({
  organizationId: z.uuid().optional(),
  /** Only the releases this import created (an import's "see them in the queue" link). */
  importId: z.uuid().optional(),
  facility: z.string().trim().min(1).max(200).optional(),
  releasedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use YYYY-MM-DD." }).optional(),
  releasedTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use YYYY-MM-DD." }).optional(),
  evidenceKind: z
    .enum(["family_testimony", "lawyer_confirmation", "photo_video", "court_document", "press_report", "official_list", "ngo_list", "social_media", "other", "none"])
    .optional(),
  /** "mine" (default): what still waits for the caller's decision; "all": everything under review. */
  waiting: z.enum(["mine", "all"]).default("mine"),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.int().min(1).max(100)).default(25),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

const releaseStatus = z.enum(["reported", "verified", "rejected", "disputed", "retracted"]);

/** One release as the queue shows it (lib/reviews/data.ts QueueItem). */
export const queueItemSchema = z.object({
  id: z.uuid(),
  status: releaseStatus,
  statusReason: z.string().nullable(),
  version: z.int(),
  reviewRound: z.int(),
  createdAt: z.iso.datetime(),
  releasedOn: z.string().nullable(),
  facility: z.string().nullable(),
  conditions: z.string(),
  conditionsDetail: z.string().nullable(),
  organization: z.object({ id: z.uuid(), name: z.string() }),
  reportedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The import (spreadsheet) that created this release, or null when it was recorded by hand. */
  import: z.object({ id: z.uuid(), fileName: z.string().nullable(), createdAt: z.iso.datetime() }).nullable(),
  person: z.object({
    id: z.uuid(),
    name: z.string(),
    otherSpellings: z.array(z.string()),
    cedula: z.string().nullable(),
    disclosure: z.string(),
    nationality: z.string(),
    birthYear: z.int().nullable(),
    homeState: z.string().nullable(),
    organizationName: z.string(),
  }),
  evidence: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      url: z.string().nullable(),
      description: z.string(),
      obtainedOn: z.string().nullable(),
      isPublic: z.boolean(),
      fileName: z.string().nullable(),
      file: z.object({ sha256: z.string(), contentType: z.string(), size: z.int() }).nullable(),
      addedBy: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      reviewerId: z.uuid(),
      reviewerName: z.string(),
      decision: z.enum(["approve", "reject", "request_evidence"]),
      reason: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
  earlierReviews: z.int(),
  approvals: z.int(),
  approvalsRequired: z.int(),
});

export const queuePageSchema = z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() });

/** How many releases one batch approval may name (`POST /api/v1/reviews/batch`). */
export const BATCH_REVIEW_LIMIT = 200;

/**
 * A batch approval: one approval per release, by the caller, each through the
 * same rule and transaction as `POST /api/v1/releases/{id}/reviews`. Only
 * approvals: a rejection or a request for evidence needs its own reason.
 */
export const batchReviewSchema = z.strictObject({
  releaseIds: z
    .array(z.uuid({ error: "Each id must be a release id (a UUID)." }), { error: "releaseIds must be a list of release ids." })
    .min(1, { error: "Name at least one release." })
    .max(BATCH_REVIEW_LIMIT, { error: `At most ${BATCH_REVIEW_LIMIT} releases in one batch.` })
    .superRefine((ids, context) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        const key = id.toLowerCase();
        if (seen.has(key)) context.addIssue({ code: "custom", path: [index], message: "This release is listed twice: each release gets one approval." });
        seen.add(key);
      });
    }),
  decision: z.literal("approve", { error: "A batch can only approve (decision: approve); reject or ask for evidence one release at a time." }),
  reason: z.string().trim().max(2000, { error: "At most 2000 characters." }).optional(),
});
export type BatchReviewInput = z.infer<typeof batchReviewSchema>;

/** Why a release of a batch was not approved; the single-release endpoint answers the same refusal with the status in brackets. */
export const BATCH_REFUSALS = [
  /** 403: the caller reported it (maker-checker). */
  "own_report",
  /** 409: the caller already decided on it in this round. */
  "already_decided",
  /** 409: it no longer waits for review (verified, rejected, retracted meanwhile). */
  "not_under_review",
  /** 422: it has no evidence. */
  "no_evidence",
  /** 404: no such release (or it was deleted). */
  "not_found",
  /** 403: the caller may not review it. */
  "forbidden",
  /** 500: something failed on the server; nothing was written for this release, it can be sent again. */
  "internal",
] as const;
export type BatchRefusal = (typeof BATCH_REFUSALS)[number];

const releaseSummarySchema = z.object({
  id: z.uuid(),
  status: releaseStatus,
  approvals: z.int(),
  approvalsRequired: z.int(),
});

export const batchReviewItemSchema = z.object({
  releaseId: z.uuid(),
  /** approved: the caller's approval is recorded; verified: …and it made the release verified; refused: nothing written. */
  outcome: z.enum(["approved", "verified", "refused"]),
  code: z.enum(BATCH_REFUSALS).optional(),
  message: z.string().optional(),
  release: releaseSummarySchema.optional(),
});
export type BatchReviewItem = z.infer<typeof batchReviewItemSchema>;

export const batchReviewResultSchema = z.object({
  /** One per release named, in the order given. */
  results: z.array(batchReviewItemSchema),
  /** Releases that got the caller's approval (verified ones included). */
  approved: z.int(),
  /** Of those, releases that this approval made verified. */
  verified: z.int(),
  /** Releases where nothing was written. */
  refused: z.int(),
});
export type BatchReviewResult = z.infer<typeof batchReviewResultSchema>;
