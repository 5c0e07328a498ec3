import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { addEvidence } from "../evidence/mutations.ts";
import { createPerson } from "../persons/mutations.ts";
import { makeOrganization, uniqueWord } from "../persons/test-fixtures.ts";
import { changeReleaseStatus, createRelease } from "../releases/mutations.ts";
import { makeActor } from "../testing/actors.ts";
import { queueFacets, reviewQueue, waitingForReviewer } from "./data.ts";
import { reviewRelease } from "./mutations.ts";

type UserActor = Awaited<ReturnType<typeof makeActor>>;
let volunteer: UserActor;
let moderators: UserActor[];
let organizationId: string;

async function reportedRelease(options: { evidence?: boolean; reporter?: UserActor } = {}) {
  const reporter = options.reporter ?? volunteer;
  const person = await createPerson(reporter, { givenNames: `Yorgelis ${uniqueWord()}`, surnames: "Pérez Rondón" });
  const release = await createRelease(reporter, person.id, { releasedOn: "2026-01-12", facility: "El Helicoide (SEBIN, Caracas)" });
  if (options.evidence !== false) {
    await addEvidence(reporter, release.id, { kind: "family_testimony", description: "La madre confirma por teléfono", url: "https://example.org/nota", public: false });
  }
  return { personId: person.id, releaseId: release.id };
}

const statusOf = async (releaseId: string) => (await db().release.findUniqueOrThrow({ where: { id: releaseId } })).status;

beforeAll(async () => {
  organizationId = (await makeOrganization()).id;
  volunteer = await makeActor("volunteer", organizationId);
  moderators = await Promise.all([1, 2, 3].map((n) => makeActor("moderator", organizationId, `moderator${n}`)));
});

