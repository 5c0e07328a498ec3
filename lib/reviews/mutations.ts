import type { Actor } from "../auth/actor.ts";
import { decide } from "../auth/policy.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { AppError, errors } from "../errors.ts";
import { decideReview, type ReviewRefusal } from "./rule.ts";
import type { ReviewInput } from "./schema.ts";

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
export async function reviewRelease(actor: Actor, releaseId: string, input: ReviewInput): Promise<ReviewResult> {
  const reviewerId = actor.userId;
  if (!reviewerId) throw errors.forbidden("Reviews are made by a person: sign in or use your own API token.");
  const approvalsRequired = env.approvalsRequired();

  return db().$transaction(async (tx) => {
    // Raw SQL because Prisma has no SELECT … FOR UPDATE: concurrent reviews of this release wait here.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Release" WHERE id = ${releaseId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw errors.notFound("Release");
    const release = await tx.release.findUnique({
      where: { id: releaseId },
      select: {
        id: true,
        status: true,
        reportedById: true,
        reviewRound: true,
        deletedAt: true,
        version: true,
        person: { select: { deletedAt: true } },
      },
    });
    if (!release || release.deletedAt || release.person.deletedAt) throw errors.notFound("Release");

    const permission = decide(actor, "release.review", { reportedById: release.reportedById });
    if (!permission.ok) {
      if (permission.reason === "own_report") throw ownReport();
      if (permission.reason === "second_factor") throw errors.secondFactorRequired();
      throw errors.forbidden();
    }

    const [evidence, reviews] = await Promise.all([
      tx.evidence.aggregate({ where: { releaseId, deletedAt: null }, _count: { _all: true }, _max: { createdAt: true } }),
      tx.review.findMany({
        where: { releaseId, round: release.reviewRound },
        select: { id: true, reviewerId: true, decision: true, createdAt: true },
      }),
    ]);
    const outcome = decideReview(
      {
        status: release.status,
        reportedById: release.reportedById,
        evidenceCount: evidence._count._all,
        lastEvidenceAt: evidence._max.createdAt,
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
      await tx.release.update({
        where: { id: releaseId },
        data: {
          status: outcome.status,
          statusReason: outcome.status === "rejected" ? reason : null,
          verifiedAt: outcome.status === "verified" ? new Date() : null,
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
      },
    });
    return {
      reviewId: review.id,
      release: { id: releaseId, status: outcome.status, approvals: outcome.approvals, approvalsRequired },
    };
  });
}
