import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvDocument, csvFileName, neutralizeCell } from "./csv.ts";

describe("neutralizeCell", () => {
  it("keeps a spreadsheet from reading text as a formula", () => {
    expect(neutralizeCell("=HYPERLINK(\"http://x\",\"y\")")).toBe("'=HYPERLINK(\"http://x\",\"y\")");
    expect(neutralizeCell("+58 412")).toBe("'+58 412");
    expect(neutralizeCell("-1+1")).toBe("'-1+1");
    expect(neutralizeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeCell("\tcmd")).toBe("'\tcmd");
    expect(neutralizeCell("\r=1")).toBe("'\r=1");
  });

  it("leaves plain text, numbers (negative too) and empty cells as they are", () => {
    expect(neutralizeCell("José Pérez")).toBe("José Pérez");
    expect(neutralizeCell("a=b")).toBe("a=b");
    expect(neutralizeCell(-3)).toBe(-3);
    expect(neutralizeCell(0)).toBe(0);
    expect(neutralizeCell(null)).toBe("");
    expect(neutralizeCell(undefined)).toBe("");
    expect(neutralizeCell(Number.NaN)).toBe("");
  });
});

describe("csvDocument", () => {
  const doc = csvDocument([
    { header: ["Dato", "Valor"], rows: [["Anuncio", "Ministerio de Servicio Penitenciario"], ["Diferencia", -3], ["Cita", 'Dijo: "más de 400", y más']] },
    { header: ["N.º", "Nombre"], rows: [[1, "=cmd|' /C calc'!A0"], [2, "MARÍA ÑÁÑEZ"]] },
  ]);

  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(doc.startsWith(CSV_BOM)).toBe(true);
    expect(doc.slice(1)).toContain("\r\n");
    expect(doc.slice(1).replace(/\r\n/g, "")).not.toContain("\n");
    expect(Buffer.from(doc, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("reads back as written, blocks separated by an empty line, formulas neutralised", () => {
    const records = parse(doc, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    expect(records).toEqual([
      ["Dato", "Valor"],
      ["Anuncio", "Ministerio de Servicio Penitenciario"],
      ["Diferencia", "-3"],
      ["Cita", 'Dijo: "más de 400", y más'],
      [""],
      ["N.º", "Nombre"],
      ["1", "'=cmd|' /C calc'!A0"],
      ["2", "MARÍA ÑÁÑEZ"],
    ]);
  });
});

describe("csvFileName", () => {
  it("is plain ASCII, safe in a header", () => {
    expect(csvFileName(["anuncio", "Ministerio del Poder Popular (Servicio Penitenciario)", "2026-01-12"])).toBe(
      "anuncio-ministerio-del-poder-popular-servicio-penitenciario-2026-01-12.csv",
    );
    expect(csvFileName(["Oposición: \"PUD\"", "ñ"])).toBe("oposicion-pud-n.csv");
    expect(csvFileName(["***"])).toBe("constancia.csv");
  });
});
