import { describe, expect, it } from "vitest";
import { chosenSide, defaultSurvivor, isEmptyValue, mergeRows, sameValue, takeFromMerged, type MergeValues } from "./merge.ts";

function values(overrides: Partial<MergeValues> = {}): MergeValues {
  return {
    givenNames: "José Luis",
    surnames: "Pérez Rodríguez",
    cedula: null,
    sex: "unknown",
    nationality: "VE",
    birthYear: null,
    homeState: null,
    disclosure: "initials",
    externalRef: null,
    notes: null,
    ...overrides,
  };
}

const row = (rows: ReturnType<typeof mergeRows>, field: string) => rows.find((r) => r.field === field)!;

describe("defaultSurvivor", () => {
  it("keeps the older record", () => {
    expect(defaultSurvivor({ id: "b", createdAt: "2026-01-02T00:00:00Z" }, { id: "a", createdAt: "2026-01-10T00:00:00Z" })).toBe("a");
    expect(defaultSurvivor({ id: "a", createdAt: new Date("2026-01-10") }, { id: "b", createdAt: new Date("2026-01-02") })).toBe("b");
  });

  it("breaks a tie by id, so the answer does not depend on the order in the URL", () => {
    const at = "2026-01-02T00:00:00Z";
    expect(defaultSurvivor({ id: "1", createdAt: at }, { id: "2", createdAt: at })).toBe("a");
    expect(defaultSurvivor({ id: "2", createdAt: at }, { id: "1", createdAt: at })).toBe("b");
  });
});

describe("isEmptyValue and sameValue", () => {
  it("treats blanks, empty lists and an unknown sex as empty", () => {
    expect(isEmptyValue("notes", null)).toBe(true);
    expect(isEmptyValue("notes", "   ")).toBe(true);
    expect(isEmptyValue("sex", "unknown")).toBe(true);
    expect(isEmptyValue("sex", "female")).toBe(false);
    expect(isEmptyValue("birthYear", 0)).toBe(false);
    expect(isEmptyValue("homeState", "unknown")).toBe(false);
  });

  it("ignores spacing and blank-versus-null, not case or accents", () => {
    expect(sameValue("givenNames", "José  Luis ", "José Luis")).toBe(true);
    expect(sameValue("notes", null, "")).toBe(true);
    expect(sameValue("givenNames", "José", "Jose")).toBe(false);
    expect(sameValue("givenNames", "JOSÉ", "José")).toBe(false);
    expect(sameValue("birthYear", 1980, 1980)).toBe(true);
    expect(sameValue("birthYear", 1980, 1981)).toBe(false);
  });
});

describe("mergeRows", () => {
  it("has one row per mergeable field, in order", () => {
    const rows = mergeRows(values(), values(), "a");
    expect(rows.map((r) => r.field)).toEqual([
      "givenNames",
      "surnames",
      "cedula",
      "sex",
      "nationality",
      "birthYear",
      "homeState",
      "disclosure",
      "externalRef",
      "notes",
    ]);
    expect(rows.every((r) => r.equal && r.defaultSide === "a")).toBe(true);
  });

  it("preselects the survivor's value, or the other's when the survivor's is empty", () => {
    const a = values({ givenNames: "José Luis", cedula: null, sex: "unknown", homeState: "Zulia" });
    const b = values({ givenNames: "José", cedula: "V12345678", sex: "male", homeState: "Lara" });
    const rows = mergeRows(a, b, "a");
    expect(row(rows, "givenNames")).toMatchObject({ equal: false, defaultSide: "a" });
    expect(row(rows, "cedula")).toMatchObject({ equal: false, defaultSide: "b" });
    expect(row(rows, "sex")).toMatchObject({ equal: false, defaultSide: "b" });
    expect(row(rows, "homeState")).toMatchObject({ equal: false, defaultSide: "a" });

    // The same pair with b surviving: b's values first, a's where b has none.
    const flipped = mergeRows(a, b, "b");
    expect(row(flipped, "givenNames").defaultSide).toBe("b");
    expect(row(flipped, "cedula").defaultSide).toBe("b");
    expect(row(flipped, "homeState").defaultSide).toBe("b");
  });

  it("never takes an empty value over a filled one by default", () => {
    const rows = mergeRows(values({ notes: "nota" }), values({ notes: null }), "b");
    expect(row(rows, "notes").defaultSide).toBe("a");
  });

  it("defaults disclosure to the more protective of the two", () => {
    expect(row(mergeRows(values({ disclosure: "public" }), values({ disclosure: "withheld" }), "a"), "disclosure").defaultSide).toBe("b");
    expect(row(mergeRows(values({ disclosure: "initials" }), values({ disclosure: "public" }), "a"), "disclosure").defaultSide).toBe("a");
    expect(row(mergeRows(values({ disclosure: "public" }), values({ disclosure: "initials" }), "b"), "disclosure").defaultSide).toBe("b");
  });

  it("locks an organization's own reference when the records belong to different organizations", () => {
    const rows = mergeRows(values({ externalRef: null }), values({ externalRef: "FP-1" }), "a", { sameOrganization: false });
    expect(row(rows, "externalRef")).toMatchObject({ locked: true, defaultSide: "a" });
    const same = mergeRows(values({ externalRef: null }), values({ externalRef: "FP-1" }), "a", { sameOrganization: true });
    expect(row(same, "externalRef")).toMatchObject({ locked: false, defaultSide: "b" });
  });
});

describe("takeFromMerged", () => {
  const a = values({ givenNames: "José Luis", surnames: "Pérez", cedula: null, notes: "a" });
  const b = values({ givenNames: "José", surnames: "Pérez", cedula: "V12345678", notes: "b" });

  it("lists the defaults that come from the other record", () => {
    const rows = mergeRows(a, b, "a");
    expect(takeFromMerged(rows, {}, "a")).toEqual(["cedula"]);
  });

  it("follows the person's choices, and ignores choices on equal or locked rows", () => {
    const rows = mergeRows(a, b, "a");
    expect(takeFromMerged(rows, { givenNames: "b", cedula: "a", surnames: "b" }, "a")).toEqual(["givenNames"]);
    expect(takeFromMerged(rows, { notes: "b" }, "a")).toEqual(["cedula", "notes"]);
  });

  it("names fields of the merged record whichever side survives", () => {
    const rows = mergeRows(a, b, "b");
    // b survives: taking a's given names means taking them from the merged record.
    expect(takeFromMerged(rows, { givenNames: "a" }, "b")).toEqual(["givenNames"]);
    expect(chosenSide(row(rows, "cedula"), {}, "b")).toBe("b");
  });
});
