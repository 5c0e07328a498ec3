import type { ReleaseStatus, ReviewDecision, Role } from "../generated/prisma/enums.ts";

/**
 * THE verification rule (DESIGN.md rule 1), in one pure function, so that
 * it can be tested exhaustively and nothing else decides it:
 *
 * A release becomes `verified` when it has at least one piece of evidence
 * and `approvalsRequired` approvals, in its current review round, from
 * distinct moderators (or admins) who did not report it. One rejection, with
 * a reason, makes it `rejected`. A reviewer decides once per round; whoever
 * asked for more evidence may decide again once new evidence has arrived
 * (their request is then replaced; the audit trail keeps it).
 *
 * lib/reviews/mutations.ts applies the outcome under a row lock on the
 * release, and the database's unique (release, reviewer, round) stops a
 * second decision that slipped past.
 */
export interface ReviewState {
  status: ReleaseStatus;
  reportedById: string | null;
  /** Pieces of evidence not deleted. */
  evidenceCount: number;
  /** When the last piece of evidence was added (null without evidence). */
  lastEvidenceAt: Date | null;
  /** Decisions of the current round only. */
  reviews: readonly { reviewerId: string; decision: ReviewDecision; decidedAt: Date }[];
  approvalsRequired: number;
}

export interface Reviewer {
  id: string;
  role: Role;
}

export type ReviewRefusal =
  /** Volunteers do not review. */
  | "role"
  /** Maker-checker: the reporter never reviews their own release. */
  | "own_report"
  /** This reviewer already decided in this round. */
  | "already_decided"
  /** Only `reported` and `disputed` releases wait for review. */
  | "not_under_review"
  /** An approval needs at least one piece of evidence. */
  | "no_evidence"
  /** A rejection or a request for evidence needs a reason. */
  | "reason_required";

export type ReviewOutcome =
  | {
      ok: true;
      /** The status after this decision. */
      status: ReleaseStatus;
      /** Approvals that count, after this decision. */
      approvals: number;
      /** The reviewer's earlier request for evidence that this decision replaces. */
      replacesRequest: boolean;
    }
  | { ok: false; refusal: ReviewRefusal };

const UNDER_REVIEW: ReadonlySet<ReleaseStatus> = new Set(["reported", "disputed"]);

export function isUnderReview(status: ReleaseStatus): boolean {
  return UNDER_REVIEW.has(status);
}

/** Distinct reviewers who approved in this round, the reporter never among them. */
export function countApprovals(state: Pick<ReviewState, "reviews" | "reportedById">): number {
  const approvers = new Set<string>();
  for (const review of state.reviews) {
    if (review.decision === "approve" && review.reviewerId !== state.reportedById) approvers.add(review.reviewerId);
  }
  return approvers.size;
}

/** Whether a release in this state is verified by the rule (evidence and enough approvals). */
export function meetsVerification(state: Pick<ReviewState, "reviews" | "reportedById" | "evidenceCount" | "approvalsRequired">): boolean {
  return state.evidenceCount > 0 && countApprovals(state) >= Math.max(1, state.approvalsRequired);
}

export function decideReview(
  state: ReviewState,
  reviewer: Reviewer,
  decision: { decision: ReviewDecision; reason?: string | null },
): ReviewOutcome {
  if (reviewer.role === "volunteer") return { ok: false, refusal: "role" };
  if (state.reportedById !== null && state.reportedById === reviewer.id) return { ok: false, refusal: "own_report" };
  if (!isUnderReview(state.status)) return { ok: false, refusal: "not_under_review" };

  const earlier = state.reviews.filter((review) => review.reviewerId === reviewer.id);
  // A request for evidence may be followed by a real decision once evidence has come in since.
  const replaceable =
    earlier.length > 0 &&
    earlier.every((review) => review.decision === "request_evidence") &&
    state.lastEvidenceAt !== null &&
    earlier.every((review) => review.decidedAt < state.lastEvidenceAt!);
  if (earlier.length > 0 && !replaceable) return { ok: false, refusal: "already_decided" };

  const reason = decision.reason?.trim() ?? "";
  if (decision.decision !== "approve" && reason === "") return { ok: false, refusal: "reason_required" };
  if (decision.decision === "approve" && state.evidenceCount === 0) return { ok: false, refusal: "no_evidence" };

  const reviews = [
    ...state.reviews.filter((review) => review.reviewerId !== reviewer.id),
    { reviewerId: reviewer.id, decision: decision.decision, decidedAt: new Date() },
  ];
  const approvals = countApprovals({ reviews, reportedById: state.reportedById });
  let status: ReleaseStatus = state.status;
  if (decision.decision === "reject") status = "rejected";
  else if (meetsVerification({ ...state, reviews })) status = "verified";
  return { ok: true, status, approvals, replacesRequest: replaceable };
}

/**
 * The explicit status changes outside review, each with a reason: a verified
 * release can be disputed (back to review, in a new round) or retracted (it
 * did not happen, or the person was re-arrested); a disputed one can be
 * retracted too; a rejected one can be reopened when new evidence appears.
 */
export type StatusAction = "dispute" | "retract" | "reopen";

const TRANSITIONS: Record<StatusAction, { from: readonly ReleaseStatus[]; to: ReleaseStatus; newRound: boolean }> = {
  dispute: { from: ["verified"], to: "disputed", newRound: true },
  retract: { from: ["verified", "disputed"], to: "retracted", newRound: false },
  reopen: { from: ["rejected"], to: "reported", newRound: true },
};

export type TransitionOutcome =
  | { ok: true; status: ReleaseStatus; newRound: boolean }
  | { ok: false; refusal: "role" | "not_allowed_from_status" | "reason_required" };

export function decideTransition(
  status: ReleaseStatus,
  actorRole: Role,
  action: StatusAction,
  reason: string | null | undefined,
): TransitionOutcome {
  if (actorRole === "volunteer") return { ok: false, refusal: "role" };
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status)) return { ok: false, refusal: "not_allowed_from_status" };
  if ((reason?.trim() ?? "") === "") return { ok: false, refusal: "reason_required" };
  return { ok: true, status: transition.to, newRound: transition.newRound };
}

/** The actions possible from a status, for the buttons a page offers. */
export function statusActionsFrom(status: ReleaseStatus): StatusAction[] {
  return (Object.keys(TRANSITIONS) as StatusAction[]).filter((action) => TRANSITIONS[action].from.includes(status));
}
