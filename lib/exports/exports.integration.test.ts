import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as internalExport } from "../../app/api/v1/exports/internal/route.ts";
import { GET as publicExport } from "../../app/api/v1/releases/export/route.ts";
import { systemActor } from "../auth/actor.ts";
import { createApiToken } from "../auth/mutations.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { suggestedMapping } from "../imports/columns.ts";
import { validateRow } from "../imports/rows.ts";
import { makePerson, makeRelease, uniqueWord } from "../persons/test-fixtures.ts";
import { makeActor } from "../testing/actors.ts";
import { pfifDomain } from "./pfif.ts";
import { INTERNAL_COLUMNS, PUBLIC_CSV_COLUMNS, publicExportJsonSchema } from "./schema.ts";
import { checkPfif } from "./test-pfif.ts";

// A request without credentials asks next-auth for the session cookie, which needs
// Next.js's request scope; here no one is signed in.
vi.mock("../auth/session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../auth/session.ts")>()),
  getViewer: async () => null,
}));

const word = uniqueWord("zx");
const verified = (releasedOn: string, conditions: "full" | "conditional" = "conditional") => ({
  history: [{ status: "verified" as const, at: new Date("2026-01-12T15:16:17.456Z") }],
  releasedOn: new Date(`${releasedOn}T00:00:00Z`),
  conditions,
});

const ids = { orgA: "", orgB: "", formula: "", initials: "", withheld: "", reported: "", twice: "", deleted: "", other: "" };
const tokens = { volunteer: "", moderator: "", admin: "" };
let moderatorId = "";
let orgAName = "";

beforeAll(async () => {
  // An organization whose name a spreadsheet would take for a formula.
  orgAName = `=HYPERLINK("http://evil.example") ${word}`;
  const orgA = await db().organization.create({ data: { name: orgAName, slug: uniqueWord("orga") } });
  const orgB = await db().organization.create({ data: { name: `Otra ${word}`, slug: uniqueWord("orgb") } });
  ids.orgA = orgA.id;
  ids.orgB = orgB.id;

  const formula = await makePerson(orgA.id, { givenNames: `=Ana ${word}`, surnames: "+Rojas -Mora", cedula: "V-31.000.001", notes: `Nota privada ${word}` });
  await makeRelease(orgA.id, formula.id, verified("2026-01-08"));
  const initials = await makePerson(orgA.id, { givenNames: `José ${word}`, surnames: "Pérez <&> Rodríguez", disclosure: "initials" });
  const monthOnly = await makeRelease(orgA.id, initials.id, verified("2026-01-01", "full"));
  await db().release.update({ where: { id: monthOnly.id }, data: { releasedPrecision: "month" } });
  const withheld = await makePerson(orgA.id, { givenNames: `Reservada ${word}`, surnames: "Secreta", disclosure: "withheld", cedula: "V-31.000.003" });
  await makeRelease(orgA.id, withheld.id, verified("2026-01-09"));
  const reported = await makePerson(orgA.id, { givenNames: `Reportada ${word}`, surnames: "Sola" });
  await makeRelease(orgA.id, reported.id, { history: [{ status: "reported", at: new Date() }], releasedOn: new Date("2026-01-10T00:00:00Z") });
  const twice = await makePerson(orgA.id, { givenNames: `Dos ${word}`, surnames: "Veces" });
  await makeRelease(orgA.id, twice.id, verified("2025-12-20"));
  await makeRelease(orgA.id, twice.id, verified("2026-01-05"));
  await makeRelease(orgA.id, twice.id, { history: [{ status: "rejected", at: new Date() }] });
  const deleted = await makePerson(orgA.id, { givenNames: `Borrada ${word}`, surnames: "Ya", deleted: true });
  await makeRelease(orgA.id, deleted.id, verified("2026-01-07"));
  const other = await makePerson(orgB.id, { givenNames: `Ajena ${word}`, surnames: "Otra" });
  await makeRelease(orgB.id, other.id, verified("2026-01-06"));
  Object.assign(ids, {
    formula: formula.id,
    initials: initials.id,
    withheld: withheld.id,
    reported: reported.id,
    twice: twice.id,
    deleted: deleted.id,
    other: other.id,
  });
  await db().person.update({ where: { id: withheld.id }, data: { externalRef: `EXT-${word}`, sex: "female", birthYear: 1980, homeState: "Lara" } });

  const cli = systemActor("cli");
  for (const role of ["volunteer", "moderator", "admin"] as const) {
    const actor = await makeActor(role, orgA.id);
    tokens[role] = (await createApiToken(cli, actor.userId, { name: `exports ${role}` })).token;
    if (role === "moderator") moderatorId = actor.userId;
  }
});

