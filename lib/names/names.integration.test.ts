import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as candidatesRoute } from "../../app/api/v1/names/candidates/route.ts";
import { POST as decisionRoute } from "../../app/api/v1/names/[id]/decision/route.ts";
import { GET as queueRoute } from "../../app/api/v1/names/queue/route.ts";
import { GET as importRoute } from "../../app/api/v1/imports/[id]/route.ts";
import { GET as publicListRoute, POST as loadRoute } from "../../app/api/v1/announcements/[id]/names/route.ts";
import type { Actor } from "../auth/actor.ts";
import { createApiToken } from "../auth/mutations.ts";
import { createAnnouncement } from "../announcements/mutations.ts";
import { EXAMPLE_ANNOUNCEMENT } from "../announcements/openapi-fixtures.ts";
import { db } from "../db/client.ts";
import { importById } from "../imports/data.ts";
import { stopJobs } from "../jobs/boss.ts";
import { makeOrganization, makePerson, makeRelease } from "../persons/test-fixtures.ts";
import { makeActor } from "../testing/actors.ts";
import { publicListLines } from "./data.ts";
import { processNameListImport, startNameListImport } from "./import.ts";
import { decideName } from "./mutations.ts";
import { NAME_LIST_MAX_BYTES } from "./parse.ts";
import { knownAnswerList, listCsv, type KnownAnswerList } from "./test-fixtures.ts";

// A request without credentials would ask next-auth for the session; here no one is signed in.
vi.mock("../auth/session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../auth/session.ts")>()),
  getViewer: async () => null,
}));

type UserActor = Actor & { kind: "user"; userId: string };
let moderator: UserActor;
let otherModerator: UserActor;
const tokens = { moderator: "", volunteer: "" };
let list: KnownAnswerList;
/** Person id of each person of the list, by key. */
const ids = new Map<string, string>();
const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));

beforeAll(async () => {
  const organizationId = (await makeOrganization()).id;
  moderator = await makeActor("moderator", organizationId, "names-mod");
  otherModerator = await makeActor("moderator", organizationId, "names-mod-b");
  const volunteer = await makeActor("volunteer", organizationId, "names-vol");
  tokens.moderator = (await createApiToken(moderator, moderator.userId, { name: "names" })).token;
  tokens.volunteer = (await createApiToken(volunteer, volunteer.userId, { name: "names" })).token;
  list = knownAnswerList();
  for (const person of list.people) {
    const created = await makePerson(organizationId, {
      givenNames: person.givenNames,
      surnames: person.surnames,
      cedula: person.cedula ?? undefined,
      disclosure: person.disclosure,
      deleted: person.deleted,
    });
    ids.set(person.key, created.id);
  }
  // Some released: the public list says verified or not.
  const at = new Date("2026-01-14T15:00:00Z");
  for (const key of ["exact-0", "exact-1", "exact-2"]) {
    await makeRelease(organizationId, ids.get(key)!, { history: [{ status: "reported", at }, { status: "verified", at }], releasedOn: new Date("2026-01-12") });
  }
  await makeRelease(organizationId, ids.get("exact-3")!, { history: [{ status: "reported", at }] });
}, 120_000);

afterAll(async () => {
  await stopJobs();
});

