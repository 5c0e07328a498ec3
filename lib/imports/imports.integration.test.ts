import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as importRoute } from "../../app/api/v1/imports/[id]/route.ts";
import { POST as rerunRoute } from "../../app/api/v1/imports/[id]/rerun/route.ts";
import { POST as createRoute } from "../../app/api/v1/imports/route.ts";
import { GET as duplicatesRoute } from "../../app/api/v1/duplicates/route.ts";
import { POST as dismissRoute } from "../../app/api/v1/duplicates/[id]/dismiss/route.ts";
import type { Actor } from "../auth/actor.ts";
import { createApiToken } from "../auth/mutations.ts";
import { verifyAuditChain } from "../audit/data.ts";
import { db } from "../db/client.ts";
import { useTemporaryDataDir } from "../evidence/test-setup.ts";
import { stopJobs } from "../jobs/boss.ts";
import { mergePersons } from "../persons/mutations.ts";
import { makeOrganization, makePerson, uniqueWord } from "../persons/test-fixtures.ts";
import { makeActor } from "../testing/actors.ts";
import { importById } from "./data.ts";
import { rerunPeopleImport, startPeopleImport } from "./mutations.ts";
import { processPeopleImport } from "./process.ts";
import { zipBomb } from "./test-fixtures.ts";

// A request without credentials would ask next-auth for the session; here no one is signed in.
vi.mock("../auth/session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../auth/session.ts")>()),
  getViewer: async () => null,
}));

type UserActor = Actor & { kind: "user"; userId: string; organizationId: string };
let moderator: UserActor;
let otherOrgModerator: UserActor;
let organizationId: string;
const tokens = { moderator: "", volunteer: "", other: "" };
let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const auth = (role: keyof typeof tokens): Record<string, string> => ({ Authorization: `Bearer ${tokens[role]}` });
const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = "external_id,given_names,surnames,cedula,sex,nationality,birth_year,arrested_on,released_on,release_conditions,disclosure,notes";
let cedulaSeed = 31_000_000 + Math.floor(Math.random() * 8_000_000);
const freshCedula = () => `V-${cedulaSeed++}`;

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
  organizationId = (await makeOrganization()).id;
  moderator = (await makeActor("moderator", organizationId, "imports-mod")) as UserActor;
  const volunteer = await makeActor("volunteer", organizationId, "imports-vol");
  otherOrgModerator = (await makeActor("moderator", (await makeOrganization()).id, "imports-other")) as UserActor;
  tokens.moderator = (await createApiToken(moderator, moderator.userId, { name: "imports" })).token;
  tokens.volunteer = (await createApiToken(volunteer, volunteer.userId, { name: "imports" })).token;
  tokens.other = (await createApiToken(otherOrgModerator, otherOrgModerator.userId, { name: "imports" })).token;
});

afterAll(async () => {
  await stopJobs();
  await dataDir.restore();
});

function post(body: BodyInit, options: { role?: keyof typeof tokens | null; type?: string; query?: string } = {}) {
  const role = options.role === undefined ? "moderator" : options.role;
  return createRoute(
    new Request(`http://localhost/api/v1/imports${options.query ?? ""}`, {
      method: "POST",
      headers: { ...(role ? auth(role) : {}), "Content-Type": options.type ?? "text/csv", "X-File-Name": encodeURIComponent("lista ñ.csv") },
      body,
    }),
    ctx(),
  );
}

async function progress(importId: string, role: keyof typeof tokens = "moderator") {
  return importRoute(new Request(`http://localhost/api/v1/imports/${importId}`, { headers: auth(role) }), ctx({ id: importId }));
}

/** Loads a file as the moderator and runs its job to the end. */
async function load(csv: string | Uint8Array, options: { dryRun?: boolean; actor?: UserActor; batchSize?: number } = {}) {
  const bytes = typeof csv === "string" ? utf8(csv) : csv;
  const { importId } = await startPeopleImport(options.actor ?? moderator, { bytes, fileName: "lista.csv" }, { dryRun: options.dryRun ?? false }, { enqueue: false });
  await processPeopleImport(importId, { batchSize: options.batchSize });
  const found = await importById(options.actor ?? moderator, importId);
  return { importId, view: found!.view };
}

const personsOf = (prefix: string, orgId = organizationId) =>
  db().person.findMany({ where: { organizationId: orgId, externalRef: { startsWith: prefix } }, orderBy: { externalRef: "asc" } });

