import { describe, expect, it } from "vitest";
import type { QueueItem } from "./data.ts";
import { applyDecision, applyResult, foreseeDecision, queueItems, restoreItem, withDecision, type QueueData, type QueueReviewer } from "./queue-cache.ts";

const T0 = "2026-01-10T12:00:00.000Z";
const reviewer: QueueReviewer = { id: "m1", name: "Moderadora Uno", role: "moderator" };
const other: QueueReviewer = { id: "m2", name: "Moderador Dos", role: "moderator" };

function item(id: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    status: "reported",
    statusReason: null,
    version: 1,
    reviewRound: 1,
    createdAt: `2026-01-10T12:00:0${id.slice(-1)}.000Z`,
    releasedOn: "2026-01-09",
    facility: "Rodeo I",
    conditions: "conditional",
    conditionsDetail: null,
    organization: { id: "org", name: "ONG" },
    reportedBy: { id: "v1", name: "Voluntaria" },
    import: null,
    person: {
      id: `p-${id}`,
      name: `Persona ${id}`,
      otherSpellings: [],
      cedula: null,
      disclosure: "initials",
      nationality: "VE",
      birthYear: null,
      homeState: null,
      organizationName: "ONG",
    },
    evidence: [
      {
        id: `e-${id}`,
        kind: "family_testimony",
        url: "https://example.org",
        description: "Llamada de la madre",
        obtainedOn: null,
        isPublic: false,
        fileName: null,
        file: null,
        addedBy: "Voluntaria",
        createdAt: T0,
      },
    ],
    reviews: [],
    earlierReviews: 0,
    approvals: 0,
    approvalsRequired: 2,
    ...overrides,
  };
}

function data(...pages: QueueItem[][]): QueueData {
  return { pages: pages.map((items, index) => ({ items, nextCursor: index < pages.length - 1 ? `c${index}` : null })), pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)) };
}

const ids = (queue: QueueData | undefined) => queueItems(queue).map((entry) => entry.id);
const NOW = new Date("2026-01-11T09:00:00.000Z");

describe("foreseeing a decision with the rule", () => {
  it("refuses what the server would refuse", () => {
    expect(foreseeDecision(item("r1", { evidence: [] }), reviewer, { decision: "approve" })).toEqual({ ok: false, refusal: "no_evidence" });
    expect(foreseeDecision(item("r1", { reportedBy: { id: "m1", name: "M" } }), reviewer, { decision: "approve" })).toEqual({
      ok: false,
      refusal: "own_report",
    });
    expect(foreseeDecision(item("r1"), reviewer, { decision: "reject", reason: "  " })).toEqual({ ok: false, refusal: "reason_required" });
    expect(foreseeDecision(item("r1", { status: "verified" }), reviewer, { decision: "approve" })).toEqual({
      ok: false,
      refusal: "not_under_review",
    });
  });

  it("lets a reviewer who asked for evidence decide again once new evidence came in", () => {
    const asked = { id: "x", reviewerId: "m1", reviewerName: "M", decision: "request_evidence", reason: "falta", at: "2026-01-10T13:00:00.000Z" };
    const before = item("r1", { reviews: [asked] });
    expect(foreseeDecision(before, reviewer, { decision: "approve" })).toEqual({ ok: false, refusal: "already_decided" });
    const after = item("r1", { reviews: [asked], evidence: [{ ...before.evidence[0]!, id: "e2", createdAt: "2026-01-10T14:00:00.000Z" }] });
    expect(foreseeDecision(after, reviewer, { decision: "approve" })).toMatchObject({ ok: true, approvals: 1 });
  });
});

