import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postBatch } from "../../app/api/v1/reviews/batch/route.ts";
import { GET as getQueue } from "../../app/api/v1/reviews/queue/route.ts";
import { systemActor } from "../auth/actor.ts";
import { createApiToken } from "../auth/mutations.ts";
import { db } from "../db/client.ts";
import { addEvidence } from "../evidence/mutations.ts";
import { createPerson } from "../persons/mutations.ts";
import { makeOrganization, uniqueWord } from "../persons/test-fixtures.ts";
import { createRelease } from "../releases/mutations.ts";
import { makeActor } from "../testing/actors.ts";
import { approveReleases, reviewRelease } from "./mutations.ts";
import { BATCH_REVIEW_LIMIT, batchReviewResultSchema, queuePageSchema, type BatchReviewResult } from "./schema.ts";

// A request without credentials asks next-auth for the session cookie, which needs
// Next.js's request scope; here no one is signed in.
vi.mock("../auth/session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../auth/session.ts")>()),
  getViewer: async () => null,
}));

/**
 * Batch approval on a real database, trying to break maker-checker: a batch
 * is one approval per release by one moderator, through the single rule,
 * whatever the mix, the repetition or the concurrency. Own organization and
 * rows; everything is looked up by the ids made here.
 */
type UserActor = Awaited<ReturnType<typeof makeActor>>;
let organizationId: string;
let volunteer: UserActor;
let moderators: UserActor[];
const tokens = { volunteer: "", moderator: "" };

beforeAll(async () => {
  organizationId = (await makeOrganization()).id;
  volunteer = await makeActor("volunteer", organizationId, "lote-voluntaria");
  moderators = await Promise.all([1, 2, 3].map((n) => makeActor("moderator", organizationId, `lote-moderador${n}`)));
  tokens.volunteer = (await createApiToken(systemActor("cli"), volunteer.userId, { name: "batch volunteer" })).token;
  tokens.moderator = (await createApiToken(systemActor("cli"), moderators[0]!.userId, { name: "batch moderator" })).token;
});

async function reported(options: { reporter?: UserActor; evidence?: boolean; importId?: string } = {}): Promise<string> {
  const reporter = options.reporter ?? volunteer;
  const person = await createPerson(reporter, { givenNames: `Lote ${uniqueWord()}`, surnames: "Quintero Salas" });
  const release = await createRelease(reporter, person.id, { releasedOn: "2026-01-12", facility: "Rodeo I" });
  if (options.evidence !== false) {
    await addEvidence(reporter, release.id, { kind: "ngo_list", description: "Lista de la ONG", url: "https://example.org/lista", public: false });
  }
  if (options.importId) await db().release.update({ where: { id: release.id }, data: { importId: options.importId } });
  return release.id;
}

const many = (count: number, options?: Parameters<typeof reported>[0]) => Promise.all(Array.from({ length: count }, () => reported(options)));
const approvalsOf = (releaseId: string) => db().review.count({ where: { releaseId, decision: "approve" } });
const outcomeOf = (result: BatchReviewResult, releaseId: string) => result.results.find((item) => item.releaseId === releaseId);