function sheet(prefix: string, surname: string, count: number, cedulas: string[]): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const released = i % 3 === 0 ? "" : i % 3 === 1 ? "12/01/2026" : "2026-01";
    return [`${prefix}-${i}`, `Nombre${i}`, `${surname} Prueba`, cedulas[i] ?? "", i % 2 ? "F" : "M", "VE", "1980", "", released, i % 2 ? "condicional" : "", "iniciales", ""].join(",");
  });
  return `${HEADER}\n${rows.join("\n")}\n`;
}

describe("importing a spreadsheet (API.md POST /api/v1/imports)", () => {
  it("a dry run says what would happen and writes no record; the real run writes it; the same file again changes nothing", async () => {
    const prefix = uniqueWord("FP");
    const cedulas = Array.from({ length: 12 }, freshCedula);
    const csv = sheet(prefix, uniqueWord("Dryrun"), 12, cedulas);

    const response = await post(csv, { query: "?dryRun=true" });
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: string };
    await processPeopleImport(importId);
    const dry = (await (await progress(importId)).json()) as Record<string, unknown>;
    expect(dry).toMatchObject({ status: "done", dryRun: true, total: 12, processed: 12, created: 12, updated: 0, unchanged: 0, possibleDuplicates: 0, errors: [] });
    expect(await personsOf(prefix)).toHaveLength(0);

    // The real run, from the dry run's stored file: no second upload.
    const rerun = await rerunRoute(
      new Request(`http://localhost/api/v1/imports/${importId}/rerun`, { method: "POST", headers: { ...auth("moderator"), "Content-Type": "application/json" }, body: JSON.stringify({ dryRun: false }) }),
      ctx({ id: importId }),
    );
    expect(rerun.status).toBe(202);
    const real = ((await rerun.json()) as { importId: string }).importId;
    await processPeopleImport(real);
    expect((await importById(moderator, real))!.view).toMatchObject({ status: "done", dryRun: false, created: 12, updated: 0, unchanged: 0 });

    const persons = await personsOf(prefix);
    expect(persons).toHaveLength(12);
    const releases = await db().release.findMany({ where: { importId: real }, include: { evidence: true, statusChanges: true } });
    // Rows 1, 2, 4, 5, … have a release date (every third row has none).
    expect(releases).toHaveLength(8);
    for (const release of releases) {
      expect(release.status).toBe("reported");
      expect(release.reportedById).toBe(moderator.userId);
      expect(release.evidence).toMatchObject([{ kind: "ngo_list", importId: real, isPublic: false }]);
      expect(release.statusChanges).toMatchObject([{ fromStatus: null, toStatus: "reported" }]);
    }
    expect(releases.filter((r) => r.releasedPrecision === "month")).toHaveLength(4);
    const events = await db().auditEvent.count({ where: { action: { in: ["person.create", "release.create"] }, entityId: { in: [...persons.map((p) => p.id), ...releases.map((r) => r.id)] } } });
    expect(events).toBe(12 + 8);
    // The events written in bulk are chained like any others.
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    // The same file again: nothing new, every row unchanged.
    const again = await load(csv);
    expect(again.view).toMatchObject({ created: 0, updated: 0, unchanged: 12, possibleDuplicates: 0 });
    expect(await personsOf(prefix)).toHaveLength(12);
    expect(await db().release.count({ where: { person: { externalRef: { startsWith: prefix } } } })).toBe(8);
  });

  it("a changed row updates its record, with a new version and an audit event", async () => {
    const prefix = uniqueWord("CH");
    const surname = uniqueWord("Cambio");
    const first = `${HEADER}\n${prefix}-1,Ana,${surname} Díaz,,F,VE,,,2026-01-12,,public,\n${prefix}-2,Luis,${surname} Mora,,M,VE,,,,,,\n`;
    await load(first);
    const [ana] = await personsOf(prefix);
    expect(ana!.version).toBe(1);
    // Ana's notes and release date changed; Luis is the same (a blank cell never clears).
    const second = `${HEADER}\n${prefix}-1,Ana,${surname} Díaz,,F,VE,1990,,13/01/2026,,public,Liberada en la noche\n${prefix}-2,Luis,${surname} Mora,,,,,,,,,\n`;
    const { view, importId } = await load(second);
    expect(view).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const updated = await db().person.findUniqueOrThrow({ where: { id: ana!.id }, include: { releases: true } });
    expect(updated).toMatchObject({ version: 2, birthYear: 1990, notes: "Liberada en la noche" });
    expect(updated.releases).toHaveLength(1);
    expect(updated.releases[0]!.releasedOn!.toISOString().slice(0, 10)).toBe("2026-01-13");
    expect(updated.releases[0]!.version).toBe(2);
    const audit = await db().auditEvent.findMany({ where: { entityId: { in: [ana!.id, updated.releases[0]!.id] }, action: { in: ["person.update", "release.update"] } } });
    expect(audit.map((event) => event.action).sort()).toEqual(["person.update", "release.update"]);
    expect(audit.find((e) => e.action === "person.update")!.after).toMatchObject({ birthYear: 1990, importId });
  });

  it("an import stopped in the middle resumes to the same final state as one run straight through", async () => {
    const otherOrg = (await makeOrganization()).id;
    const straightActor = (await makeActor("moderator", otherOrg, "imports-straight")) as UserActor;
    const surname = uniqueWord("Resume");
    const prefix = uniqueWord("RS");
    const csv = `${HEADER}\n${Array.from({ length: 45 }, (_, i) => `${prefix}-${i},Nombre${i},${surname},,M,VE,,,${i % 2 ? "2026-01-10" : ""},,,`).join("\n")}\n${prefix}-3,Repetido,${surname} Dos,,,,,,,,,\n`;

    const { importId } = await startPeopleImport(moderator, { bytes: utf8(csv), fileName: "a.csv" }, { dryRun: false }, { enqueue: false });
    expect(await processPeopleImport(importId, { batchSize: 10, maxBatches: 2 })).toBe("running");
    expect((await importById(moderator, importId))!.view).toMatchObject({ status: "running", processed: 20 });
    // Two workers pick it up again at once: one goes on, the other finds it moved on.
    const results = await Promise.allSettled([processPeopleImport(importId, { batchSize: 10 }), processPeopleImport(importId, { batchSize: 10 })]);
    expect(results.some((r) => r.status === "fulfilled" && r.value === "done")).toBe(true);
    await processPeopleImport(importId, { batchSize: 10 }).catch(() => undefined);

    const straight = await load(csv, { actor: straightActor, batchSize: 500 });
    const resumed = (await importById(moderator, importId))!.view;
    const pick = (view: typeof resumed) => ({ ...view, id: undefined });
    expect(pick(resumed)).toEqual(pick(straight.view));
    expect(resumed).toMatchObject({ status: "done", processed: 46, created: 45, errors: [expect.objectContaining({ row: 47, column: "external_id" })] });
    const shape = async (orgId: string) =>
      (await personsOf(prefix, orgId)).map((p) => [p.externalRef, p.givenNames, p.surnames, p.version]);
    expect(await shape(organizationId)).toEqual(await shape(otherOrg));
    expect(await db().release.count({ where: { importId } })).toBe(await db().release.count({ where: { importId: straight.importId } }));
    const rowStatuses = async (id: string) =>
      (await db().importRow.findMany({ where: { importId: id }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, status: true } })).map((r) => `${r.rowNumber}:${r.status}`);
    expect(await rowStatuses(importId)).toEqual(await rowStatuses(straight.importId));
  });

  it("reads XLSX, a chosen sheet and a mapping of the organization's own headers, and remembers the mapping", async () => {
    const surname = uniqueWord("Hoja");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Notas").addRows([["nada"], ["que ver"]]);
    book.addWorksheet("Excarcelados").addRows([
      ["Nº", "Nombres", "Apellidos", "Excarcelación", "Color"],
      [`${surname}-1`, "Carmen", `${surname} Rojas`, new Date(Date.UTC(2026, 0, 9)), "azul"],
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const mapping = encodeURIComponent(JSON.stringify({ "Nº": "external_id", "Excarcelación": "released_on" }));
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const response = await post(bytes as BodyInit, { type: xlsx, query: `?dryRun=false&sheet=Excarcelados&mapping=${mapping}` });
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: string };
    await processPeopleImport(importId);
    const view = (await importById(moderator, importId))!.view;
    expect(view).toMatchObject({ created: 1, errors: [{ row: 1, column: "Color", message: "Unknown column: ignored." }] });
    const [carmen] = await personsOf(`${surname}-`);
    const release = await db().release.findFirstOrThrow({ where: { personId: carmen!.id } });
    expect(release.releasedOn!.toISOString().slice(0, 10)).toBe("2026-01-09");

    // The same layout again, without a mapping: the organization's remembered one is used.
    const again = await post(bytes as BodyInit, { type: xlsx, query: "?sheet=Excarcelados" });
    expect(again.status).toBe(202);
    const second = ((await again.json()) as { importId: string }).importId;
    await processPeopleImport(second);
    expect((await importById(moderator, second))!.view).toMatchObject({ created: 0, unchanged: 1 });
  });
});

