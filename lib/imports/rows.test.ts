import { describe, expect, it } from "vitest";
import { suggestedMapping } from "./columns.ts";
import { parseDateCell, validateRow } from "./rows.ts";
import { planImport } from "./plan.ts";

const headers = ["external_id", "given_names", "surnames", "cedula", "sex", "nationality", "birth_year", "arrested_on", "released_on", "release_conditions", "disclosure", "notes"];
const mapping = suggestedMapping(headers);
const TODAY = "2026-11-24";
const row = (cells: Partial<Record<(typeof headers)[number], string>>, number = 2) => ({
  row: number,
  cells: headers.map((header) => cells[header] ?? ""),
});
const base = { external_id: "FP-1", given_names: "José Luis", surnames: "Pérez Rodríguez" };

describe("parseDateCell", () => {
  it.each([
    ["2026-01-12", "2026-01-12"],
    ["12/01/2026", "2026-01-12"],
    ["2/1/2026", "2026-01-02"],
    ["12-01-2026", "2026-01-12"],
    ["12.01.2026", "2026-01-12"],
    ["2026-01-12T00:00:00.000Z", "2026-01-12"],
    ["", null],
  ])("reads %s as %s", (text, day) => expect(parseDateCell(text, false)).toBe(day));

  it("reads a month only where a month is enough", () => {
    expect(parseDateCell("2026-01", true)).toBe("2026-01");
    expect(parseDateCell("01/2026", true)).toBe("2026-01");
    expect(parseDateCell("2026-01", false)).toBe("!bad");
  });

  it("says which dates are impossible and which are not dates", () => {
    expect(parseDateCell("31/02/2026", false)).toBe("!impossible");
    expect(parseDateCell("2026-13-01", false)).toBe("!impossible");
    expect(parseDateCell("13/2026", true)).toBe("!impossible");
    expect(parseDateCell("ayer", false)).toBe("!bad");
    expect(parseDateCell("12/01/26", false)).toBe("!bad");
  });
});

describe("validateRow", () => {
  it("reads a full row, with Spanish words and dd/mm/yyyy", () => {
    const result = validateRow(
      row({ ...base, cedula: "v-12.345.678", sex: "Masculino", nationality: "Venezolana", birth_year: "1988", arrested_on: "03/08/2024", released_on: "12/01/2026", release_conditions: "medidas cautelares", disclosure: "pública" }),
      headers,
      mapping,
      TODAY,
    );
    expect(result.problems).toEqual([]);
    expect(result.record).toMatchObject({
      externalId: "FP-1",
      cedula: "V12345678",
      sex: "male",
      nationality: "VE",
      birthYear: 1988,
      arrestedOn: "2024-08-03",
      releasedOn: "2026-01-12",
      conditions: "conditional",
      disclosure: "public",
    });
  });

  it("leaves blank cells as not given", () => {
    const result = validateRow(row(base), headers, mapping, TODAY);
    expect(result.record).toMatchObject({ cedula: null, sex: null, nationality: null, releasedOn: null, disclosure: null, notes: null });
  });

  it("reports every bad cell with its column, and loads nothing of the row", () => {
    const result = validateRow(
      row({ external_id: "", given_names: "123", surnames: "Pérez", cedula: "V-12A45", sex: "quizás", nationality: "Venezuelan Republic", birth_year: "88", arrested_on: "31/02/2025", released_on: "2027-01-01", release_conditions: "a veces", disclosure: "todo" }),
      headers,
      mapping,
      TODAY,
    );
    expect(result.record).toBeNull();
    expect(result.problems.map((p) => [p.column, p.code])).toEqual([
      ["external_id", "required"],
      ["given_names", "no_letters"],
      ["cedula", "bad_cedula"],
      ["sex", "bad_sex"],
      ["nationality", "bad_nationality"],
      ["birth_year", "bad_year"],
      ["arrested_on", "impossible_date"],
      ["released_on", "future_date"],
      ["release_conditions", "bad_conditions"],
      ["disclosure", "bad_disclosure"],
    ]);
  });

  it("refuses a 10,000-character cell without keeping it", () => {
    const long = "a".repeat(10_000);
    const result = validateRow(row({ ...base, notes: `${long}x`, given_names: long }), headers, mapping, TODAY);
    expect(result.record).toBeNull();
    expect(result.problems.map((p) => [p.column, p.code])).toEqual([
      ["given_names", "too_long"],
      ["notes", "too_long"],
    ]);
  });

  it("refuses a release before the arrest", () => {
    const result = validateRow(row({ ...base, arrested_on: "2026-01-10", released_on: "2026-01-09" }), headers, mapping, TODAY);
    expect(result.problems.map((p) => p.code)).toEqual(["released_before_arrest"]);
  });
});

describe("the file as a whole", () => {
  it("an external_id used again is an error on the later row; the first still loads", () => {
    const { rows } = planImport({ format: "csv", sheets: [], sheet: null, headers, rows: [row(base, 2), row({ ...base, given_names: "Otro" }, 3)] }, mapping, TODAY);
    expect(rows[0]!.record).not.toBeNull();
    expect(rows[1]!.record).toBeNull();
    expect(rows[1]!.problems[0]).toMatchObject({ column: "external_id", code: "repeated_external_id" });
    expect(rows[1]!.problems[0]!.message).toContain("row 2");
  });

  it("a cédula given again under another external_id points at the first row", () => {
    const plan = planImport(
      {
        format: "csv",
        sheets: [],
        sheet: null,
        headers,
        rows: [row({ ...base, cedula: "12345678" }, 2), row({ ...base, external_id: "FP-2", cedula: "V-12.345.678" }, 3)],
      },
      mapping,
      TODAY,
    );
    expect([...plan.cedulaRepeats]).toEqual([[3, 2]]);
  });
});