describe("the optimistic update", () => {
  it("takes the item out of a 'waiting for me' list at once", () => {
    const queue = data([item("r1"), item("r2")], [item("r3")]);
    const next = applyDecision(queue, "mine", { releaseId: "r2", decision: "approve" }, reviewer, NOW);
    expect(ids(next)).toEqual(["r1", "r3"]);
    expect(next!.pages[1]).toBe(queue.pages[1]); // untouched pages keep their identity
    expect(queue.pages[0]!.items).toHaveLength(2); // the snapshot is not mutated
  });

  it("shows the new approvals in an 'all' list, and verified at the last one", () => {
    const first = applyDecision(data([item("r1")]), "all", { releaseId: "r1", decision: "approve" }, reviewer, NOW);
    const once = queueItems(first)[0]!;
    expect(once).toMatchObject({ approvals: 1, status: "reported" });
    expect(once.reviews).toEqual([expect.objectContaining({ reviewerId: "m1", reviewerName: "Moderadora Uno", decision: "approve" })]);
    const twice = queueItems(applyDecision(first, "all", { releaseId: "r1", decision: "approve" }, other, NOW))[0]!;
    expect(twice).toMatchObject({ approvals: 2, status: "verified" });
  });

  it("shows a rejection with its reason", () => {
    const after = withDecision(item("r1"), reviewer, { decision: "reject", reason: " no coincide " }, NOW);
    expect(after.status).toBe("rejected");
    expect(after.reviews[0]).toMatchObject({ decision: "reject", reason: "no coincide" });
  });

  it("leaves the item as it was when the rule would refuse", () => {
    const noEvidence = item("r1", { evidence: [] });
    expect(withDecision(noEvidence, reviewer, { decision: "approve" }, NOW)).toBe(noEvidence);
  });

  it("writes the server's numbers into the item", () => {
    const queue = data([item("r1")]);
    const after = applyResult(queue, { id: "r1", status: "verified", approvals: 2, approvalsRequired: 2 });
    expect(queueItems(after)[0]).toMatchObject({ status: "verified", approvals: 2 });
    expect(applyResult(queue, { id: "elsewhere", status: "verified", approvals: 2, approvalsRequired: 2 })).toBe(queue);
  });
});

describe("the rollback", () => {
  it("puts a refused item back where it was", () => {
    const snapshot = data([item("r1"), item("r2"), item("r3")], [item("r4")]);
    const optimistic = applyDecision(snapshot, "mine", { releaseId: "r2", decision: "approve" }, reviewer, NOW);
    expect(ids(restoreItem(optimistic, snapshot, "r2"))).toEqual(["r1", "r2", "r3", "r4"]);
  });

  it("restores only that item: other decisions made meanwhile stay", () => {
    const snapshot = data([item("r1"), item("r2"), item("r3")]);
    const first = applyDecision(snapshot, "mine", { releaseId: "r1", decision: "approve" }, reviewer, NOW);
    const second = applyDecision(first, "mine", { releaseId: "r2", decision: "approve" }, reviewer, NOW);
    // r1 is refused after r2 was decided: r1 comes back, r2 stays out.
    expect(ids(restoreItem(second, snapshot, "r1"))).toEqual(["r1", "r3"]);
  });

  it("replaces the optimistic copy in an 'all' list", () => {
    const snapshot = data([item("r1"), item("r2")]);
    const optimistic = applyDecision(snapshot, "all", { releaseId: "r1", decision: "approve" }, reviewer, NOW);
    const restored = restoreItem(optimistic, snapshot, "r1");
    expect(ids(restored)).toEqual(["r1", "r2"]);
    expect(queueItems(restored)[0]).toEqual(snapshot.pages[0]!.items[0]);
  });

  it("keeps the current cache when the snapshot never had the item, and uses the snapshot when the cache is gone", () => {
    const snapshot = data([item("r1")]);
    const current = data([item("r2")]);
    expect(restoreItem(current, snapshot, "r9")).toBe(current);
    expect(restoreItem(undefined, snapshot, "r1")).toBe(snapshot);
  });

  it("lands in the last page when pages were dropped meanwhile", () => {
    const snapshot = data([item("r1")], [item("r5")]);
    const current = data([item("r1")]);
    expect(ids(restoreItem(current, snapshot, "r5"))).toEqual(["r1", "r5"]);
  });
});

describe("queueItems", () => {
  it("lists each item once even when refetched pages overlap", () => {
    expect(ids(data([item("r1"), item("r2")], [item("r2"), item("r3")]))).toEqual(["r1", "r2", "r3"]);
    expect(queueItems(undefined)).toEqual([]);
  });
});