function post(body: unknown, role: keyof typeof tokens | null = "moderator") {
  return postBatch(
    new Request("http://localhost/api/v1/reviews/batch", {
      method: "POST",
      headers: { ...(role ? { Authorization: `Bearer ${tokens[role]}` } : {}), "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}

describe("approveReleases: one approval per release, by one moderator, through the rule", () => {
  it("refuses the releases the moderator reported (an import they ran) and approves the others, each with its own audit event", async () => {
    const mine = await many(2, { reporter: moderators[0]! });
    const others = await many(3);
    const ids = [mine[0]!, others[0]!, others[1]!, mine[1]!, others[2]!];
    const result = await approveReleases(moderators[0]!, { releaseIds: ids, decision: "approve" });

    expect(result.results.map((item) => item.releaseId)).toEqual(ids); // in the order given
    expect(result).toMatchObject({ approved: 3, verified: 0, refused: 2 });
    for (const id of mine) {
      expect(outcomeOf(result, id)).toMatchObject({ outcome: "refused", code: "own_report" });
      expect(await db().review.count({ where: { releaseId: id } })).toBe(0);
    }
    for (const id of others) {
      expect(outcomeOf(result, id)).toMatchObject({ outcome: "approved", release: { id, status: "reported", approvals: 1, approvalsRequired: 2 } });
      expect(await approvalsOf(id)).toBe(1);
    }
    // One audit event per approved release, naming the batch; none for the refused ones.
    const events = await db().auditEvent.findMany({ where: { entityType: "Release", entityId: { in: ids }, action: "review.approve" } });
    expect(events.map((event) => event.entityId).sort()).toEqual([...others].sort());
    const batches = new Set(events.map((event) => JSON.stringify((event.after as { batch?: unknown }).batch)));
    expect(batches.size).toBe(1);
    expect((events[0]!.after as { batch: { size: number } }).batch.size).toBe(5);
  });

  it("the same batch twice: the second time every release is already decided and nothing changes", async () => {
    const ids = await many(4);
    const first = await approveReleases(moderators[1]!, { releaseIds: ids, decision: "approve" });
    expect(first).toMatchObject({ approved: 4, refused: 0 });
    const second = await approveReleases(moderators[1]!, { releaseIds: ids, decision: "approve" });
    expect(second).toMatchObject({ approved: 0, verified: 0, refused: 4 });
    expect(second.results.every((item) => item.outcome === "refused" && item.code === "already_decided")).toBe(true);
    for (const id of ids) expect(await approvalsOf(id)).toBe(1);
    expect(await db().release.count({ where: { id: { in: ids }, status: "reported" } })).toBe(4);
  });

  it("the same moderator sending one batch twice at once still approves each release once", async () => {
    const ids = await many(5);
    const [a, b] = await Promise.all([
      approveReleases(moderators[2]!, { releaseIds: ids, decision: "approve" }),
      approveReleases(moderators[2]!, { releaseIds: [...ids].reverse(), decision: "approve" }),
    ]);
    expect(a.approved + b.approved).toBe(5);
    expect(a.refused + b.refused).toBe(5);
    for (const id of ids) expect(await approvalsOf(id)).toBe(1);
  });

  it("two moderators batching the same releases at once verify each exactly once, with two approvals", async () => {
    const ids = await many(6);
    const [a, b] = await Promise.all([
      approveReleases(moderators[0]!, { releaseIds: ids, decision: "approve" }),
      approveReleases(moderators[1]!, { releaseIds: [...ids].reverse(), decision: "approve" }),
    ]);
    expect(a.approved).toBe(6);
    expect(b.approved).toBe(6);
    expect(a.verified + b.verified).toBe(6);
    for (const id of ids) {
      const outcomes = [outcomeOf(a, id)!.outcome, outcomeOf(b, id)!.outcome].sort();
      expect(outcomes).toEqual(["approved", "verified"]);
      expect(await approvalsOf(id)).toBe(2);
      const release = await db().release.findUniqueOrThrow({ where: { id } });
      expect(release.status).toBe("verified");
      expect(release.verifiedAt).not.toBeNull();
      expect(await db().releaseStatusChange.count({ where: { releaseId: id, toStatus: "verified" } })).toBe(1);
    }
    // A third moderator's batch finds nothing left to approve.
    const third = await approveReleases(moderators[2]!, { releaseIds: ids, decision: "approve" });
    expect(third.results.every((item) => item.code === "not_under_review")).toBe(true);
    for (const id of ids) expect(await approvalsOf(id)).toBe(2);
  });

  it("refuses a release without evidence and an unknown id, and still approves the others", async () => {
    const bare = await reported({ evidence: false });
    const good = await many(2);
    const unknown = randomUUID();
    const result = await approveReleases(moderators[0]!, { releaseIds: [good[0]!, bare, unknown, good[1]!], decision: "approve" });
    expect(result).toMatchObject({ approved: 2, refused: 2 });
    expect(outcomeOf(result, bare)).toMatchObject({ outcome: "refused", code: "no_evidence" });
    expect(outcomeOf(result, unknown)).toMatchObject({ outcome: "refused", code: "not_found" });
    expect(outcomeOf(result, unknown)!.release).toBeUndefined();
    expect(await db().review.count({ where: { releaseId: bare } })).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: bare, action: "review.approve" } })).toBe(0);
    for (const id of good) expect(await approvalsOf(id)).toBe(1);
  });

  it("a batch after a single approval by the same moderator refuses that one (never two approvals)", async () => {
    const ids = await many(2);
    await reviewRelease(moderators[1]!, ids[0]!, { decision: "approve" });
    const result = await approveReleases(moderators[1]!, { releaseIds: ids, decision: "approve" });
    expect(outcomeOf(result, ids[0]!)).toMatchObject({ outcome: "refused", code: "already_decided" });
    expect(outcomeOf(result, ids[1]!)).toMatchObject({ outcome: "approved" });
    expect(await approvalsOf(ids[0]!)).toBe(1);
  });

  it("refuses a volunteer outright, and a list that names a release twice", async () => {
    const ids = await many(1);
    await expect(approveReleases(volunteer, { releaseIds: ids, decision: "approve" })).rejects.toMatchObject({ status: 403 });
    await expect(approveReleases(moderators[0]!, { releaseIds: [ids[0]!, ids[0]!.toUpperCase()], decision: "approve" })).rejects.toMatchObject({
      status: 400,
    });
    expect(await db().review.count({ where: { releaseId: ids[0]! } })).toBe(0);
  });
});

describe("POST /api/v1/reviews/batch", () => {
  it("answers each release's outcome, in the published shape", async () => {
    const ids = await many(2);
    const response = await post({ releaseIds: ids, decision: "approve", reason: "Lista de Foro Penal revisada" });
    expect(response.status).toBe(200);
    const body = batchReviewResultSchema.parse(await response.json());
    expect(body).toMatchObject({ approved: 2, verified: 0, refused: 0 });
    const reason = await db().review.findFirstOrThrow({ where: { releaseId: ids[0]! } });
    expect(reason.reason).toBe("Lista de Foro Penal revisada");
  });

  it("refuses a volunteer (403) and the public (401), writing nothing", async () => {
    const ids = await many(1);
    const asVolunteer = await post({ releaseIds: ids, decision: "approve" }, "volunteer");
    expect(asVolunteer.status).toBe(403);
    expect((await asVolunteer.json()).error.code).toBe("forbidden");
    const anonymous = await post({ releaseIds: ids, decision: "approve" }, null);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
    expect(await db().review.count({ where: { releaseId: ids[0]! } })).toBe(0);
  });

  it("refuses bad lists with a 400 and writes nothing: too many, duplicates, empty, not uuids, another decision, unknown fields", async () => {
    const ids = await many(2);
    const tooMany = [...ids, ...Array.from({ length: BATCH_REVIEW_LIMIT - 1 }, () => randomUUID())];
    expect(tooMany).toHaveLength(BATCH_REVIEW_LIMIT + 1);
    const bad = [
      { releaseIds: tooMany, decision: "approve" },
      { releaseIds: [ids[0], ids[1], ids[0]], decision: "approve" },
      { releaseIds: [], decision: "approve" },
      { releaseIds: ["not-a-uuid"], decision: "approve" },
      { releaseIds: ids, decision: "reject", reason: "No" },
      { releaseIds: ids },
      { releaseIds: ids, decision: "approve", force: true },
    ];
    for (const body of bad) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_input");
    }
    const duplicate = await (await post({ releaseIds: [ids[0], ids[1], ids[0]], decision: "approve" })).json();
    expect(duplicate.error.issues).toEqual([expect.objectContaining({ path: "releaseIds.2" })]);
    for (const id of ids) expect(await db().review.count({ where: { releaseId: id } })).toBe(0);
  });
});

