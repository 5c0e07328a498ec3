import { describe, expect, it } from "vitest";
import { fullName, initials, publicPersonView, type PublicPersonInput } from "./public.ts";

/** A person row as the database holds it, with every private field filled in. */
function row(overrides: Partial<PublicPersonInput & Record<string, unknown>> = {}) {
  return {
    id: "0190f0a0-0000-7000-8000-000000000001",
    givenNames: "José Luis",
    surnames: "Pérez Rodríguez",
    otherSpellings: ["Jose L. Perez"],
    cedula: "V12345678",
    cedulaDigits: "12345678",
    nationality: "VE",
    sex: "male",
    birthYear: 1980,
    homeState: "Zulia",
    notes: "Family asked us not to call after 8 pm.",
    disclosure: "public" as const,
    organizationId: "org-internal-id",
    externalRef: "FP-2026-0042",
    normalizedName: "jose luis perez rodriguez",
    nameTokens: ["jose", "luis", "perez", "rodriguez"],
    phoneticKeys: ["xs"],
    createdById: "user-who-submitted",
    reviewerId: "user-who-reviewed",
    organization: { name: "Foro", settings: { secret: true } },
    ...overrides,
  };
}

const PRIVATE_VALUES = ["12345678", "V12345678", "Family asked", "org-internal-id", "FP-2026-0042", "user-who-submitted", "user-who-reviewed", "Zulia", "1980"];

describe("publicPersonView", () => {
  it("shows the full name of a public person", () => {
    expect(publicPersonView(row()).displayName).toBe("José Luis Pérez Rodríguez");
  });

  it("shows only initials for an initials-only person", () => {
    const view = publicPersonView(row({ disclosure: "initials" }));
    expect(view.displayName).toBe("J. L. P. R.");
    const text = JSON.stringify(view);
    expect(text).not.toContain("José");
    expect(text).not.toContain("Pérez");
  });

  it("never names a withheld person", () => {
    const view = publicPersonView(row({ disclosure: "withheld" }));
    expect(view.displayName).toBeNull();
    const text = JSON.stringify(view).toLowerCase();
    for (const part of ["jose", "josé", "luis", "perez", "pérez", "rodriguez", "rodríguez", "j. l."]) {
      expect(text).not.toContain(part);
    }
  });

  it("treats an unknown disclosure level as withheld", () => {
    const view = publicPersonView(row({ disclosure: "secret" as never }));
    expect(view.displayName).toBeNull();
  });

  it.each(["public", "initials", "withheld"] as const)("leaks no private field for a %s person", (disclosure) => {
    const view = publicPersonView(row({ disclosure }));
    expect(Object.keys(view).sort()).toEqual(["disclosure", "displayName", "id"]);
    const text = JSON.stringify(view);
    for (const value of PRIVATE_VALUES) expect(text).not.toContain(value);
    expect(text.toLowerCase()).not.toContain("cedula");
  });

  it("does not hand back the input object", () => {
    const input = row();
    const view = publicPersonView(input) as unknown as Record<string, unknown>;
    expect(view).not.toBe(input);
    expect(view.cedula).toBeUndefined();
    expect(view.notes).toBeUndefined();
  });
});

describe("initials", () => {
  it.each([
    ["José Luis", "Pérez Rodríguez", "J. L. P. R."],
    ["Ana", "De la Cruz Mendoza", "A. C. M."],
    ["Ana", "de la Cruz", "A. C."],
    ["María de los Ángeles", "Del Valle Rojas", "M. Á. V. R."],
    ["Juan", "Da Silva", "J. S."],
    ["Ana-María", "Pérez-Gil", "A. M. P. G."],
    ["  josé   luis ", " pérez ", "J. L. P."],
    ["Ñaki", "Ñáñez", "Ñ. Ñ."],
    ["José", "D'Ángelo", "J. D."],
    ["Pedro", "Y Gasset", "P. G."],
    ["De", "La", "D. L."],
    ["", "", ""],
  ])("%s %s → %s", (given, surnames, expected) => {
    expect(initials(given, surnames)).toBe(expected);
  });

  it("reads decomposed accents as one letter", () => {
    expect(initials("A\u0301ngel", "Pe\u0301rez")).toBe("Á. P.");
  });
});

describe("fullName", () => {
  it("joins given names and surnames with single spaces", () => {
    expect(fullName(" José  Luis ", "Pérez   Rodríguez")).toBe("José Luis Pérez Rodríguez");
  });
});
