import { releaseIdParamsSchema } from "../../../releases/schema.ts";
import {
  BATCH_REVIEW_LIMIT,
  batchReviewResultSchema,
  batchReviewSchema,
  queuePageSchema,
  queueQuerySchema,
  reviewResultSchema,
  reviewSchema,
} from "../../../reviews/schema.ts";
import type { Operation } from "../registry.ts";

export const reviewOperations: readonly Operation[] = [
  {
    operationId: "reviewRelease",
    method: "POST",
    path: "/api/v1/releases/{id}/reviews",
    summary: "Decide on a release",
    description:
      "Approve, reject (with a reason) or ask for more evidence (with a reason). The release becomes `verified` when it " +
      "has evidence and `CONSTANCIA_APPROVALS_REQUIRED` approvals from distinct moderators who did not report it; " +
      "one rejection rejects it.",
    tags: ["Reviews"],
    access: "release.review",
    params: releaseIdParamsSchema,
    body: reviewSchema,
    bodyExample: { decision: "approve" },
    responses: { 201: { description: "The decision is recorded.", schema: reviewResultSchema } },
    errors: {
      403: "The reviewer reported this release (`forbidden`).",
      404: "No such release (`not_found`).",
      409: "The reviewer already decided on it in this round, or it is no longer under review (`conflict`).",
      422: "Approving a release that has no evidence (`unprocessable`).",
    },
  },
  {
    operationId: "getReviewQueue",
    method: "GET",
    path: "/api/v1/reviews/queue",
    summary: "The review queue",
    description:
      "Releases waiting for a decision (`reported` or `disputed`), oldest first, with their person, evidence and the " +
      "decisions so far. By default only those still waiting for the caller (not reported by them, not decided by " +
      "them in this round); `waiting=all` for every one. `importId` keeps the releases one import created (each item's " +
      "`import` names the file and when it was loaded). Pages follow `nextCursor`.",
    tags: ["Reviews"],
    access: "release.review",
    query: queueQuerySchema,
    responses: { 200: { description: "One page of the queue.", schema: queuePageSchema } },
  },
  {
    operationId: "approveReleasesInBatch",
    method: "POST",
    path: "/api/v1/reviews/batch",
    summary: "Approve several releases at once",
    description:
      `One approval per release, by the caller, for up to ${BATCH_REVIEW_LIMIT} distinct releases, each exactly as ` +
      "`POST /api/v1/releases/{id}/reviews` with `approve` would record it: the same rule (maker-checker), its own " +
      "transaction and its own audit event. Nothing else is shared: a release that is refused writes nothing and does " +
      "not stop the others. `results` has one entry per release, in the order given: `approved` (the caller's approval " +
      "is recorded), `verified` (and it made the release verified) or `refused`, with `code` — `own_report` (the caller " +
      "reported it; 403 on the single endpoint), `already_decided` or `not_under_review` (409), `no_evidence` (422), " +
      "`not_found` (404), `forbidden`, or `internal` (nothing written; send it again) — and a `message`. Sending the same " +
      "batch again records nothing new: every release is then `already_decided`. A release listed twice is a 400.",
    tags: ["Reviews"],
    access: "release.review",
    body: batchReviewSchema,
    bodyExample: {
      releaseIds: ["0194a5c2-7d3e-7b1a-9f00-3c2b1a0d9e8f", "0194a5c2-7d3e-7b1a-9f00-3c2b1a0d9e90"],
      decision: "approve",
    },
    responses: { 200: { description: "Each release's outcome, and the totals.", schema: batchReviewResultSchema } },
  },
];