afterAll(() => vi.restoreAllMocks());

const context = { params: Promise.resolve({}) };
const getPublic = (format: string) => publicExport(new Request(`http://localhost/api/v1/releases/export?format=${format}`), context);
const getInternal = (query: Record<string, string>, role: keyof typeof tokens | null) =>
  internalExport(
    new Request(`http://localhost/api/v1/exports/internal?${new URLSearchParams(query)}`, {
      headers: role ? { Authorization: `Bearer ${tokens[role]}` } : {},
    }),
    context,
  );
/** As a spreadsheet reads a CSV: BOM dropped, every cell text. */
const readCsv = (text: string) => parse(text, { bom: true }) as string[][];
const ours = (text: string) => text.includes(word);

describe("GET /api/v1/releases/export", () => {
  it("CSV: verified releases with public fields only, no live formula, withheld never", async () => {
    const response = await getPublic("csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="constancia-excarcelaciones-verificadas-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 with its byte-order mark (Response.text() would hide it), so that Excel reads accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual([...PUBLIC_CSV_COLUMNS]);
    // Opened as a spreadsheet would: no cell anywhere in the file starts a formula.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const mine = rows.filter((row) => row.some(ours));
    const byPerson = (id: string) => mine.filter((row) => row[0] === id);
    expect(byPerson(ids.formula).map((row) => row[1])).toEqual([`'=Ana ${word} +Rojas -Mora`]);
    expect(byPerson(ids.formula)[0]![8]).toBe(`'${orgAName}`);
    expect(byPerson(ids.initials).map((row) => [row[1], row[2], row[5], row[6]])).toEqual([["J. Z. P. R.", "initials", "2026-01", "full"]]);
    expect(byPerson(ids.twice)).toHaveLength(2);
    expect(byPerson(ids.other)).toHaveLength(1);
    for (const id of [ids.withheld, ids.reported, ids.deleted]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/Reservada|Secreta|31000001|31\.000\.001|Nota privada|Test facility/);
  });

  it("JSON: one array that parses with the published schema", async () => {
    const response = await getPublic("json");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const rows = publicExportJsonSchema.parse(await response.json());
    const mine = rows.filter((row) => [ids.formula, ids.initials, ids.twice, ids.other, ids.withheld].includes(row.personId));
    expect(mine).toHaveLength(5);
    expect(mine.find((row) => row.personId === ids.initials)).toMatchObject({
      name: "J. Z. P. R.",
      disclosure: "initials",
      releasedMonth: "2026-01",
      status: "release_verified",
      verifiedOn: "2026-01-12",
    });
    expect(rows.some((row) => row.personId === ids.withheld)).toBe(false);
  });

  it("PFIF: valid against the 1.4 schema rules, notes by organizations, initials as disclosed", async () => {
    const response = await getPublic("pfif");
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/filename="constancia-pfif-\d{4}-\d{2}-\d{2}\.xml"/);
    const xml = await response.text();
    const domain = pfifDomain(env.publicUrl());
    const { persons, problems } = checkPfif(xml, { domain });
    expect(problems).toEqual([]);

    const find = (id: string) => persons.find((p) => p.fields.person_record_id === `${domain}/person.${id}`);
    const initials = find(ids.initials)!;
    expect(initials.fields).toMatchObject({ full_name: "J. Z. P. R.", given_name: "J. Z.", family_name: "P. R." });
    expect(initials.fields.source_name).toContain("Constancia");
    // Dates formatted by the query: UTC, whole seconds, the same instants as the records'.
    const record = await db().person.findUniqueOrThrow({ where: { id: ids.initials }, select: { createdAt: true, updatedAt: true } });
    const utc = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
    expect(initials.fields.entry_date).toBe(utc(record.createdAt));
    // The person changed after the release was verified (12 January): source_date is that change.
    expect(initials.fields.source_date).toBe(utc(record.updatedAt));
    expect(initials.notes).toHaveLength(1);
    expect(initials.notes[0]!.fields).toMatchObject({ author_name: orgAName, source_date: "2026-01-12T15:16:17Z", status: "believed_alive" });

    expect(find(ids.formula)!.fields.full_name).toBe(`=Ana ${word} +Rojas -Mora`);
    expect(find(ids.twice)!.notes).toHaveLength(2);
    expect(find(ids.other)!.notes[0]!.fields.author_name).toBe(`Otra ${word}`);
    for (const id of [ids.withheld, ids.reported, ids.deleted]) expect(find(id)).toBeUndefined();
    expect(xml).not.toMatch(/Reservada|Secreta|Nota privada|Test facility/);
  });

  it("answers an unknown or missing format with a 400 in the API.md shape", async () => {
    for (const format of ["xml", ""]) {
      const response = await getPublic(format);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_input", message: expect.stringMatching(/format/) } });
    }
  });
});

