import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { delimiterOf, readSpreadsheet } from "./read.ts";
import { zipBomb, zipOf } from "./test-fixtures.ts";

const reason = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? { code: error.code, reason: (error.extra.details as { reason?: string } | undefined)?.reason } : String(error);
  }
  return "no error";
};

const encode = (text: string) => new TextEncoder().encode(text);

describe("reading CSV", () => {
  it("detects comma, semicolon and tab", () => {
    expect(delimiterOf("a,b,c")).toBe(",");
    expect(delimiterOf("a;b;c")).toBe(";");
    expect(delimiterOf("a\tb\tc")).toBe("\t");
    expect(delimiterOf('"a,b";c;d')).toBe(";");
  });

  it("reads UTF-8 with a BOM and Windows-1252 alike, numbering rows as the spreadsheet does", async () => {
    const text = "external_id;given_names;surnames\r\nFP-1;José;Núñez\r\n\r\nFP-2;\"María, la del\";Peña\r\n";
    const utf8 = await readSpreadsheet(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]));
    const latin1 = await readSpreadsheet(Uint8Array.from([...text].map((c) => c.charCodeAt(0))));
    for (const sheet of [utf8, latin1]) {
      expect(sheet.headers).toEqual(["external_id", "given_names", "surnames"]);
      expect(sheet.rows).toEqual([
        { row: 2, cells: ["FP-1", "José", "Núñez"] },
        { row: 4, cells: ["FP-2", "María, la del", "Peña"] },
      ]);
    }
  });

  it("refuses an empty file, a header alone, binary content and repeated headers", async () => {
    expect(await reason(readSpreadsheet(new Uint8Array()))).toEqual({ code: "unprocessable", reason: "empty" });
    expect(await reason(readSpreadsheet(encode("  \n\n")))).toEqual({ code: "unprocessable", reason: "empty" });
    expect(await reason(readSpreadsheet(encode("external_id,given_names\n")))).toEqual({ code: "unprocessable", reason: "only_header" });
    expect(await reason(readSpreadsheet(Uint8Array.from({ length: 600 }, (_, i) => (i * 7919) % 256)))).toEqual({ code: "unprocessable", reason: "binary" });
    expect(await reason(readSpreadsheet(encode("a,b,a\n1,2,3\n")))).toEqual({ code: "unprocessable", reason: "duplicate_headers" });
  });
});

describe("reading XLSX", () => {
  async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("reads the first sheet, or the one chosen; dates as days", async () => {
    const bytes = await workbook({
      Resumen: [["external_id", "given_names", "surnames", "released_on"], ["FP-1", "Ana", "Díaz", new Date(Date.UTC(2026, 0, 12))]],
      Otra: [["external_id", "given_names", "surnames"], ["X-1", "Luis", "Mora"]],
    });
    const first = await readSpreadsheet(bytes);
    expect(first).toMatchObject({ format: "xlsx", sheets: ["Resumen", "Otra"], sheet: "Resumen" });
    expect(first.rows).toEqual([{ row: 2, cells: ["FP-1", "Ana", "Díaz", "2026-01-12"] }]);
    expect((await readSpreadsheet(bytes, { sheet: "Otra" })).rows[0]!.cells).toEqual(["X-1", "Luis", "Mora"]);
    expect(await reason(readSpreadsheet(bytes, { sheet: "Nada" }))).toEqual({ code: "unprocessable", reason: "unknown_sheet" });
  });

  it("refuses a zip bomb named .xlsx before inflating it into memory", async () => {
    const bomb = zipBomb();
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(await reason(readSpreadsheet(bomb))).toEqual({ code: "unprocessable", reason: "zip_bomb" });
  });

  it("refuses a ZIP that is not a workbook", async () => {
    expect(await reason(readSpreadsheet(zipOf("hello.txt", Buffer.from("hello"))))).toMatchObject({ code: "unprocessable" });
  });
});
