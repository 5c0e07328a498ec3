import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
  canonicalIdentifier,
  decodeListBytes,
  keyLines,
  lineKeyOf,
  listTypeOf,
  NAME_LIST_MAX_LINES,
  parseNameList,
  ROW_MESSAGES,
  type NameListType,
} from "./parse.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 / Latin-1: one byte a character (every character used here is below U+0100). */
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));
const withBom = (bytes: Uint8Array) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);

const names = (bytes: Uint8Array, type: NameListType) =>
  parseNameList(bytes, type).lines.map((line) => [line.nameAsPrinted, line.identifierAsPrinted]);

function refusal(run: () => unknown): { status: number; reason: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, reason: error.extra.details?.reason };
    throw error;
  }
  throw new Error("not refused");
}

describe("decodeListBytes", () => {
  it.each([
    ["UTF-8", utf8("José Peña\n")],
    ["UTF-8 with a BOM", withBom(utf8("José Peña\n"))],
    ["Windows-1252", latin1("José Peña\n")],
    ["UTF-16 with its BOM", utf16le("José Peña\n")],
  ])("reads %s", (_, bytes) => {
    expect(decodeListBytes(bytes)).toBe("José Peña\n");
  });

  it("reads the Windows-1252 characters Latin-1 lacks (curly quotes, €)", () => {
    expect(decodeListBytes(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x80]))).toBe("\u201cA\u201d \u20ac");
  });

  it("refuses binary content with a 422", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(refusal(() => decodeListBytes(png))).toEqual({ status: 422, reason: "binary" });
  });
});