describe("reviewRelease on a real database", () => {
  it("verifies with two approvals from distinct moderators, and records the history", async () => {
    const { releaseId } = await reportedRelease();
    const first = await reviewRelease(moderators[0]!, releaseId, { decision: "approve" });
    expect(first.release).toMatchObject({ status: "reported", approvals: 1, approvalsRequired: 2 });
    const second = await reviewRelease(moderators[1]!, releaseId, { decision: "approve" });
    expect(second.release).toMatchObject({ status: "verified", approvals: 2 });
    const release = await db().release.findUniqueOrThrow({ where: { id: releaseId }, include: { statusChanges: { orderBy: { id: "asc" } } } });
    expect(release.verifiedAt).not.toBeNull();
    expect(release.statusChanges.map((c) => [c.fromStatus, c.toStatus])).toEqual([
      [null, "reported"],
      ["reported", "verified"],
    ]);
    const audit = await db().auditEvent.findMany({ where: { entityType: "Release", entityId: releaseId }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["release.create", "evidence.add", "review.approve", "review.approve"]);
  });

  it("two moderators approving at the same moment verify once, and the same moderator twice at once counts once", async () => {
    const { releaseId } = await reportedRelease();
    const results = await Promise.allSettled([
      reviewRelease(moderators[0]!, releaseId, { decision: "approve" }),
      reviewRelease(moderators[0]!, releaseId, { decision: "approve" }),
      reviewRelease(moderators[0]!, releaseId, { decision: "approve" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const refused of results.filter((r) => r.status === "rejected")) {
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    }
    expect(await statusOf(releaseId)).toBe("reported");
    expect(await db().review.count({ where: { releaseId } })).toBe(1);

    const second = await reportedRelease();
    const both = await Promise.all([
      reviewRelease(moderators[0]!, second.releaseId, { decision: "approve" }),
      reviewRelease(moderators[1]!, second.releaseId, { decision: "approve" }),
    ]);
    expect(both.map((r) => r.release.approvals).sort()).toEqual([1, 2]);
    expect(await statusOf(second.releaseId)).toBe("verified");
    expect(await db().releaseStatusChange.count({ where: { releaseId: second.releaseId, toStatus: "verified" } })).toBe(1);
  });

  it("refuses the reporter (403), a second decision (409), an approval without evidence (422), a rejection without reason (400)", async () => {
    const own = await reportedRelease({ reporter: moderators[2]! });
    await expect(reviewRelease(moderators[2]!, own.releaseId, { decision: "approve" })).rejects.toMatchObject({
      status: 403,
      extra: { details: { reason: "own_report" } },
    });

    const { releaseId } = await reportedRelease();
    await reviewRelease(moderators[0]!, releaseId, { decision: "approve" });
    await expect(reviewRelease(moderators[0]!, releaseId, { decision: "reject", reason: "cambio de idea" })).rejects.toMatchObject({ status: 409 });

    const bare = await reportedRelease({ evidence: false });
    await expect(reviewRelease(moderators[0]!, bare.releaseId, { decision: "approve" })).rejects.toMatchObject({ status: 422 });
    await expect(reviewRelease(moderators[0]!, bare.releaseId, { decision: "reject", reason: "  " })).rejects.toMatchObject({ status: 400 });
    await expect(reviewRelease(volunteer, bare.releaseId, { decision: "approve" })).rejects.toMatchObject({ status: 403 });
    expect(await db().review.count({ where: { releaseId: { in: [own.releaseId, bare.releaseId] } } })).toBe(0);
    await expect(reviewRelease(moderators[0]!, "0194a1b2-0000-7000-8000-00000000dead", { decision: "approve" })).rejects.toMatchObject({ status: 404 });
  });

  it("a request for evidence can be replaced by an approval once new evidence arrives", async () => {
    const { releaseId } = await reportedRelease();
    await reviewRelease(moderators[0]!, releaseId, { decision: "request_evidence", reason: "Falta una foto o un documento" });
    await expect(reviewRelease(moderators[0]!, releaseId, { decision: "approve" })).rejects.toMatchObject({ status: 409 });
    const mine = async () => (await reviewQueue(moderators[0]!.userId, { waiting: "mine", limit: 100, organizationId })).items.map((i) => i.id);
    expect(await mine()).not.toContain(releaseId);
    await addEvidence(volunteer, releaseId, { kind: "press_report", description: "Nota de prensa", url: "https://example.org/prensa", public: true });
    // The new evidence brings it back to the queue of whoever asked for it.
    expect(await mine()).toContain(releaseId);
    const result = await reviewRelease(moderators[0]!, releaseId, { decision: "approve" });
    expect(result.release.approvals).toBe(1);
    expect(await db().review.count({ where: { releaseId } })).toBe(1);
  });

  it("a dispute sends a verified release back to review in a new round; a retraction for re-arrest opens a detention", async () => {
    const { personId, releaseId } = await reportedRelease();
    await reviewRelease(moderators[0]!, releaseId, { decision: "approve" });
    await reviewRelease(moderators[1]!, releaseId, { decision: "approve" });
    const version = (await db().release.findUniqueOrThrow({ where: { id: releaseId } })).version;
    const disputed = await changeReleaseStatus(moderators[2]!, releaseId, { action: "dispute", reason: "La familia dice que sigue preso", version });
    expect(disputed.status).toBe("disputed");
    // Earlier approvals no longer count: the same moderators decide again in the new round.
    const again = await reviewRelease(moderators[0]!, releaseId, { decision: "approve" });
    expect(again.release).toMatchObject({ status: "disputed", approvals: 1 });
    await expect(
      changeReleaseStatus(moderators[2]!, releaseId, { action: "retract", reason: "x", version }),
    ).rejects.toMatchObject({ code: "stale_version" });
    const current = (await db().release.findUniqueOrThrow({ where: { id: releaseId } })).version;
    const retracted = await changeReleaseStatus(moderators[2]!, releaseId, {
      action: "retract",
      reason: "Detenido de nuevo el 20 de enero",
      version: current,
      rearrest: { arrestedOn: "2026-01-20", facility: "Zona 7 (Boleíta)" },
    });
    expect(retracted).toMatchObject({ status: "retracted" });
    expect(await db().detention.count({ where: { personId } })).toBe(1);
    await expect(changeReleaseStatus(volunteer, releaseId, { action: "reopen", reason: "x", version: current + 1 })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("the queue lists what waits for the moderator, oldest first, and pages with a cursor", async () => {
    const a = await reportedRelease();
    const b = await reportedRelease();
    const own = await reportedRelease({ reporter: moderators[1]! });
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reviewQueue(moderators[1]!.userId, { waiting: "mine", limit: 100, cursor });
      all.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.indexOf(a.releaseId)).toBeGreaterThanOrEqual(0);
    expect(all.indexOf(a.releaseId)).toBeLessThan(all.indexOf(b.releaseId));
    expect(all).not.toContain(own.releaseId);
    const facets = await queueFacets();
    expect(facets.organizations.map((o) => o.id)).toContain(organizationId);
    expect(facets.facilities).toContain("El Helicoide (SEBIN, Caracas)");
    const waitingBefore = await waitingForReviewer(moderators[1]!.userId);
    expect(waitingBefore).toBeGreaterThanOrEqual(2);
    await reviewRelease(moderators[1]!, a.releaseId, { decision: "approve" });
    expect(await waitingForReviewer(moderators[1]!.userId)).toBe(waitingBefore - 1);
    const after = await reviewQueue(moderators[1]!.userId, { waiting: "mine", limit: 100, organizationId });
    expect(after.items.map((item) => item.id)).not.toContain(a.releaseId);
    expect(after.items.map((item) => item.id)).toContain(b.releaseId);
    const withoutEvidence = await reviewQueue(moderators[1]!.userId, { waiting: "all", limit: 100, organizationId, evidenceKind: "none" });
    expect(withoutEvidence.items.map((item) => item.id)).not.toContain(b.releaseId);
  });
});
