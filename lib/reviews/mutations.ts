import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor.ts";
import { decide } from "../auth/policy.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { AppError, errors } from "../errors.ts";
import { announceReleaseVerified } from "../subscriptions/enqueue.ts";
import { decideReview, type ReviewRefusal } from "./rule.ts";
import type { ReleaseStatus, ReviewDecision } from "../generated/prisma/enums.ts";
import { batchRefusalOf, summarizeBatch } from "./batch.ts";
import type { BatchReviewInput, BatchReviewItem, BatchReviewResult, ReviewInput } from "./schema.ts";

interface LockedRelease {
  id: string;
  status: ReleaseStatus;
  reportedById: string | null;
  reviewRound: number;
  deletedAt: Date | null;
  personDeletedAt: Date | null;
}

interface RoundReview {
  id: string;
  reviewerId: string;
  decision: ReviewDecision;
  createdAt: string | Date;
}

export interface ReviewResult {
  release: { id: string; status: string; approvals: number; approvalsRequired: number };
  reviewId: string;
}

// Each refusal carries `details.reason`, so that clients tell apart two refusals with the same status.
const REFUSALS: Record<Exclude<ReviewRefusal, "role" | "own_report">, () => AppError> = {
  already_decided: () => new AppError("conflict", "You have already decided on this release.", { details: { reason: "already_decided" } }),
  not_under_review: () =>
    new AppError("conflict", "This release is not waiting for review any more.", { details: { reason: "not_under_review" } }),
  no_evidence: () =>
    new AppError("unprocessable", "A release without evidence cannot be approved: add evidence first.", {
      details: { reason: "no_evidence" },
    }),
  reason_required: () =>
    new AppError("invalid_input", "Say why.", { issues: [{ path: "reason", message: "Say why." }], details: { reason: "reason_required" } }),
};

const ownReport = () =>
  new AppError("forbidden", "You reported this release: someone else must review it.", { details: { reason: "own_report" } });

/**
 * A moderator's decision on a release. The release row is locked for the
 * length of the transaction, so decisions on one release are taken one at a
 * time and each sees the ones before it; the rule (lib/reviews/rule.ts)
 * decides; the unique (release, reviewer, round) in the database stops a
 * second decision by the same reviewer whatever happens above.
 */
