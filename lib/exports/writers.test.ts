import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { internalCsvHead, internalCsvLines, publicCsvHead, publicCsvLines } from "./csv.ts";
import type { InternalExportPerson, PublicExportPerson } from "./data.ts";
import { pfifNoteText } from "./http.ts";
import { jsonHead, jsonItems, jsonTail } from "./json.ts";
import { pfifDomain, pfifHead, pfifPersons, pfifTail, xmlText } from "./pfif.ts";
import { internalRows, publicRows } from "./rows.ts";
import { INTERNAL_COLUMNS, PUBLIC_CSV_COLUMNS, publicExportJsonSchema } from "./schema.ts";
import { textStream } from "./stream.ts";
import { checkPfif } from "./test-pfif.ts";

/** The PFIF sample next to the repository (../shared/data), when it is there. */
// A copy of ../shared/data/pfif-1.4-sample.xml (PFIF's own test file), kept here so that CI, which has no ../shared, runs this test too.
const SAMPLE = path.resolve(import.meta.dirname, "pfif-1.4-sample.xml");
const URL_BASE = "https://constancia.example.org";
const options = { domain: pfifDomain(URL_BASE), publicUrl: URL_BASE, noteText: pfifNoteText };

function person(overrides: Partial<PublicExportPerson> & { name?: string } = {}): PublicExportPerson {
  const { name = "José Luis Pérez Rodríguez", ...rest } = overrides;
  return {
    person: { id: "0194f0aa-0000-7000-8000-000000000001", displayName: name, disclosure: "public" },
    givenName: "José Luis",
    familyName: "Pérez Rodríguez",
    createdAt: "2026-01-10T12:34:56Z",
    changedAt: "2026-01-12T15:16:17Z",
    organizationName: "Foro de Prueba",
    releases: [
      {
        id: "0194f0aa-0000-7000-8000-0000000000a1",
        releasedMonth: "2026-01",
        conditions: "conditional",
        verifiedAt: "2026-01-12T15:16:17Z",
        organizationName: "Foro de Prueba",
      },
    ],
    ...rest,
  };
}

/** As a spreadsheet reads a CSV: BOM dropped, every cell as text. */
const readCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false }) as string[][];

describe("public CSV", () => {
  it("starts with a BOM and the header, ends lines with CRLF", () => {
    const text = publicCsvHead() + publicCsvLines(publicRows([person()], URL_BASE));
    expect(text.startsWith("\uFEFFperson_id,name,")).toBe(true);
    expect(text.split("\r\n").length).toBe(3);
    const [header, row] = readCsv(text);
    expect(header).toEqual([...PUBLIC_CSV_COLUMNS]);
    expect(row).toEqual([
      "0194f0aa-0000-7000-8000-000000000001",
      "José Luis Pérez Rodríguez",
      "public",
      "0194f0aa-0000-7000-8000-0000000000a1",
      "release_verified",
      "2026-01",
      "conditional",
      "2026-01-12",
      "Foro de Prueba",
      "https://constancia.example.org/persona/0194f0aa-0000-7000-8000-000000000001",
    ]);
  });

  it.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])("neutralises a cell starting like %j", (bad) => {
    const entry = person({ name: bad });
    entry.releases[0]!.organizationName = bad;
    const text = publicCsvHead() + publicCsvLines(publicRows([entry], URL_BASE));
    const rows = readCsv(text);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1]![1]).toBe(`'${bad}`);
  });

  it("quotes commas, quotes and line breaks", () => {
    const name = 'Ana "la Flaca", de\nCaracas';
    const [, row] = readCsv(publicCsvHead() + publicCsvLines([]) + publicCsvLines(publicRows([person({ name })], URL_BASE)));
    expect(row![1]).toBe(name);
  });

  it("writes an unknown month as an empty cell", () => {
    const entry = person();
    entry.releases[0]!.releasedMonth = null;
    expect(publicRows([entry], URL_BASE)[0]!.releasedMonth).toBeNull();
    expect(readCsv(publicCsvHead() + publicCsvLines(publicRows([entry], URL_BASE)))[1]![5]).toBe("");
  });
});