describe("bad files and bad rows", () => {
  const refused = async (response: Response) => ({ status: response.status, body: (await response.json()) as { error: { code: string; details?: { reason?: string } } } });

  it("refuses whole files that cannot be an import, writing nothing", async () => {
    const before = await db().import.count({ where: { organizationId } });
    const cases: [BodyInit, string, number, string | undefined][] = [
      ["", "text/csv", 422, "empty"],
      [`${HEADER}\n`, "text/csv", 422, "only_header"],
      ["color,sabor\nazul,dulce\n", "text/csv", 422, "no_known_columns"],
      ["external_id,cedula\nX-1,V-1234567\n", "text/csv", 422, "missing_columns"],
      [new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)), "text/csv", 422, "binary"],
    ];
    for (const [body, type, status, reason] of cases) {
      const { status: got, body: answer } = await refused(await post(body, { type }));
      expect([got, answer.error.details?.reason]).toEqual([status, reason]);
    }
    // A zip bomb named .xlsx: 60 MB of zeros in a few KB.
    const bomb = await refused(await post(zipBomb() as BodyInit, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    expect([bomb.status, bomb.body.error.details?.reason]).toEqual([422, "zip_bomb"]);
    expect((await refused(await post("x", { type: "application/json" }))).status).toBe(415);
    expect((await refused(await post(`${HEADER}\n`, { query: "?mapping=%7Bnope" }))).status).toBe(400);
    expect((await refused(await post(`${HEADER}\n`, { query: "?dryRun=maybe" }))).status).toBe(400);
    expect((await refused(await post(`${HEADER}\n`, { query: "?unknown=1" }))).status).toBe(400);

    // Over the upload limit: 413, not a crash.
    const previous = process.env.CONSTANCIA_MAX_UPLOAD_BYTES;
    process.env.CONSTANCIA_MAX_UPLOAD_BYTES = "2048";
    try {
      const big = `${HEADER}\n${"X-1,Ana,Díaz,,,,,,,,,\n".repeat(200)}`;
      expect((await refused(await post(big))).status).toBe(413);
    } finally {
      if (previous === undefined) delete process.env.CONSTANCIA_MAX_UPLOAD_BYTES;
      else process.env.CONSTANCIA_MAX_UPLOAD_BYTES = previous;
    }
    expect(await db().import.count({ where: { organizationId } })).toBe(before);
  });

  it("reports bad rows with their row and column; the valid rows still load", async () => {
    const prefix = uniqueWord("BAD");
    const surname = uniqueWord("Malo");
    const long = "x".repeat(10_000);
    const csv = [
      "external_id;given_names;surnames;cedula;arrested_on;released_on",
      `${prefix}-1;Ana;${surname};;05/03/2025;12/01/2026`,
      `${prefix}-2;Luis;${surname};V-12A456;;`,
      `${prefix}-3;Eva;${surname};;31/02/2025;`,
      `${prefix}-1;Ana Repetida;${surname};;;`,
      `${prefix}-4;${long};${surname};;;`,
      `${prefix}-5;Juan;${surname};;;2026-02-30`,
      `${prefix}-6;Rosa;${surname};;;01/2026`,
    ].join("\n");
    const { view } = await load(csv);
    expect(view).toMatchObject({ status: "done", total: 7, processed: 7, created: 2 });
    expect(view.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "cedula"],
      [4, "arrested_on"],
      [5, "external_id"],
      [6, "given_names"],
      [7, "released_on"],
    ]);
    expect(view.errors[2]!.message).toContain("row 2");
    const persons = await personsOf(prefix);
    expect(persons.map((p) => p.externalRef)).toEqual([`${prefix}-1`, `${prefix}-6`]);
    expect(persons[0]!.givenNames).toBe("Ana");
    expect(await db().detention.count({ where: { personId: persons[0]!.id, arrestedOn: new Date("2025-03-05T00:00:00Z") } })).toBe(1);
  });
});

