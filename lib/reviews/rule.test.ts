import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReleaseStatus, ReviewDecision, Role } from "../generated/prisma/enums.ts";
import {
  countApprovals,
  decideReview,
  decideTransition,
  meetsVerification,
  statusActionsFrom,
  type ReviewState,
} from "./rule.ts";

const T0 = new Date("2026-01-12T10:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function state(overrides: Partial<ReviewState> = {}): ReviewState {
  return {
    status: "reported",
    reportedById: "volunteer",
    evidenceCount: 1,
    lastEvidenceAt: T0,
    reviews: [],
    approvalsRequired: 2,
    ...overrides,
  };
}

const approve = { decision: "approve" as const };
const moderator = (id: string) => ({ id, role: "moderator" as const });

/** Applies decisions one after another, as the mutation does, and returns the final status. */
function run(start: ReviewState, steps: { reviewer: { id: string; role: Role }; decision: ReviewDecision; reason?: string }[]) {
  let current = start;
  const outcomes = [];
  for (const [index, step] of steps.entries()) {
    const outcome = decideReview(current, step.reviewer, step);
    outcomes.push(outcome);
    if (outcome.ok) {
      current = {
        ...current,
        status: outcome.status,
        reviews: [
          ...current.reviews.filter((review) => review.reviewerId !== step.reviewer.id),
          { reviewerId: step.reviewer.id, decision: step.decision, decidedAt: later(index + 1) },
        ],
      };
    }
  }
  return { state: current, outcomes };
}

describe("decideReview: every combination of evidence, reviewers, roles and approvals required", () => {
  for (const required of [1, 2, 3]) {
    for (const evidenceCount of [0, 1, 3]) {
      it(`approvals required ${required}, evidence ${evidenceCount}`, () => {
        const reviewers = ["m1", "m2", "m3"].map(moderator);
        const { state: end, outcomes } = run(
          state({ approvalsRequired: required, evidenceCount, lastEvidenceAt: evidenceCount ? T0 : null }),
          reviewers.map((reviewer) => ({ reviewer, decision: "approve" })),
        );
        if (evidenceCount === 0) {
          expect(outcomes.every((o) => !o.ok && o.refusal === "no_evidence")).toBe(true);
          expect(end.status).toBe("reported");
          return;
        }
        // Verified exactly at the required-th approval; the later approvals find it no longer under review.
        outcomes.forEach((outcome, index) => {
          if (index < required) {
            expect(outcome).toMatchObject({ ok: true, approvals: index + 1, status: index + 1 >= required ? "verified" : "reported" });
          } else {
            expect(outcome).toEqual({ ok: false, refusal: "not_under_review" });
          }
        });
        expect(end.status).toBe("verified");
      });
    }
  }

  it.each<[Role, boolean]>([
    ["volunteer", false],
    ["moderator", true],
    ["admin", true],
  ])("a %s may review: %s", (role, allowed) => {
    const outcome = decideReview(state(), { id: "x", role }, approve);
    expect(outcome.ok).toBe(allowed);
    if (!outcome.ok) expect(outcome.refusal).toBe("role");
  });

  it("the reporter cannot review their own release, even as admin", () => {
    for (const role of ["moderator", "admin"] as const) {
      for (const decision of ["approve", "reject", "request_evidence"] as const) {
        expect(decideReview(state({ reportedById: "r" }), { id: "r", role }, { decision, reason: "x" })).toEqual({
          ok: false,
          refusal: "own_report",
        });
      }
    }
  });

  it("a release reported by nobody (an import, the CLI) can be reviewed by anyone", () => {
    expect(decideReview(state({ reportedById: null }), moderator("m1"), approve).ok).toBe(true);
  });

  it("the same reviewer cannot decide twice in a round", () => {
    const once = state({ reviews: [{ reviewerId: "m1", decision: "approve", decidedAt: later(1) }] });
    for (const decision of ["approve", "reject", "request_evidence"] as const) {
      expect(decideReview(once, moderator("m1"), { decision, reason: "x" })).toEqual({ ok: false, refusal: "already_decided" });
    }
  });

  it("a rejection and a request for evidence need a reason; an approval does not", () => {
    for (const reason of [undefined, null, "", "   "]) {
      expect(decideReview(state(), moderator("m1"), { decision: "reject", reason })).toEqual({ ok: false, refusal: "reason_required" });
      expect(decideReview(state(), moderator("m1"), { decision: "request_evidence", reason })).toEqual({
        ok: false,
        refusal: "reason_required",
      });
    }
    expect(decideReview(state(), moderator("m1"), { decision: "reject", reason: "Sin fuente" })).toMatchObject({ ok: true, status: "rejected" });
  });

  it("one rejection rejects, whatever the approvals before it", () => {
    const { state: end } = run(state({ approvalsRequired: 3 }), [
      { reviewer: moderator("m1"), decision: "approve" },
      { reviewer: moderator("m2"), decision: "approve" },
      { reviewer: moderator("m3"), decision: "reject", reason: "La familia lo desmiente" },
    ]);
    expect(end.status).toBe("rejected");
  });

  it("a request for evidence leaves the release reported and may be replaced once new evidence arrives", () => {
    const asked = state({ reviews: [{ reviewerId: "m1", decision: "request_evidence", decidedAt: later(1) }], lastEvidenceAt: T0 });
    expect(decideReview(asked, moderator("m1"), approve)).toEqual({ ok: false, refusal: "already_decided" });
    const withNewEvidence = { ...asked, evidenceCount: 2, lastEvidenceAt: later(5) };
    expect(decideReview(withNewEvidence, moderator("m1"), approve)).toEqual({
      ok: true,
      status: "reported",
      approvals: 1,
      replacesRequest: true,
    });
  });

  it("only reported and disputed releases are under review", () => {
    for (const status of ["verified", "rejected", "retracted"] as const) {
      expect(decideReview(state({ status }), moderator("m1"), approve)).toEqual({ ok: false, refusal: "not_under_review" });
    }
    expect(decideReview(state({ status: "disputed", approvalsRequired: 1 }), moderator("m1"), approve)).toMatchObject({
      ok: true,
      status: "verified",
    });
  });
});

