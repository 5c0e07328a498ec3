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