describe("parseNameList, text/csv", () => {
  it.each([
    ["commas", "name,cedula\nPÉREZ RODRÍGUEZ JOSÉ LUIS,V-12.345.678\nGONZÁLEZ ANA,\n"],
    ["semicolons", "nombre;cédula\nPÉREZ RODRÍGUEZ JOSÉ LUIS;V-12.345.678\nGONZÁLEZ ANA;\n"],
    ["tabs", "Nombre\tC.I.\nPÉREZ RODRÍGUEZ JOSÉ LUIS\tV-12.345.678\nGONZÁLEZ ANA\t\n"],
    ["Windows line ends", "name,cedula\r\nPÉREZ RODRÍGUEZ JOSÉ LUIS,V-12.345.678\r\nGONZÁLEZ ANA,\r\n"],
    ["columns in another order, and a number column", "n,cedula,name\n1,V-12.345.678,PÉREZ RODRÍGUEZ JOSÉ LUIS\n2,,GONZÁLEZ ANA\n"],
  ])("reads %s", (_, text) => {
    expect(names(utf8(text), "csv")).toEqual([
      ["PÉREZ RODRÍGUEZ JOSÉ LUIS", "V-12.345.678"],
      ["GONZÁLEZ ANA", null],
    ]);
  });

  it("keeps quoted fields whole: commas, semicolons and quotes inside", () => {
    const text = 'name,cedula\n"PÉREZ RODRÍGUEZ, JOSÉ LUIS",12345678\n"DE LA CRUZ; ANA ""LA NEGRA""",\n';
    expect(names(utf8(text), "csv")).toEqual([
      ["PÉREZ RODRÍGUEZ, JOSÉ LUIS", "12345678"],
      ['DE LA CRUZ; ANA "LA NEGRA"', null],
    ]);
  });

  it("reads a one-column list whose names carry commas", () => {
    expect(names(utf8("nombre\nPÉREZ, JOSÉ\nPEÑA, MARÍA\n"), "csv")).toEqual([
      ["PÉREZ, JOSÉ", null],
      ["PEÑA, MARÍA", null],
    ]);
  });

  it.each([
    ["UTF-8", utf8("name;cedula\nJosé Peña;V-1.234.567\n")],
    ["UTF-8 with a BOM", withBom(utf8("name;cedula\nJosé Peña;V-1.234.567\n"))],
    ["Latin-1 (Excel on Windows)", latin1("name;cedula\nJosé Peña;V-1.234.567\n")],
  ])("reads José Peña in %s", (_, bytes) => {
    expect(names(bytes, "csv")).toEqual([["José Peña", "V-1.234.567"]]);
  });

  it("numbers lines as the file does, skips blank ones, and reports lines it cannot keep and unknown columns", () => {
    const long = "A".repeat(401);
    const parsed = parseNameList(utf8(`name,cedula,edad\nANA PÉREZ,,40\n\n${long},,\n12345,,\nLUIS ROJAS,${"9".repeat(41)},\nJUAN SOSA,,\n`), "csv");
    expect(parsed.lines.map((line) => [line.row, line.nameAsPrinted])).toEqual([
      [2, "ANA PÉREZ"],
      [7, "JUAN SOSA"],
    ]);
    expect(parsed.problems).toEqual([
      { row: 1, column: "edad", message: ROW_MESSAGES.unknownColumn },
      { row: 4, column: "name", message: ROW_MESSAGES.tooLong },
      { row: 5, column: "name", message: ROW_MESSAGES.noLetters },
      { row: 6, column: "cedula", message: ROW_MESSAGES.identifierTooLong },
    ]);
  });

  it.each([
    ["an empty body", utf8(""), 422, "empty"],
    ["only blank lines", utf8("\n \n\t\n"), 422, "empty"],
    ["only a header", utf8("name,cedula\n"), 422, "only_header"],
    ["only a header, with a BOM", withBom(utf8("name;cedula\r\n\r\n")), 422, "only_header"],
    ["no name column", utf8("persona_id,edad\n1,40\n"), 422, "no_name_column"],
    ["no line with a name", utf8("name\n123\n---\n"), 422, "no_names"],
    ["binary", Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 0, 0]), 422, "binary"],
  ])("refuses %s", (_, bytes, status, reason) => {
    expect(refusal(() => parseNameList(bytes, "csv"))).toEqual({ status, reason });
  });

  it(`refuses more than ${NAME_LIST_MAX_LINES} names with a 413`, () => {
    const text = `name\n${Array.from({ length: NAME_LIST_MAX_LINES + 1 }, (_, i) => `NOMBRE ${i}`).join("\n")}\n`;
    expect(refusal(() => parseNameList(utf8(text), "csv"))).toEqual({ status: 413, reason: "too_many_lines" });
    const justSo = `name\n${Array.from({ length: NAME_LIST_MAX_LINES }, (_, i) => `NOMBRE ${i}`).join("\n")}\n`;
    expect(parseNameList(utf8(justSo), "csv").lines).toHaveLength(NAME_LIST_MAX_LINES);
  });
});