const announcement = async () => (await createAnnouncement(moderator, { ...EXAMPLE_ANNOUNCEMENT, claimant: "Asamblea Nacional (prueba de listas)" })).id;
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const auth = (role: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[role]}` });

async function loadAndMatch(announcementId: string, bytes: Uint8Array, options: Parameters<typeof processNameListImport>[1] = {}) {
  const { importId } = await startNameListImport(moderator, announcementId, { bytes, type: "csv", fileName: "lista.csv" }, { enqueue: false });
  await processNameListImport(importId, options);
  return (await importById(moderator, importId))!.view;
}

async function linesOf(announcementId: string) {
  return db().announcedName.findMany({
    where: { announcementId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      lineKey: true,
      position: true,
      nameAsPrinted: true,
      identifierAsPrinted: true,
      linkMethod: true,
      personId: true,
      suggestedPersonId: true,
      candidates: true,
      matchKind: true,
      createdAt: true,
    },
  });
}

/** What matters of a line for "the same state": how it is linked and what it offers. */
const stateOf = async (announcementId: string) =>
  new Map(
    (await linesOf(announcementId)).map((line) => [
      line.lineKey,
      { position: line.position, linkMethod: line.linkMethod, personId: line.personId, suggested: line.suggestedPersonId, candidates: line.candidates },
    ]),
  );

describe("matching a list of 200 with known answers", () => {
  let announcementId = "";

  beforeAll(async () => {
    announcementId = await announcement();
  });

  it("links and queues exactly as expected", async () => {
    const started = Date.now();
    const progress = await loadAndMatch(announcementId, utf8(listCsv(list.lines)));
    expect(progress).toEqual({
      id: progress.id,
      status: "done",
      dryRun: false,
      total: 200,
      processed: 200,
      created: 200,
      updated: 0,
      unchanged: 0,
      possibleDuplicates: list.counts.pending,
      errors: [],
    });
    expect(list.counts).toEqual({ automatic: 105, pending: 95 });
    expect(Date.now() - started).toBeLessThan(60_000);

    const lines = await linesOf(announcementId);
    expect(lines).toHaveLength(200);
    const byName = new Map(lines.map((line) => [line.nameAsPrinted, line]));
    const wrong: string[] = [];
    for (const expected of list.lines) {
      const line = byName.get(expected.name)!;
      const answer = expected.expect;
      const candidates = (line.candidates ?? []) as { personId: string; match: string }[];
      if (answer.method === "automatic") {
        if (line.linkMethod !== "automatic" || line.personId !== ids.get(answer.person) || line.matchKind !== (answer.by === "cedula" ? "cedula" : "exact")) {
          wrong.push(`${expected.name}: ${line.linkMethod} ${line.matchKind}, expected automatic by ${answer.by}`);
        }
        continue;
      }
      if (line.linkMethod !== "pending" || line.personId !== null) wrong.push(`${expected.name}: ${line.linkMethod}, expected pending`);
      if (answer.suggested && line.suggestedPersonId !== ids.get(answer.suggested)) wrong.push(`${expected.name}: suggested someone else`);
      if (answer.among) {
        const offered = candidates.map((candidate) => candidate.personId);
        for (const key of answer.among) if (!offered.includes(ids.get(key)!)) wrong.push(`${expected.name}: does not offer ${key}`);
        if (!answer.among.map((key) => ids.get(key)).includes(line.suggestedPersonId!)) wrong.push(`${expected.name}: suggests neither sibling`);
      }
      if (answer.nobody && candidates.length > 0) wrong.push(`${expected.name}: offers ${candidates.length} candidates for nobody`);
      if (candidates.length > 5) wrong.push(`${expected.name}: more than five candidates`);
      if (candidates.some((candidate) => candidate.personId === ids.get("deleted"))) wrong.push(`${expected.name}: offers a deleted person`);
    }
    expect(wrong).toEqual([]);
    // Positions follow the list; every line was written by this import.
    expect(lines.map((line) => line.position)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it("changes nothing when the same list is loaded again, as sent or re-encoded in Latin-1 and reordered", async () => {
    const before = await stateOf(announcementId);
    const again = await loadAndMatch(announcementId, utf8(listCsv(list.lines)));
    expect(again).toMatchObject({ status: "done", total: 200, processed: 200, created: 0, unchanged: 200, possibleDuplicates: 0 });
    const reordered = [...list.lines].reverse();
    const latin = await loadAndMatch(announcementId, latin1(listCsv(reordered)));
    expect(latin).toMatchObject({ status: "done", total: 200, created: 0, unchanged: 200, possibleDuplicates: 0 });
    expect(await stateOf(announcementId)).toEqual(before);
  });

  it("shows the public each line's state and person only for public persons, and never a cédula", async () => {
    const lines = await publicListLines(announcementId);
    expect(lines).toHaveLength(200);
    const byName = new Map(lines.map((line) => [line.nameAsPrinted, line]));
    const lineOf = (key: string) => byName.get(list.lines.find((line) => line.expect.method === "automatic" && line.expect.person === key)!.name)!;
    const personOf = (key: string) => list.people.find((person) => person.key === key)!;
    // exact-0 is public and verified; exact-1 initials, verified; exact-2 withheld, verified; exact-3 public, reported.
    expect(personOf("exact-0").disclosure).toBe("public");
    expect(lineOf("exact-0")).toMatchObject({ state: "verified", person: { id: ids.get("exact-0"), name: `${personOf("exact-0").givenNames} ${personOf("exact-0").surnames}` } });
    // An initials-only or withheld person's line reads like a line nobody matched: the printed full name next to
    // their status would name them (DESIGN.md rule 4). The tally still counts them.
    expect(lineOf("exact-1")).toMatchObject({ state: "unmatched", person: null });
    expect(lineOf("exact-2")).toMatchObject({ state: "unmatched", person: null });
    expect(lineOf("exact-3")).toMatchObject({ state: "unverified", person: { id: ids.get("exact-3") } });
    expect(lines.filter((line) => line.state === "pending")).toHaveLength(95);

    const response = await publicListRoute(new Request(`http://localhost/api/v1/announcements/${announcementId}/names?limit=150`), ctx({ id: announcementId }));
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page).toMatchObject({ announcementId, total: 200 });
    expect(page.lines).toHaveLength(150);
    const next = await (
      await publicListRoute(new Request(`http://localhost/api/v1/announcements/${announcementId}/names?cursor=${page.nextCursor}`), ctx({ id: announcementId }))
    ).json();
    expect(next.lines.map((line: { position: number }) => line.position)).toEqual(Array.from({ length: 50 }, (_, i) => 151 + i));
    expect(next.nextCursor).toBeNull();
    const text = JSON.stringify([page, next]);
    for (const person of list.people.filter((p) => p.cedula)) expect(text).not.toContain(person.cedula!.replace(/\D/g, "").slice(0, 6));
    for (const person of list.people.filter((p) => p.disclosure !== "public")) expect(text).not.toContain(ids.get(person.key));
  });

  it("shows moderators the queue with every candidate's full name and cédula", async () => {
    const response = await queueRoute(new Request(`http://localhost/api/v1/names/queue?announcementId=${announcementId}&limit=100`, { headers: auth("moderator") }), ctx());
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.pending).toBe(95);
    expect(page.items).toHaveLength(95);
    expect(page.nextCursor).toBeNull();
    const typo = list.lines.find((line) => line.expect.method === "pending" && line.expect.suggested === "typo-0")!;
    const item = page.items.find((entry: { nameAsPrinted: string }) => entry.nameAsPrinted === typo.name);
    const person = list.people.find((p) => p.key === "typo-0")!;
    expect(item.candidates[0]).toMatchObject({
      personId: ids.get("typo-0"),
      name: `${person.givenNames} ${person.surnames}`,
      cedula: person.cedula!.replace("-", ""),
      match: "close",
      sameCedula: false,
    });
    expect(item.split.surnames.split(" ")).toHaveLength(2);

    // Pages follow one another without gaps or repeats.
    const first = await (await queueRoute(new Request(`http://localhost/api/v1/names/queue?announcementId=${announcementId}&limit=40`, { headers: auth("moderator") }), ctx())).json();
    const second = await (
      await queueRoute(new Request(`http://localhost/api/v1/names/queue?announcementId=${announcementId}&limit=40&cursor=${first.nextCursor}`, { headers: auth("moderator") }), ctx())
    ).json();
    expect([...first.items, ...second.items].map((entry: { id: string }) => entry.id)).toEqual(page.items.slice(0, 80).map((entry: { id: string }) => entry.id));

    expect((await queueRoute(new Request("http://localhost/api/v1/names/queue", { headers: auth("volunteer") }), ctx())).status).toBe(403);
  });

  it("finds anyone on record for a moderator, withheld people too", async () => {
    const withheld = list.people.find((p) => p.disclosure === "withheld" && p.key.startsWith("exact"))!;
    const response = await candidatesRoute(
      new Request(`http://localhost/api/v1/names/candidates?q=${encodeURIComponent(`${withheld.givenNames} ${withheld.surnames}`)}`, { headers: auth("moderator") }),
      ctx(),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.results[0]).toMatchObject({ personId: ids.get(withheld.key), disclosure: "withheld", match: "exact" });
  });
});

