import { describe, expect, it } from "vitest";
import { completeMapping, headerSignature, mappingProblems, suggestedMapping } from "./columns.ts";

describe("column mapping", () => {
  it("recognises API.md's names and Spanish headers, whatever the case and accents", () => {
    expect(suggestedMapping(["Nº Expediente", "NOMBRES", "Apellidos", "Cédula", "Fecha de excarcelación", "Observaciones", "Color favorito"])).toEqual({
      "Nº Expediente": null,
      NOMBRES: "given_names",
      Apellidos: "surnames",
      "Cédula": "cedula",
      "Fecha de excarcelación": "released_on",
      Observaciones: "notes",
      "Color favorito": null,
    });
    expect(suggestedMapping(["external_id", "given_names", "surnames"])).toEqual({ external_id: "external_id", given_names: "given_names", surnames: "surnames" });
  });

  it("gives a column claimed by two headers to the first", () => {
    expect(suggestedMapping(["nombre", "nombres"])).toEqual({ nombre: "given_names", nombres: null });
  });

  it("says what is missing, repeated and unknown", () => {
    const headers = ["Nº", "Nombres", "Apellidos", "Otro"];
    const mapping = completeMapping(headers, { "Nº": "external_id", Otro: null });
    expect(mapping).toEqual({ "Nº": "external_id", Nombres: "given_names", Apellidos: "surnames", Otro: null });
    expect(mappingProblems(headers, mapping)).toEqual({ missing: [], repeated: [], unknown: ["Otro"] });
    expect(mappingProblems(headers, { ...mapping, Otro: "surnames", "Nº": null })).toEqual({
      missing: ["external_id"],
      repeated: ["surnames"],
      unknown: ["Nº"],
    });
  });

  it("knows a file's layout again by its headers, folded", () => {
    expect(headerSignature(["Cédula", "Nombres"])).toBe(headerSignature(["CEDULA", "nombres "]));
    expect(headerSignature(["Cédula", "Nombres"])).not.toBe(headerSignature(["Nombres", "Cédula"]));
  });
});