describe("parseNameList, text/plain", () => {
  it("reads one name a line, ignoring blank lines and list numbers", () => {
    const text = "1. PÉREZ RODRÍGUEZ JOSÉ LUIS\n\n2) GONZÁLEZ ANA\n  003 - DE LA CRUZ MENDOZA PEDRO  \nMaría Peña\n";
    expect(names(utf8(text), "plain")).toEqual([
      ["PÉREZ RODRÍGUEZ JOSÉ LUIS", null],
      ["GONZÁLEZ ANA", null],
      ["DE LA CRUZ MENDOZA PEDRO", null],
      ["María Peña", null],
    ]);
    expect(parseNameList(utf8(text), "plain").lines.map((line) => line.row)).toEqual([1, 3, 4, 5]);
  });

  it.each([
    ["after the name", "PÉREZ JOSÉ V-12.345.678", "PÉREZ JOSÉ", "V-12.345.678"],
    ["after a comma", "PÉREZ RODRÍGUEZ, JOSÉ LUIS, C.I. 12.345.678", "PÉREZ RODRÍGUEZ, JOSÉ LUIS", "12.345.678"],
    ["in brackets", "ANA GONZÁLEZ (E-84.123.456)", "ANA GONZÁLEZ", "E-84.123.456"],
    ["before the name", "12345678 PEÑA MARÍA", "PEÑA MARÍA", "12345678"],
    ["with the list number first", "15. V-9.876.543 ROJAS LUIS", "ROJAS LUIS", "V-9.876.543"],
    ["in a cell copied from a spreadsheet", "ROJAS LUIS\tV9876543", "ROJAS LUIS", "V9876543"],
  ])("takes a cédula written %s", (_, line, name, identifier) => {
    expect(names(utf8(`${line}\n`), "plain")).toEqual([[name, identifier]]);
  });

  it("leaves a number that is not a cédula in the name", () => {
    expect(names(utf8("JUAN PABLO II 1234\n"), "plain")).toEqual([["JUAN PABLO II 1234", null]]);
  });

  it("drops a heading line at the top of a pasted list", () => {
    expect(names(utf8("APELLIDOS Y NOMBRES\nPÉREZ JOSÉ\n"), "plain")).toEqual([["PÉREZ JOSÉ", null]]);
    expect(names(utf8("Nombre\tCédula\nPÉREZ JOSÉ\t12345678\n"), "plain")).toEqual([["PÉREZ JOSÉ", "12345678"]]);
  });

  it.each([
    ["UTF-8", utf8("José Peña\r\nÁngel Núñez\r\n")],
    ["UTF-8 with a BOM", withBom(utf8("José Peña\r\nÁngel Núñez\r\n"))],
    ["Latin-1", latin1("José Peña\r\nÁngel Núñez\r\n")],
  ])("reads %s", (_, bytes) => {
    expect(names(bytes, "plain")).toEqual([
      ["José Peña", null],
      ["Ángel Núñez", null],
    ]);
  });

  it("refuses an empty list", () => {
    expect(refusal(() => parseNameList(utf8("\n\n"), "plain"))).toEqual({ status: 422, reason: "empty" });
  });
});

describe("line keys", () => {
  it("are the same for the same name and cédula however written, encoded or ordered", () => {
    expect(lineKeyOf("PÉREZ JOSÉ", "V-12.345.678", 1)).toBe(lineKeyOf("perez  jose", "12345678", 1));
    expect(lineKeyOf("PÉREZ JOSÉ", null, 1)).not.toBe(lineKeyOf("PÉREZ JOSÉ", "V-12.345.678", 1));
    expect(lineKeyOf("PÉREZ JOSÉ", null, 1)).not.toBe(lineKeyOf("JOSÉ PÉREZ", null, 1));
    expect(lineKeyOf("PÉREZ JOSÉ", null, 1)).toMatch(/^[0-9a-f]{64}$/);

    const list = "name;cedula\nJosé Peña;\nAna Rojas;E-84.123.456\nJosé Peña;\n";
    const reordered = "cedula,name\n,José Peña\n,José Peña\nE84123456,Ana Rojas\n";
    const keys = (bytes: Uint8Array) => keyLines(parseNameList(bytes, "csv").lines).map((line) => line.lineKey).sort();
    expect(keys(latin1(list))).toEqual(keys(utf8(reordered)));
    // Two people of the same name, without cédula, are two lines.
    expect(new Set(keys(utf8(list))).size).toBe(3);
  });

  it("canonicalises cédulas, and keeps other identifiers as written (folded)", () => {
    expect(canonicalIdentifier("v-12.345.678")).toBe("V12345678");
    expect(canonicalIdentifier("12345678")).toBe("V12345678");
    expect(canonicalIdentifier("Pasaporte AB-123")).toBe("pasaporte ab 123");
    expect(canonicalIdentifier(null)).toBe("");
  });
});

describe("listTypeOf", () => {
  it.each([
    ["text/csv", "csv"],
    ["text/csv; charset=windows-1252", "csv"],
    ["text/plain;charset=UTF-8", "plain"],
    ["application/json", null],
    ["multipart/form-data; boundary=x", null],
    [null, null],
  ])("%s → %s", (type, expected) => {
    expect(listTypeOf(type)).toBe(expected);
  });
});