describe("an import interrupted half-way", () => {
  it("resumes where it stopped and ends as an uninterrupted one", async () => {
    const whole = await announcement();
    await loadAndMatch(whole, utf8(listCsv(list.lines)));

    const interrupted = await announcement();
    const { importId } = await startNameListImport(moderator, interrupted, { bytes: utf8(listCsv(list.lines)), type: "csv" }, { enqueue: false });
    expect(await processNameListImport(importId, { batchSize: 30, maxBatches: 3 })).toBe("running");
    expect((await importById(moderator, importId))!.view).toMatchObject({ status: "running", processed: 90, created: 90 });
    expect(await db().announcedName.count({ where: { announcementId: interrupted } })).toBe(90);

    // Two workers take it up at once (a retry and a second process): one finishes, the other steps aside.
    const results = await Promise.allSettled([
      processNameListImport(importId, { batchSize: 30 }),
      processNameListImport(importId, { batchSize: 30 }),
    ]);
    expect(results.some((result) => result.status === "fulfilled" && result.value === "done")).toBe(true);
    for (const result of results) if (result.status === "rejected") expect((result.reason as Error).name).toBe("ImportTakenOver");
    expect((await importById(moderator, importId))!.view).toMatchObject({ status: "done", total: 200, processed: 200, created: 200, unchanged: 0, possibleDuplicates: 95 });
    expect(await stateOf(interrupted)).toEqual(await stateOf(whole));
    // Done is done: running it again changes nothing.
    expect(await processNameListImport(importId)).toBe("done");
  });
});