export async function reviewRelease(
  actor: Actor,
  releaseId: string,
  input: ReviewInput,
  options: { batch?: { id: string; size: number } } = {},
): Promise<ReviewResult> {
  const reviewerId = actor.userId;
  if (!reviewerId) throw errors.forbidden("Reviews are made by a person: sign in or use your own API token.");
  const approvalsRequired = env.approvalsRequired();

  let verifiedAt: Date | null = null; // set when this decision verifies the release
  const result = await db().$transaction(async (tx) => {
    // Raw SQL because Prisma has no SELECT … FOR UPDATE: concurrent reviews of this release wait here,
    // and the row read is its latest committed version (one statement for lock and read: see bench:review).
    const [release] = await tx.$queryRaw<LockedRelease[]>`
      SELECT r.id, r.status::text AS status, r."reportedById", r."reviewRound", r."deletedAt", p."deletedAt" AS "personDeletedAt"
      FROM "Release" r JOIN "Person" p ON p.id = r."personId"
      WHERE r.id = ${releaseId}::uuid
      FOR UPDATE OF r`;
    if (!release || release.deletedAt || release.personDeletedAt) throw errors.notFound("Release");

    const permission = decide(actor, "release.review", { reportedById: release.reportedById });
    if (!permission.ok) {
      if (permission.reason === "own_report") throw ownReport();
      if (permission.reason === "second_factor") throw errors.secondFactorRequired();
      throw errors.forbidden();
    }

    // A separate statement, so that its snapshot is taken after the lock was granted and sees every
    // decision committed before ours (in one statement with the lock, a scalar subquery would read the
    // snapshot from before the wait). Raw SQL to read evidence and decisions in one round trip.
    const [state] = await tx.$queryRaw<{ evidenceCount: number; lastEvidenceAt: Date | null; reviews: RoundReview[] | null }[]>`
      SELECT
        (SELECT count(*)::int FROM "Evidence" e WHERE e."releaseId" = ${releaseId}::uuid AND e."deletedAt" IS NULL) AS "evidenceCount",
        (SELECT max(e."createdAt") FROM "Evidence" e WHERE e."releaseId" = ${releaseId}::uuid AND e."deletedAt" IS NULL) AS "lastEvidenceAt",
        (SELECT json_agg(json_build_object('id', v.id, 'reviewerId', v."reviewerId", 'decision', v.decision, 'createdAt', v."createdAt"))
           FROM "Review" v WHERE v."releaseId" = ${releaseId}::uuid AND v.round = ${release.reviewRound}) AS reviews`;
    const evidence = { count: state?.evidenceCount ?? 0, lastAt: state?.lastEvidenceAt ?? null };
    const reviews = (state?.reviews ?? []).map((review) => ({ ...review, createdAt: new Date(review.createdAt) }));
    const outcome = decideReview(
      {
        status: release.status,
        reportedById: release.reportedById,
        evidenceCount: evidence.count,
        lastEvidenceAt: evidence.lastAt,
        reviews: reviews.map((review) => ({ reviewerId: review.reviewerId, decision: review.decision, decidedAt: review.createdAt })),
        approvalsRequired,
      },
      { id: reviewerId, role: actor.role },
      input,
    );
    if (!outcome.ok) {
      if (outcome.refusal === "own_report") throw ownReport();
      if (outcome.refusal === "role") throw errors.forbidden();
      throw REFUSALS[outcome.refusal]();
    }

    const reason = input.reason?.trim() || null;
    const earlier = reviews.find((review) => review.reviewerId === reviewerId);
    const review = outcome.replacesRequest && earlier
      ? await tx.review.update({ where: { id: earlier.id }, data: { decision: input.decision, reason, createdAt: new Date() }, select: { id: true } })
      : await tx.review.create({
          data: { releaseId, reviewerId, round: release.reviewRound, decision: input.decision, reason },
          select: { id: true },
        });

    if (outcome.status !== release.status) {
      if (outcome.status === "verified") verifiedAt = new Date();
      await tx.release.update({
        where: { id: releaseId },
        data: {
          status: outcome.status,
          statusReason: outcome.status === "rejected" ? reason : null,
          verifiedAt,
          version: { increment: 1 },
        },
      });
      await tx.releaseStatusChange.create({
        data: { releaseId, fromStatus: release.status, toStatus: outcome.status, reason, changedById: reviewerId },
      });
    }
    await recordAudit(tx, actor, {
      action: `review.${input.decision}`,
      entityType: "Release",
      entityId: releaseId,
      before: { status: release.status },
      after: {
        status: outcome.status,
        decision: input.decision,
        reason,
        round: release.reviewRound,
        approvals: outcome.approvals,
        approvalsRequired,
        ...(outcome.replacesRequest ? { replacesRequestForEvidence: true } : {}),
        ...(options.batch ? { batch: options.batch } : {}),
      },
    });
    return {
      reviewId: review.id,
      release: { id: releaseId, status: outcome.status, approvals: outcome.approvals, approvalsRequired },
    };
  });
  // After the commit, so that the job never runs before the release reads as verified; it never throws.
  if (verifiedAt) await announceReleaseVerified(releaseId, verifiedAt);
  return result;
}

/**
 * A batch approval (`POST /api/v1/reviews/batch`): one approval per release,
 * by this moderator, each through `reviewRelease` — the same rule, the same
 * row lock, its own transaction and its own audit event (which names the
 * batch). A refusal of one release (own report, already decided, no evidence,
 * gone) writes nothing for it and does not stop the others; the answer lists
 * each release's outcome in the order given. One at a time, in that order:
 * each transaction holds one release's lock only, so a batch never waits on
 * itself, and concurrent batches on the same releases take turns per release.
 */
export async function approveReleases(actor: Actor, input: BatchReviewInput): Promise<BatchReviewResult> {
  if (!actor.userId) throw errors.forbidden("Reviews are made by a person: sign in or use your own API token.");
  const permission = decide(actor, "release.review");
  if (!permission.ok) throw permission.reason === "second_factor" ? errors.secondFactorRequired() : errors.forbidden();
  const ids = input.releaseIds.map((id) => id.toLowerCase());
  // The schema already refuses duplicates; checked here too so that no caller can approve one release twice in a batch.
  if (new Set(ids).size !== ids.length) throw errors.invalidInput("A release is listed twice: each release gets one approval.");

  const batch = { id: randomUUID(), size: ids.length };
  const decision: ReviewInput = { decision: "approve", ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}) };
  const results: BatchReviewItem[] = [];
  for (const releaseId of ids) {
    try {
      const { release } = await reviewRelease(actor, releaseId, decision, { batch });
      results.push({ releaseId, outcome: release.status === "verified" ? "verified" : "approved", release: release as BatchReviewItem["release"] });
    } catch (error) {
      const refusal = batchRefusalOf(error);
      if (refusal.code === "internal") console.error(`batch ${batch.id}: approval of release ${releaseId} failed`, error);
      results.push({ releaseId, outcome: "refused", ...refusal });
    }
  }
  return summarizeBatch(results);
}