describe("the queue filtered by import", () => {
  it("lists exactly the releases of that import, each naming its file and date", async () => {
    const importer = moderators[2]!;
    const file = `foro-penal-${uniqueWord()}.xlsx`;
    const created = await db().import.create({
      data: { kind: "people", organizationId, createdById: importer.userId, fileName: file, status: "done" },
    });
    const imported = await many(3, { reporter: importer, importId: created.id });
    await many(1, { reporter: importer }); // by hand, same reporter: not in the import's list

    const get = (query: Record<string, string>) =>
      getQueue(
        new Request(`http://localhost/api/v1/reviews/queue?${new URLSearchParams(query)}`, {
          headers: { Authorization: `Bearer ${tokens.moderator}` },
        }),
        { params: Promise.resolve({}) },
      );
    const queue = async (query: Record<string, string>) => {
      const response = await get(query);
      expect(response.status).toBe(200);
      return queuePageSchema.parse(await response.json());
    };
    const page = await queue({ importId: created.id, waiting: "all" });
    expect(page.items.map((item) => item.id).sort()).toEqual([...imported].sort());
    for (const item of page.items) {
      expect(item.import).toEqual({ id: created.id, fileName: file, createdAt: created.createdAt.toISOString() });
    }
    // Another moderator's "waiting for me" holds them all; the importer's own reports never wait for the importer.
    expect((await queue({ importId: created.id })).items).toHaveLength(3);
    const importerBatch = await approveReleases(importer, { releaseIds: imported, decision: "approve" });
    expect(importerBatch.results.every((item) => item.code === "own_report")).toBe(true);
    expect((await queue({ importId: randomUUID(), waiting: "all" })).items).toEqual([]);
    expect((await get({ importId: "nope" })).status).toBe(400);
  });
});