describe("decisions on the queue", () => {
  let announcementId = "";
  const pendingLine = async (key: string) => {
    const expected = list.lines.find((line) => line.expect.method === "pending" && line.expect.suggested === key)!;
    return (await db().announcedName.findFirstOrThrow({ where: { announcementId, nameAsPrinted: expected.name } })).id;
  };
  const decide = (lineId: string, body: unknown, role: keyof typeof tokens = "moderator") =>
    decisionRoute(
      new Request(`http://localhost/api/v1/names/${lineId}/decision`, {
        method: "POST",
        headers: { ...auth(role), "Content-Type": "application/json" },
        body: JSON.stringify(body),
      }),
      ctx({ id: lineId }),
    );

  beforeAll(async () => {
    announcementId = await announcement();
    await loadAndMatch(announcementId, utf8(listCsv(list.lines)));
  });

  it("confirms a line to a candidate, once: a second decision gets 409", async () => {
    const lineId = await pendingLine("typo-1");
    const response = await decide(lineId, { action: "confirm", personId: ids.get("typo-1") });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: lineId, linkMethod: "confirmed", person: { id: ids.get("typo-1") } });
    const line = await db().announcedName.findUniqueOrThrow({ where: { id: lineId } });
    expect(line).toMatchObject({ linkMethod: "confirmed", personId: ids.get("typo-1"), decidedById: moderator.userId });
    expect(line.decidedAt).toBeInstanceOf(Date);
    expect(await db().auditEvent.count({ where: { entityType: "AnnouncedName", entityId: lineId, action: "names.confirm" } })).toBe(1);

    const again = await decide(lineId, { action: "reject" });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: "conflict", details: { current: "confirmed" } });
  });

  it("lets only one of two concurrent decisions through", async () => {
    const lineId = await pendingLine("typo-2");
    const [a, b] = await Promise.all([
      decideName(moderator, lineId, { action: "confirm", personId: ids.get("typo-2")! }).then(() => 200, (error) => error.status),
      decideName(otherModerator, lineId, { action: "reject" }).then(() => 200, (error) => error.status),
    ]);
    expect([a, b].sort()).toEqual([200, 409]);
    expect(await db().auditEvent.count({ where: { entityType: "AnnouncedName", entityId: lineId } })).toBe(1);
  });

  it("rejects a line (announced, not seen), and undoes it back to the queue", async () => {
    const lineId = await pendingLine("typo-3");
    expect((await decide(lineId, { action: "reject" })).status).toBe(200);
    expect(await db().announcedName.findUniqueOrThrow({ where: { id: lineId } })).toMatchObject({ linkMethod: "rejected", personId: null });
    expect((await decide(lineId, { action: "undo", expected: "confirmed" })).status).toBe(409);
    const undone = await decide(lineId, { action: "undo", expected: "rejected" });
    expect(undone.status).toBe(200);
    expect(await db().announcedName.findUniqueOrThrow({ where: { id: lineId } })).toMatchObject({ linkMethod: "pending", personId: null, decidedById: moderator.userId });
  });

  it("creates a new person from the printed name and links it; undo keeps the person and offers it first", async () => {
    const stranger = list.lines.find((line) => line.expect.method === "pending" && line.expect.nobody)!;
    const line = await db().announcedName.findFirstOrThrow({ where: { announcementId, nameAsPrinted: stranger.name } });
    const response = await decide(line.id, { action: "create" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.linkMethod).toBe("created");
    const person = await db().person.findUniqueOrThrow({ where: { id: body.person.id } });
    // Printed "SURNAME SURNAME GIVEN GIVEN": two surnames first, written as names are written.
    const words = stranger.name.split(" ");
    expect(person.surnames.toLocaleUpperCase("es")).toBe(words.slice(0, 2).join(" "));
    expect(person.givenNames.toLocaleUpperCase("es")).toBe(words.slice(2).join(" "));
    expect(person.disclosure).toBe("initials");
    expect(await db().auditEvent.count({ where: { entityType: "Person", entityId: person.id, action: "person.create" } })).toBe(1);

    const undone = await (await decide(line.id, { action: "undo", expected: "created" })).json();
    expect(undone).toMatchObject({ linkMethod: "pending", person: null });
    expect(await db().announcedName.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ suggestedPersonId: person.id });
    expect(await db().person.count({ where: { id: person.id } })).toBe(1);
  });

  it("creates with the names and cédula the moderator gives, and refuses a cédula someone already has", async () => {
    const strangers = list.lines.filter((line) => line.expect.method === "pending" && line.expect.nobody);
    const first = await db().announcedName.findFirstOrThrow({ where: { announcementId, nameAsPrinted: strangers[1]!.name } });
    const taken = list.people.find((p) => p.cedula)!.cedula!;
    const refused = await decide(first.id, { action: "create", person: { givenNames: "Ana", surnames: "Prueba Cédula", cedula: taken } });
    expect(refused.status).toBe(409);
    expect(await db().announcedName.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ linkMethod: "pending", personId: null });
    const made = await (await decide(first.id, { action: "create", person: { givenNames: "Ana Julia", surnames: "Prueba Creada", disclosure: "public" } })).json();
    expect(await db().person.findUniqueOrThrow({ where: { id: made.person.id } })).toMatchObject({ givenNames: "Ana Julia", surnames: "Prueba Creada", disclosure: "public" });
  });

  it("undoes an automatic link, and confirms to someone found by search (a merged record leads to its survivor)", async () => {
    const automatic = list.lines.find((line) => line.expect.method === "automatic" && line.expect.person === "exact-10")!;
    const line = await db().announcedName.findFirstOrThrow({ where: { announcementId, nameAsPrinted: automatic.name } });
    expect((await decide(line.id, { action: "undo", expected: "automatic" })).status).toBe(200);
    const organizationId = moderator.organizationId;
    const survivor = await makePerson(organizationId, { givenNames: "Superviviente", surnames: "De Prueba" });
    const merged = await makePerson(organizationId, { givenNames: "Fusionada", surnames: "De Prueba", mergedIntoId: survivor.id });
    const confirmed = await (await decide(line.id, { action: "confirm", personId: merged.id })).json();
    expect(confirmed).toMatchObject({ linkMethod: "confirmed", person: { id: survivor.id } });
  });

  it("refuses a deleted person, an unknown line, a volunteer, and a body that is not a decision", async () => {
    const lineId = await pendingLine("typo-4");
    expect((await decide(lineId, { action: "confirm", personId: ids.get("deleted") })).status).toBe(422);
    expect((await decide("0193f0c2-0000-7000-8000-000000000099", { action: "reject" })).status).toBe(404);
    expect((await decide(lineId, { action: "reject" }, "volunteer")).status).toBe(403);
    expect((await decide(lineId, { action: "maybe" })).status).toBe(400);
    expect((await decide(lineId, { action: "confirm" })).status).toBe(400);
    expect((await decide(lineId, { action: "reject", expected: "automatic" })).status).toBe(400);
    expect(await db().announcedName.findUniqueOrThrow({ where: { id: lineId } })).toMatchObject({ linkMethod: "pending", decidedById: null });
  });
});

