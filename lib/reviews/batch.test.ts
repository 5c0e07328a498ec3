import { describe, expect, it } from "vitest";
import { AppError, errors } from "../errors.ts";
import { batchRefusalOf, pruneSelection, selectableForBatch, summarizeBatch, toggleAll } from "./batch.ts";
import type { QueueItem } from "./data.ts";
import { batchReviewSchema, BATCH_REVIEW_LIMIT } from "./schema.ts";

const ME = { id: "m1", role: "moderator" as const };
const uuid = (n: number) => `0194a5c2-7d3e-7b1a-9f00-${String(n).padStart(12, "0")}`;

function item(id: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    status: "reported",
    statusReason: null,
    version: 1,
    reviewRound: 1,
    createdAt: "2026-01-10T12:00:00.000Z",
    releasedOn: "2026-01-09",
    facility: null,
    conditions: "unknown",
    conditionsDetail: null,
    organization: { id: "org", name: "ONG" },
    reportedBy: { id: "v1", name: "Voluntaria" },
    import: null,
    person: { id: `p-${id}`, name: id, otherSpellings: [], cedula: null, disclosure: "initials", nationality: "VE", birthYear: null, homeState: null, organizationName: "ONG" },
    evidence: [
      { id: `e-${id}`, kind: "ngo_list", url: null, description: "Lista", obtainedOn: null, isPublic: false, fileName: null, file: null, addedBy: null, createdAt: "2026-01-10T12:00:00.000Z" },
    ],
    reviews: [],
    earlierReviews: 0,
    approvals: 0,
    approvalsRequired: 2,
    ...overrides,
  };
}

describe("batchRefusalOf", () => {
  it("names the rule's refusal from details.reason, as the single endpoint does", () => {
    for (const reason of ["own_report", "already_decided", "not_under_review", "no_evidence"] as const) {
      const error = new AppError(reason === "own_report" ? "forbidden" : reason === "no_evidence" ? "unprocessable" : "conflict", "x", { details: { reason } });
      expect(batchRefusalOf(error)).toEqual({ code: reason, message: "x" });
    }
  });

  it("falls back on the error code, and never shows a server failure's details", () => {
    expect(batchRefusalOf(errors.notFound("Release")).code).toBe("not_found");
    expect(batchRefusalOf(errors.forbidden()).code).toBe("forbidden");
    expect(batchRefusalOf(errors.secondFactorRequired()).code).toBe("forbidden");
    expect(batchRefusalOf(errors.conflict("changed")).code).toBe("not_under_review");
    expect(batchRefusalOf(errors.unprocessable("no")).code).toBe("no_evidence");
    const crash = batchRefusalOf(new Error("connection reset: password=secret"));
    expect(crash.code).toBe("internal");
    expect(crash.message).not.toContain("secret");
  });
});

describe("summarizeBatch", () => {
  it("counts approvals (verified ones included), verifications and refusals, keeping the order", () => {
    const results = [
      { releaseId: uuid(1), outcome: "approved" as const },
      { releaseId: uuid(2), outcome: "refused" as const, code: "own_report" as const, message: "m" },
      { releaseId: uuid(3), outcome: "verified" as const },
    ];
    expect(summarizeBatch(results)).toEqual({ results, approved: 2, verified: 1, refused: 1 });
    expect(summarizeBatch([])).toEqual({ results: [], approved: 0, verified: 0, refused: 0 });
  });
});

describe("batchReviewSchema", () => {
  it(`takes 1 to ${BATCH_REVIEW_LIMIT} distinct ids and only approvals`, () => {
    const ids = Array.from({ length: BATCH_REVIEW_LIMIT }, (_, n) => uuid(n));
    expect(batchReviewSchema.safeParse({ releaseIds: ids, decision: "approve" }).success).toBe(true);
    expect(batchReviewSchema.safeParse({ releaseIds: [...ids, uuid(999)], decision: "approve" }).success).toBe(false);
    expect(batchReviewSchema.safeParse({ releaseIds: [], decision: "approve" }).success).toBe(false);
    expect(batchReviewSchema.safeParse({ releaseIds: [uuid(1)], decision: "reject", reason: "no" }).success).toBe(false);
    expect(batchReviewSchema.safeParse({ releaseIds: [uuid(1)], decision: "approve", extra: 1 }).success).toBe(false);
  });

  it("points at each repeated id, whatever its case", () => {
    const parsed = batchReviewSchema.safeParse({ releaseIds: [uuid(1), uuid(2), uuid(1).toUpperCase(), uuid(2)], decision: "approve" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["releaseIds.2", "releaseIds.3"]);
  });
});

describe("selection in the queue", () => {
  const items = [
    item("a"),
    item("own", { reportedBy: { id: ME.id, name: "Yo" } }),
    item("bare", { evidence: [] }),
    item("decided", { reviews: [{ id: "r", reviewerId: ME.id, reviewerName: "Yo", decision: "approve", reason: null, at: "2026-01-11T00:00:00.000Z" }] }),
    item("b"),
  ];

  it("offers only what the rule would let this viewer approve", () => {
    expect(items.filter((candidate) => selectableForBatch(candidate, ME)).map((candidate) => candidate.id)).toEqual(["a", "b"]);
    expect(selectableForBatch(item("a"), { id: "v9", role: "volunteer" })).toBe(false);
  });

  it("select all takes every selectable item, and a second time clears", () => {
    const all = toggleAll(new Set(), items, ME);
    expect([...all]).toEqual(["a", "b"]);
    expect(toggleAll(all, items, ME).size).toBe(0);
    expect([...toggleAll(new Set(["a"]), items, ME)]).toEqual(["a", "b"]);
  });

  it("drops ids no longer listed or no longer selectable, and keeps the same set when nothing changes", () => {
    const selected = new Set(["a", "b"]);
    expect(pruneSelection(selected, items, ME)).toBe(selected);
    expect([...pruneSelection(selected, [items[0]!], ME)]).toEqual(["a"]);
    expect([...pruneSelection(new Set(["a", "own"]), items, ME)]).toEqual(["a"]);
  });
});
