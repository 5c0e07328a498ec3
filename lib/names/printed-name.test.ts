import { describe, expect, it } from "vitest";
import { properCase, splitPrintedName } from "./printed-name.ts";

describe("splitPrintedName", () => {
  it.each([
    ["PÉREZ RODRÍGUEZ, JOSÉ LUIS", "José Luis", "Pérez Rodríguez"],
    ["PÉREZ RODRÍGUEZ JOSÉ LUIS", "José Luis", "Pérez Rodríguez"],
    ["PÉREZ JOSÉ LUIS", "José Luis", "Pérez"],
    ["PÉREZ RODRÍGUEZ JOSÉ", "José", "Pérez Rodríguez"],
    ["DE LA CRUZ MENDOZA ANA", "Ana", "De la Cruz Mendoza"],
    ["GONZÁLEZ MARÍA DE LOS ÁNGELES", "María de los Ángeles", "González"],
    ["GONZÁLEZ DE LA ROSA MARÍA", "María", "González de la Rosa"],
    ["JOSÉ PÉREZ", "José", "Pérez"],
    ["José Luis Pérez Rodríguez", "José Luis", "Pérez Rodríguez"],
    ["Ana De la Cruz Mendoza", "Ana", "De la Cruz Mendoza"],
    ["Pérez, José", "José", "Pérez"],
    ["ZULUAGA KWIATKOWSKI", "Kwiatkowski", "Zuluaga"],
    ["MADURO", "Maduro", "Maduro"],
  ])("%s → %s / %s", (printed, givenNames, surnames) => {
    expect(splitPrintedName(printed)).toEqual({ givenNames, surnames });
  });

  it("writes capitals as names are written", () => {
    expect(properCase("JOSÉ DE SAN MARTÍN", false)).toBe("José de San Martín");
    expect(properCase("D'AMBROSIO PÉREZ-GIL", true)).toBe("D'Ambrosio Pérez-Gil");
  });
});