describe("public JSON", () => {
  it("is one valid array across batches, and [] when empty", () => {
    const a = publicRows([person()], URL_BASE);
    const text = jsonHead() + jsonItems([], true) + jsonItems(a, true) + jsonItems(a, false) + jsonTail(true);
    const parsed = publicExportJsonSchema.parse(JSON.parse(text));
    expect(parsed).toHaveLength(2);
    expect(JSON.parse(jsonHead() + jsonTail(false))).toEqual([]);
  });
});

describe("internal CSV", () => {
  const internal: InternalExportPerson = {
    id: "0194f0aa-0000-7000-8000-000000000002",
    externalRef: "FP-001",
    givenNames: "María",
    surnames: "=cmd|' /C calc'!A0",
    cedula: "V12345678",
    sex: "female",
    nationality: "VE",
    birthYear: 1980,
    homeState: "Lara",
    disclosure: "withheld",
    notes: "-- llamar a la hermana",
    version: 3,
    createdAt: new Date("2026-01-02T00:00:00Z"),
    latestDetention: { arrestedOn: new Date("2025-08-01T00:00:00Z"), facility: "El Helicoide" },
    releases: [
      {
        id: "0194f0aa-0000-7000-8000-0000000000b1",
        releasedOn: new Date("2026-01-01T00:00:00Z"),
        releasedPrecision: "month",
        facility: null,
        conditions: "house_arrest",
        conditionsDetail: "Presentación cada 30 días",
        status: "reported",
        statusReason: null,
        verifiedAt: null,
        version: 1,
        createdAt: new Date("2026-01-03T00:00:00Z"),
        detention: null,
      },
    ],
  };

  it("has the import's columns first, and values the import reads back", () => {
    const rows = readCsv(internalCsvHead() + internalCsvLines(internalRows([internal, { ...internal, id: "x", releases: [] }])));
    expect(rows[0]).toEqual([...INTERNAL_COLUMNS]);
    expect(rows[0]!.slice(0, 14)).toEqual([
      "external_id", "given_names", "surnames", "cedula", "sex", "nationality", "birth_year",
      "home_state", "arrested_on", "facility", "released_on", "release_conditions", "disclosure", "notes",
    ]);
    const row = Object.fromEntries(INTERNAL_COLUMNS.map((column, i) => [column, rows[1]![i]]));
    expect(row).toMatchObject({
      external_id: "FP-001",
      cedula: "V12345678",
      birth_year: "1980",
      arrested_on: "2025-08-01",
      facility: "El Helicoide",
      released_on: "2026-01",
      release_conditions: "house_arrest",
      disclosure: "withheld",
      release_status: "reported",
      surnames: "'=cmd|' /C calc'!A0",
      notes: "'-- llamar a la hermana",
    });
    // A person with no release still has a line, with empty release columns.
    expect(rows[2]![INTERNAL_COLUMNS.indexOf("release_id")]).toBe("");
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("PFIF 1.4", () => {
  const document = (batch: PublicExportPerson[]) => pfifHead() + pfifPersons(batch, options) + pfifTail();

  it("writes each note's text from the catalogue, with or without a month", () => {
    const [release] = person().releases;
    expect(pfifNoteText(release!)).toBe(
      "Excarcelación verificada en Constancia por Foro de Prueba. Mes: 2026-01. Condiciones: Con medidas cautelares.",
    );
    expect(pfifNoteText({ ...release!, releasedMonth: null, organizationName: "Org $& $1" })).toBe(
      "Excarcelación verificada en Constancia por Org $& $1. Mes sin confirmar. Condiciones: Con medidas cautelares.",
    );
  });

  it("takes the domain from the public URL", () => {
    expect(pfifDomain("https://constancia.example.org:8443/base")).toBe("constancia.example.org");
    expect(pfifDomain("not a url")).toBe("localhost");
  });

  it("escapes markup and drops characters XML 1.0 forbids", () => {
    expect(xmlText(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    expect(xmlText("a\u0000b\u0001c\u000Bd\uFFFEe\uD800f\u{1F600}\tg")).toBe("abcdef\u{1F600}\tg");
  });

  it("follows the 1.4 schema: namespace, order, mandatory fields, record ids, dates", () => {
    const xml = document([person(), person({ name: "J. L. P. R.", givenName: "J. L.", familyName: "P. R." })]);
    const { persons, problems } = checkPfif(xml, { domain: "constancia.example.org" });
    expect(problems).toEqual([]);
    expect(persons).toHaveLength(2);
    const [first] = persons;
    expect(first!.order).toEqual([
      "person_record_id", "entry_date", "author_name", "source_name", "source_date", "source_url", "full_name", "given_name", "family_name",
    ]);
    expect(first!.fields).toMatchObject({
      person_record_id: "constancia.example.org/person.0194f0aa-0000-7000-8000-000000000001",
      entry_date: "2026-01-10T12:34:56Z",
      source_date: "2026-01-12T15:16:17Z",
      full_name: "José Luis Pérez Rodríguez",
      given_name: "José Luis",
      family_name: "Pérez Rodríguez",
    });
    // A note within its person leaves person_record_id out (optional there: it is the person's).
    expect(first!.notes[0]!.order).toEqual(["note_record_id", "entry_date", "author_name", "source_date", "status", "text"]);
    expect(first!.notes[0]!.fields).toMatchObject({
      note_record_id: "constancia.example.org/note.0194f0aa-0000-7000-8000-0000000000a1",
      author_name: "Foro de Prueba",
      source_date: "2026-01-12T15:16:17Z",
      status: "believed_alive",
    });
    expect(first!.notes[0]!.fields.text).toContain("2026-01");
    expect(first!.notes[0]!.fields.text).toContain("Con medidas cautelares");
  });

  it("stays well-formed with hostile names, and never writes an empty mandatory field", () => {
    const hostile = person({ name: "<script>&\u0000\u0008</script>]]>", givenName: "\u0001", familyName: "" });
    hostile.releases[0]!.organizationName = "";
    const { persons, problems } = checkPfif(document([hostile]));
    expect(problems).toEqual([]);
    expect(persons[0]!.fields.full_name).toBe("<script>&</script>]]>");
    expect(persons[0]!.order).not.toContain("given_name");
    expect(persons[0]!.notes[0]!.fields.author_name).toBe("Constancia");
  });

  it("an empty export is still a valid PFIF document", () => {
    expect(checkPfif(pfifHead() + pfifTail()).problems).toEqual([]);
  });

  it("the checker is strict: it flags what the shared sample's parser-test notes lack, and its field order", () => {
    const sample = readFileSync(SAMPLE, "utf8");
    const { problems } = checkPfif(sample);
    expect(problems.some((problem) => /note 3: mandatory author_name/.test(problem))).toBe(true);
    expect(problems.some((problem) => /note 4: mandatory author_name/.test(problem))).toBe(true);
    expect(problems.some((problem) => /out of the schema's order/.test(problem))).toBe(true);
    expect(checkPfif("<pfif:pfif xmlns:pfif='http://zesty.ca/pfif/1.4'><pfif:person>").problems[0]).toMatch(/not well-formed/);
  });
});

describe("textStream", () => {
  it("pulls one chunk at a time and stops the source when cancelled", async () => {
    let produced = 0;
    let finished = false;
    async function* source() {
      try {
        for (let i = 0; i < 1000; i++) {
          produced++;
          yield `chunk ${i}\n`;
        }
      } finally {
        finished = true;
      }
    }
    const reader = textStream(source()).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The one asked for, and at most one ahead.
    expect(produced).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it("skips empty chunks and ends", async () => {
    async function* source() {
      yield "a";
      yield "";
      yield "b";
    }
    expect(await new Response(textStream(source())).text()).toBe("ab");
  });
});
