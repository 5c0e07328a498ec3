import { releaseIdParamsSchema } from "../../../releases/schema.ts";
import { queuePageSchema, queueQuerySchema, reviewResultSchema, reviewSchema } from "../../../reviews/schema.ts";
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
      "them in this round); `waiting=all` for every one. Pages follow `nextCursor`.",
    tags: ["Reviews"],
    access: "release.review",
    query: queueQuerySchema,
    responses: { 200: { description: "One page of the queue.", schema: queuePageSchema } },
  },
];