describe("possible duplicates go to the merge queue", () => {
  it("the same cédula or the same full name elsewhere: created, queued with the record that was there, never linked silently", async () => {
    const elsewhere = (await makeOrganization()).id;
    const surname = uniqueWord("Doble");
    const cedula = freshCedula();
    const holder = await makePerson(elsewhere, { givenNames: "Pedro", surnames: `${surname} Vargas`, cedula });
    const namesake = await makePerson(elsewhere, { givenNames: "María José", surnames: `${surname} Ruiz` });
    const prefix = uniqueWord("DU");
    const csv = `${HEADER}\n${prefix}-1,Pedro A.,${surname} Vargas,${cedula},,,,,2026-01-12,,,\n${prefix}-2,María José,${surname} Ruiz,,,,,,,,,\n${prefix}-3,Luis,${surname} Nuevo,,,,,,,,,\n`;

    const dry = await load(csv, { dryRun: true });
    expect(dry.view).toMatchObject({ created: 1, possibleDuplicates: 2 });
    expect(await personsOf(prefix)).toHaveLength(0);

    const { view, importId } = await load(csv);
    expect(view).toMatchObject({ created: 1, possibleDuplicates: 2 });
    const persons = await personsOf(prefix);
    expect(persons).toHaveLength(3);
    // The cédula is one person's: it waits in the queue entry.
    expect(persons[0]!.cedula).toBeNull();

    const queue = await duplicatesRoute(new Request(`http://localhost/api/v1/duplicates?importId=${importId}`, { headers: auth("moderator") }), ctx());
    expect(queue.status).toBe(200);
    const { entries, open } = (await queue.json()) as { entries: { id: string; reason: string; heldCedula: string | null; imported: { id: string }; existing: { id: string } }[]; open: number };
    expect(open).toBe(2);
    expect(entries.map((e) => [e.reason, e.imported.id, e.existing.id, e.heldCedula])).toEqual([
      ["cedula", persons[0]!.id, holder.id, cedula.replace(/[-.]/g, "")],
      ["name", persons[1]!.id, namesake.id, null],
    ]);

    // Loading the file again queues nothing twice.
    expect((await load(csv)).view).toMatchObject({ created: 0, unchanged: 3, possibleDuplicates: 0 });
    expect(await db().duplicateCandidate.count({ where: { personId: { in: persons.map((p) => p.id) } } })).toBe(2);

    // Merging settles the entry and the survivor keeps the cédula; the file again is still unchanged.
    const [survivor, merged] = [await db().person.findUniqueOrThrow({ where: { id: holder.id } }), persons[0]!];
    await mergePersons(moderator, { survivorId: survivor.id, mergedId: merged.id, survivorVersion: survivor.version, mergedVersion: merged.version, takeFromMerged: [] });
    expect(await db().duplicateCandidate.findFirstOrThrow({ where: { personId: merged.id } })).toMatchObject({ status: "merged", decidedById: moderator.userId });
    expect((await load(csv)).view).toMatchObject({ created: 0, unchanged: 3 });

    // "Different people": dismissed once, a second time is a 409; a volunteer may not.
    const nameEntry = entries[1]!;
    const dismiss = (role: keyof typeof tokens) =>
      dismissRoute(new Request(`http://localhost/api/v1/duplicates/${nameEntry.id}/dismiss`, { method: "POST", headers: auth(role) }), ctx({ id: nameEntry.id }));
    expect((await dismiss("volunteer")).status).toBe(403);
    expect((await dismiss("moderator")).status).toBe(200);
    expect((await dismiss("moderator")).status).toBe(409);
    const after = (await (await duplicatesRoute(new Request(`http://localhost/api/v1/duplicates?importId=${importId}`, { headers: auth("moderator") }), ctx())).json()) as { open: number };
    expect(after.open).toBe(0);
  });
});

describe("who may import", () => {
  it("volunteers and anonymous callers are refused; another organization's import is not found", async () => {
    const csv = `${HEADER}\nW-1,Ana,Díaz,,,,,,,,,\n`;
    expect((await post(csv, { role: "volunteer" })).status).toBe(403);
    expect((await post(csv, { role: null })).status).toBe(401);
    const { importId } = await load(`${HEADER}\n${uniqueWord("OWN")}-1,Ana,${uniqueWord("Propia")},,,,,,,,,\n`, { dryRun: true });
    expect((await progress(importId, "other")).status).toBe(404);
    expect((await progress(importId, "volunteer")).status).toBe(403);
    await expect(rerunPeopleImport(otherOrgModerator, importId, { dryRun: false }, { enqueue: false })).rejects.toMatchObject({ code: "not_found" });
  });
});