describe("invariants (property-based)", () => {
  const reviewerIds = fc.constantFrom("reporter", "m1", "m2", "m3", "m4", "v1");
  const roleOf = (id: string): Role => (id === "v1" ? "volunteer" : id === "m4" ? "admin" : "moderator");
  const step = fc.record({
    reviewer: reviewerIds.map((id) => ({ id, role: roleOf(id) })),
    decision: fc.constantFrom<ReviewDecision>("approve", "reject", "request_evidence"),
    reason: fc.option(fc.constantFrom("", " ", "motivo"), { nil: undefined }),
  });
  const scenario = fc.record({
    required: fc.integer({ min: 1, max: 4 }),
    evidenceCount: fc.integer({ min: 0, max: 3 }),
    status: fc.constantFrom<ReleaseStatus>("reported", "disputed", "verified", "rejected", "retracted"),
    steps: fc.array(step, { maxLength: 12 }),
  });

  it("verified only with evidence and enough distinct approvals from non-reporters", () => {
    fc.assert(
      fc.property(scenario, ({ required, evidenceCount, status, steps }) => {
        const start = state({ status, approvalsRequired: required, evidenceCount, reportedById: "reporter", lastEvidenceAt: evidenceCount ? T0 : null });
        const { state: end, outcomes } = run(start, steps);
        if (end.status === "verified" && start.status !== "verified") {
          expect(evidenceCount).toBeGreaterThan(0);
          const approvers = new Set(end.reviews.filter((r) => r.decision === "approve").map((r) => r.reviewerId));
          expect(approvers.has("reporter")).toBe(false);
          expect(approvers.has("v1")).toBe(false);
          expect(approvers.size).toBeGreaterThanOrEqual(required);
        }
        // Accepted decisions: never by the reporter or a volunteer, never a second one by the same reviewer.
        const accepted = steps.filter((_, i) => outcomes[i]!.ok);
        expect(accepted.some((s) => s.reviewer.id === "reporter" || s.reviewer.id === "v1")).toBe(false);
        const seen = new Set(accepted.map((s) => s.reviewer.id));
        expect(seen.size).toBe(accepted.length);
        // Every accepted rejection or request carried a reason.
        expect(accepted.every((s) => s.decision === "approve" || (s.reason ?? "").trim() !== "")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("the approval count ignores repeats and the reporter", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ reviewerId: reviewerIds, decision: fc.constantFrom<ReviewDecision>("approve", "reject") })), (reviews) => {
        const count = countApprovals({ reportedById: "reporter", reviews: reviews.map((r) => ({ ...r, decidedAt: T0 })) });
        const expected = new Set(reviews.filter((r) => r.decision === "approve" && r.reviewerId !== "reporter").map((r) => r.reviewerId)).size;
        expect(count).toBe(expected);
      }),
    );
  });

  it("no evidence, never verified", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(reviewerIds), (required, ids) => {
        const reviews = ids.map((reviewerId) => ({ reviewerId, decision: "approve" as const, decidedAt: T0 }));
        expect(meetsVerification({ reviews, reportedById: "reporter", evidenceCount: 0, approvalsRequired: required })).toBe(false);
      }),
    );
  });
});

describe("status changes outside review", () => {
  const statuses: ReleaseStatus[] = ["reported", "verified", "rejected", "disputed", "retracted"];

  it("follow the table, each with a reason, never by a volunteer", () => {
    const allowed: Record<string, ReleaseStatus> = {
      "dispute:verified": "disputed",
      "retract:verified": "retracted",
      "retract:disputed": "retracted",
      "reopen:rejected": "reported",
    };
    for (const action of ["dispute", "retract", "reopen"] as const) {
      for (const status of statuses) {
        const outcome = decideTransition(status, "moderator", action, "motivo");
        const expected = allowed[`${action}:${status}`];
        if (expected) expect(outcome).toMatchObject({ ok: true, status: expected });
        else expect(outcome).toEqual({ ok: false, refusal: "not_allowed_from_status" });
        expect(decideTransition(status, "volunteer", action, "motivo")).toEqual({ ok: false, refusal: "role" });
      }
    }
    expect(decideTransition("verified", "moderator", "dispute", " ")).toEqual({ ok: false, refusal: "reason_required" });
  });

  it("a dispute and a reopening start a new review round; a retraction does not", () => {
    expect(decideTransition("verified", "moderator", "dispute", "x")).toMatchObject({ newRound: true });
    expect(decideTransition("rejected", "admin", "reopen", "x")).toMatchObject({ newRound: true });
    expect(decideTransition("verified", "admin", "retract", "x")).toMatchObject({ newRound: false });
  });

  it("offers the actions possible from each status", () => {
    expect(statusActionsFrom("verified")).toEqual(["dispute", "retract"]);
    expect(statusActionsFrom("reported")).toEqual([]);
    expect(statusActionsFrom("retracted")).toEqual([]);
  });
});