describe("GET /api/v1/exports/internal", () => {
  it("is refused to the public (401) and to volunteers (403)", async () => {
    expect((await getInternal({ format: "csv" }, null)).status).toBe(401);
    const volunteer = await getInternal({ format: "csv" }, "volunteer");
    expect(volunteer.status).toBe(403);
    expect(await volunteer.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("a moderator exports only their own organization; an admin may name another", async () => {
    expect((await getInternal({ format: "csv", organizationId: ids.orgB }, "moderator")).status).toBe(403);
    const admin = await getInternal({ format: "csv", organizationId: ids.orgB }, "admin");
    expect(admin.status).toBe(200);
    const rows = readCsv(await admin.text()).slice(1);
    expect(rows.map((row) => row[INTERNAL_COLUMNS.indexOf("person_id")])).toEqual([ids.other]);
    expect((await getInternal({ format: "pdf" }, "moderator")).status).toBe(400);
  });

  it("CSV: every record of the organization, private fields included, audited, and loads back through the import", async () => {
    const before = await db().auditEvent.count({ where: { action: "export.internal", entityId: ids.orgA } });
    const response = await getInternal({ format: "csv" }, "moderator");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/filename="constancia-expedientes-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = readCsv(await response.text());
    expect(header).toEqual([...INTERNAL_COLUMNS]);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const column = (row: string[], name: (typeof INTERNAL_COLUMNS)[number]) => row[INTERNAL_COLUMNS.indexOf(name)];
    const persons = rows.map((row) => column(row, "person_id"));
    // Every live person of organization A (the withheld one too), one line per release; nothing else.
    expect(new Set(persons)).toEqual(new Set([ids.formula, ids.initials, ids.withheld, ids.reported, ids.twice]));
    expect(persons.filter((id) => id === ids.twice)).toHaveLength(3);
    const withheld = rows.find((row) => column(row, "person_id") === ids.withheld)!;
    expect(column(withheld, "cedula")).toBe("V31000003");
    expect(column(withheld, "external_id")).toBe(`EXT-${word}`);
    expect(column(withheld, "disclosure")).toBe("withheld");
    expect(column(withheld, "release_status")).toBe("verified");
    expect(rows.find((row) => column(row, "person_id") === ids.formula)!.slice(0, 14)).toContain(`Nota privada ${word}`);
    expect(column(rows.find((row) => column(row, "person_id") === ids.initials)!, "released_on")).toBe("2026-01");
    expect(rows.filter((row) => column(row, "person_id") === ids.twice).map((row) => column(row, "release_status")).sort()).toEqual([
      "rejected",
      "verified",
      "verified",
    ]);

    // The import reads the columns by their own names, and the exported values as valid.
    const mapping = suggestedMapping(header!);
    for (const name of INTERNAL_COLUMNS.slice(0, 14)) expect(mapping[name]).toBe(name);
    const clean = rows.find((row) => column(row, "person_id") === ids.withheld)!;
    expect(validateRow({ row: 2, cells: clean }, header!, mapping).problems).toEqual([]);

    const events = await db().auditEvent.findMany({ where: { action: "export.internal", entityId: ids.orgA }, orderBy: { id: "desc" } });
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ actorId: moderatorId, entityType: "Organization", after: { format: "csv", persons: 5, releases: 7 } });
  });

  it("XLSX: a workbook exceljs opens, with the same columns and lines, audited", async () => {
    const response = await getInternal({ format: "xlsx" }, "moderator");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...INTERNAL_COLUMNS]);
    expect(sheet.actualRowCount).toBe(1 + 7);
    const formulaRow = Array.from({ length: 7 }, (_, i) => values(i + 2)).find((row) => row[INTERNAL_COLUMNS.indexOf("person_id")] === ids.formula)!;
    // Text stays text: a cell starting with "=" is not a formula.
    expect(formulaRow[INTERNAL_COLUMNS.indexOf("given_names")]).toBe(`=Ana ${word}`);
    const last = await db().auditEvent.findFirst({ where: { action: "export.internal", entityId: ids.orgA }, orderBy: { id: "desc" } });
    expect(last?.after).toMatchObject({ format: "xlsx" });
  });
});
