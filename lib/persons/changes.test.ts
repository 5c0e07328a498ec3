import { describe, expect, it } from "vitest";
import {
  cedulaKey,
  changedFields,
  comparable,
  duplicateQueryIsUsable,
  groupedFormObject,
  linesOf,
  PERSON_NORMALIZERS,
  staleDifferences,
} from "./changes.ts";

const FIELDS = ["givenNames", "surnames", "cedula", "birthYear", "notes", "otherSpellings", "sex"] as const;

const loaded = {
  givenNames: "José Luis",
  surnames: "Pérez Rodríguez",
  cedula: "V12345678",
  birthYear: 1985,
  notes: null,
  otherSpellings: ["Jose Perez"],
  sex: "male",
};

describe("comparable", () => {
  it("treats blank text, null, undefined and empty lists as nothing", () => {
    for (const value of ["", "  ", null, undefined, [], [" "]]) expect(comparable(value)).toBe("null");
  });
  it("compares numbers as their digits and trims text", () => {
    expect(comparable(1985)).toBe(comparable("1985"));
    expect(comparable(" Ana ")).toBe(comparable("Ana"));
  });
});

describe("changedFields", () => {
  it("sends only what differs from what was loaded", () => {
    const typed = { ...loaded, birthYear: "1985", notes: "", surnames: "Pérez Rodriguez", otherSpellings: ["Jose Perez"] };
    expect(changedFields(loaded, typed, FIELDS, PERSON_NORMALIZERS)).toEqual({ surnames: "Pérez Rodriguez" });
  });

  it("turns a cleared optional field into null so the server clears it", () => {
    expect(changedFields({ ...loaded, notes: "algo" }, { notes: "  " }, FIELDS)).toEqual({ notes: null });
  });

  it("does not count another spelling of the same cédula as a change", () => {
    expect(changedFields(loaded, { cedula: "V-12.345.678" }, FIELDS, PERSON_NORMALIZERS)).toEqual({});
    expect(changedFields(loaded, { cedula: "12.345.678" }, FIELDS, PERSON_NORMALIZERS)).toEqual({});
    expect(changedFields(loaded, { cedula: "E-12.345.678" }, FIELDS, PERSON_NORMALIZERS)).toEqual({ cedula: "E-12.345.678" });
  });

  it("leaves out fields that were not typed at all", () => {
    expect(changedFields(loaded, { sex: "female" }, FIELDS)).toEqual({ sex: "female" });
  });

  it("cleans list values", () => {
    expect(changedFields(loaded, { otherSpellings: ["Jose Perez", " J. L. Pérez "] }, FIELDS)).toEqual({
      otherSpellings: ["Jose Perez", "J. L. Pérez"],
    });
  });
});

describe("staleDifferences", () => {
  it("lists each field whose saved value differs from what the editor loaded, with both values, in order", () => {
    const current = { ...loaded, notes: "Liberado el 12", givenNames: "José Luís", cedula: "V12345678" };
    expect(staleDifferences(loaded, current, FIELDS, PERSON_NORMALIZERS)).toEqual([
      { field: "givenNames", loaded: "José Luis", current: "José Luís" },
      { field: "notes", loaded: null, current: "Liberado el 12" },
    ]);
  });

  it("says nothing about fields the server did not send", () => {
    expect(staleDifferences(loaded, { notes: null }, FIELDS)).toEqual([]);
  });

  it("finds no difference when only the version moved", () => {
    expect(staleDifferences(loaded, { ...loaded }, FIELDS, PERSON_NORMALIZERS)).toEqual([]);
  });
});

describe("form helpers", () => {
  it("groups form entries by prefix, leaving out blanks, files and other groups", () => {
    const entries: [string, FormDataEntryValue][] = [
      ["person.givenNames", "Ana"],
      ["person.cedula", "  "],
      ["release.facility", "Rodeo I"],
      ["evidence.description", "foto"],
      ["evidence.file", new File([], "")],
      ["loose", "x"],
    ];
    expect(groupedFormObject(entries, ["person", "release"])).toEqual({
      person: { givenNames: "Ana" },
      release: { facility: "Rodeo I" },
    });
  });

  it("reads one spelling a line", () => {
    expect(linesOf("Jose Perez\r\n\n  J. L. Pérez  \n")).toEqual(["Jose Perez", "J. L. Pérez"]);
  });

  it("keeps text that is not a cédula as typed", () => {
    expect(cedulaKey("V-12.345.678")).toBe("V12345678");
    expect(cedulaKey("no sé")).toBe("no sé");
  });
});

describe("duplicateQueryIsUsable", () => {
  it("asks with a cédula alone, or with a name of at least four letters", () => {
    expect(duplicateQueryIsUsable({ givenNames: "", surnames: "", cedula: "V-12.345.678" })).toBe(true);
    expect(duplicateQueryIsUsable({ givenNames: "Ana", surnames: "", cedula: "" })).toBe(false);
    expect(duplicateQueryIsUsable({ givenNames: "Ana", surnames: "P", cedula: "" })).toBe(true);
    expect(duplicateQueryIsUsable({ givenNames: "", surnames: "", cedula: "12" })).toBe(false);
    expect(duplicateQueryIsUsable({ givenNames: "", surnames: "", cedula: "" })).toBe(false);
  });
});
