import { describe, expect, it } from "vitest";
import { actionKey, conditionsValue, describeChanges, evidenceKindValue, knownField, parseCursor, plainValue, valueKey } from "./describe.ts";

describe("describeChanges", () => {
  it("lists the fields whose value changed, with before and after", () => {
    expect(
      describeChanges({ givenNames: "José", cedula: null, notes: "igual" }, { givenNames: "José Luis", cedula: "V12345678", notes: "igual" }),
    ).toEqual([
      { field: "givenNames", before: "José", after: "José Luis" },
      { field: "cedula", before: null, after: "V12345678" },
    ]);
  });

  it("lists what a creation set, leaving out its empty fields", () => {
    expect(describeChanges(null, { givenNames: "Ana", notes: null, otherSpellings: [], status: "reported" })).toEqual([
      { field: "givenNames", before: undefined, after: "Ana" },
      { field: "status", before: undefined, after: "reported" },
    ]);
  });

  it("keeps fields recorded on one side only (a merge's absorbed record, a removal)", () => {
    expect(describeChanges({ mergedIntoId: null, cedula: "V1", externalRef: null }, { mergedIntoId: "x" })).toEqual([
      { field: "cedula", before: "V1", after: undefined },
      { field: "mergedIntoId", before: null, after: "x" },
    ]);
  });

  it("lists fields in the order a record reads, whatever order the stored JSON has", () => {
    const changes = describeChanges(null, { sex: "male", zeta: 1, cedula: "V1", givenNames: "Ana", alpha: 2 });
    expect(changes.map((change) => change.field)).toEqual(["givenNames", "cedula", "sex", "zeta", "alpha"]);
  });

  it("compares lists and objects by value", () => {
    expect(describeChanges({ otherSpellings: ["a"] }, { otherSpellings: ["a"] })).toEqual([]);
    expect(describeChanges({ moved: { releases: 1 } }, { moved: { releases: 2 } })).toHaveLength(1);
  });

  it("never shows search keys, bookkeeping columns or internal ids (the demo records whole rows)", () => {
    const changes = describeChanges(null, {
      id: "p1",
      givenNames: "Ana",
      normalizedName: "ana",
      nameTokens: ["ana"],
      phoneticKeys: ["an"],
      cedulaDigits: "1",
      isDemo: true,
      version: 1,
      createdById: "u1",
      organizationId: "o1",
    });
    expect(changes.map((change) => change.field)).toEqual(["givenNames"]);
  });

  it("copes with events that carry no before or after, or something other than an object", () => {
    expect(describeChanges(null, null)).toEqual([]);
    expect(describeChanges("text", [1, 2])).toEqual([]);
  });
});

describe("words for actions, fields and values", () => {
  it("knows the actions of persons, releases, reviews and evidence", () => {
    expect(actionKey("person.merge")).toBe("personMerge");
    expect(actionKey("review.request_evidence")).toBe("reviewRequestEvidence");
    expect(actionKey("evidence.add")).toBe("evidenceAdd");
    expect(actionKey("evidence.create")).toBe("evidenceAdd");
    expect(actionKey("something.new")).toBeNull();
    expect(actionKey("toString")).toBeNull();
  });

  it("knows field names, and leaves unknown ones alone", () => {
    expect(knownField("cedula")).toBe("cedula");
    expect(knownField("whatever")).toBeNull();
  });

  it("gives keys to enumerated values only", () => {
    expect(valueKey("status", "verified")).toBe("status.verified");
    expect(valueKey("toStatus", "rejected")).toBe("status.rejected");
    expect(valueKey("disclosure", "withheld")).toBe("disclosure.withheld");
    expect(valueKey("status", "invented")).toBeNull();
    expect(valueKey("notes", "verified")).toBeNull();
    expect(conditionsValue("conditions", "house_arrest")).toBe("house_arrest");
    expect(conditionsValue("facility", "full")).toBeNull();
    expect(evidenceKindValue("kind", "press_report")).toBe("press_report");
    expect(evidenceKindValue("kind", "gossip")).toBeNull();
  });
});

describe("plainValue", () => {
  it("writes values plainly", () => {
    expect(plainValue(null)).toBeNull();
    expect(plainValue(undefined)).toBeNull();
    expect(plainValue("texto")).toBe("texto");
    expect(plainValue(1980)).toBe("1980");
    expect(plainValue(["José L. Pérez", "Jose Perez"])).toBe("José L. Pérez, Jose Perez");
    expect(plainValue({ sha256: "ab", size: 10, id: "hidden" })).toBe("sha256: ab; size: 10");
  });
});

describe("parseCursor", () => {
  it("reads a positive 64-bit id and nothing else", () => {
    expect(parseCursor("42")).toBe(42n);
    expect(parseCursor(["7", "8"])).toBe(7n);
    expect(parseCursor(undefined)).toBeUndefined();
    expect(parseCursor("0")).toBeUndefined();
    expect(parseCursor("-3")).toBeUndefined();
    expect(parseCursor("1e5")).toBeUndefined();
    expect(parseCursor("9223372036854775808")).toBeUndefined();
    expect(parseCursor("9223372036854775807")).toBe(9223372036854775807n);
  });
});