describe("loading through the API", () => {
  let announcementId = "";
  beforeAll(async () => {
    announcementId = await announcement();
  });

  const load = (body: BodyInit, type: string, role: keyof typeof tokens = "moderator", id = announcementId) =>
    loadRoute(
      new Request(`http://localhost/api/v1/announcements/${id}/names`, {
        method: "POST",
        headers: { ...auth(role), "Content-Type": type, "X-File-Name": encodeURIComponent("lista oficial ñ.csv") },
        body,
      }),
      ctx({ id }),
    );
  const imports = () => db().import.count({ where: { announcementId } });
  const progress = async (importId: string) => (await importRoute(new Request(`http://localhost/api/v1/imports/${importId}`, { headers: auth("moderator") }), ctx({ id: importId }))).json();

  it.each([
    ["an empty list", new Uint8Array(), "text/plain", 422],
    ["only a header", utf8("name,cedula\r\n"), "text/csv", 422],
    ["a binary file", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), "text/csv", 422],
    ["a CSV without a name column", utf8("id,edad\n1,30\n"), "text/csv", 422],
    ["JSON", utf8('{"names":["José"]}'), "application/json", 415],
  ])("refuses %s and writes nothing", async (_, bytes, type, status) => {
    const before = await imports();
    const response = await load(bytes, type);
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(status === 415 ? "unsupported_media_type" : "unprocessable");
    expect(await imports()).toBe(before);
  });

  it("refuses a list over the size limit with 413, and writes nothing", async () => {
    const before = await imports();
    const big = new Uint8Array(NAME_LIST_MAX_BYTES + 1).fill(0x41);
    const response = await load(big, "text/plain");
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
    expect(await imports()).toBe(before);
  });

  it("is for moderators: a volunteer gets 403; an unknown announcement 404", async () => {
    expect((await load(utf8("José Peña\n"), "text/plain", "volunteer")).status).toBe(403);
    expect((await load(utf8("José Peña\n"), "text/plain", "moderator", "0193f0c2-0000-7000-8000-000000000099")).status).toBe(404);
  });

  it.each([
    ["Latin-1 text", latin1("José Peña\r\nÁngel Núñez Ibáñez\r\n"), "text/plain"],
    ["UTF-8 with a BOM, CSV", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("name;cedula\r\nJosé Peña;\r\nÁngel Núñez Ibáñez;\r\n")]), "text/csv"],
  ])("reads %s: 202, and its progress", async (_, bytes, type) => {
    const response = await load(bytes, type);
    expect(response.status).toBe(202);
    const { importId } = await response.json();
    expect(await progress(importId)).toMatchObject({ id: importId, status: "queued", total: 2, processed: 0, dryRun: false });
    await processNameListImport(importId);
    expect(await progress(importId)).toMatchObject({ status: "done", total: 2, processed: 2 });
    const stored = await db().announcedName.findMany({ where: { announcementId }, select: { nameAsPrinted: true } });
    expect(stored.map((line) => line.nameAsPrinted).sort()).toEqual(["José Peña", "Ángel Núñez Ibáñez"].sort());
    expect((await db().import.findUniqueOrThrow({ where: { id: importId } })).fileName).toBe("lista oficial ñ.csv");
  });

  it("reports lines it skipped, and a volunteer cannot read progress", async () => {
    const response = await load(utf8(`name,cedula,edad\nRosa Prueba Saltada,,40\n${"B".repeat(401)},,\n`), "text/csv");
    const { importId } = await response.json();
    await processNameListImport(importId);
    const view = await progress(importId);
    expect(view).toMatchObject({ status: "done", total: 2, processed: 2, created: 1 });
    expect(view.errors).toEqual([
      { row: 1, column: "edad", message: "Unknown column, ignored." },
      { row: 3, column: "name", message: expect.stringContaining("400") },
    ]);
    expect((await importRoute(new Request(`http://localhost/api/v1/imports/${importId}`, { headers: auth("volunteer") }), ctx({ id: importId }))).status).toBe(403);
  });
});
