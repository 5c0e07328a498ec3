import { describe, expect, it } from "vitest";
import { matchPerson, prepareCandidate, rankCandidates, scoreOf, type PersonName } from "./match.ts";

function person(givenNames: string, surnames: string, extra: Partial<PersonName> = {}): PersonName {
  return { givenNames, surnames, otherSpellings: [], cedulaDigits: null, ...extra };
}

const joseLuis = person("José Luis", "Pérez Rodríguez", {
  cedulaDigits: "12345678",
  otherSpellings: ["Jose L. Peres"],
});
const veronica = person("Verónica", "Hernández Gutiérrez");
const juanDeLaCruz = person("Juan", "De la Cruz Quintero");
const juanJoined = person("Juan", "Delacruz Quintero");
const maria = person("María del Valle", "Yánez Chávez");

const kindOf = (query: string, candidate: PersonName) => matchPerson(query, candidate).match;

describe("exact", () => {
  it.each([
    ["José Luis Pérez Rodríguez", joseLuis],
    ["jose luis perez rodriguez", joseLuis],
    ["PÉREZ RODRÍGUEZ, José Luis", joseLuis],
    ["José Pérez", joseLuis], // one given name and one surname missing
    ["Luis Rodríguez", joseLuis],
    ["Jose L. Peres", joseLuis], // an other spelling on record
    ["Juan Cruz", juanDeLaCruz], // every word is a word of the name
    ["Juan de la Cruz", juanDeLaCruz],
    ["Maria del Valle Yanez", maria],
  ])("%s", (query, candidate) => {
    expect(matchPerson(query, candidate)).toMatchObject({ match: "exact" });
  });

  it.each(["V-12.345.678", "v12345678", "12.345.678", "12345678"])("cédula %s", (query) => {
    expect(matchPerson(query, joseLuis)).toEqual({ match: "exact", score: 1 });
  });

  it.each([
    ["a longer given name", "Josefa Pérez"],
    ["a word used twice", "José José Pérez"],
    ["a typo", "José Peréz Rodrigues"],
    ["an initial", "José L. Pérez"],
    ["a name word not on record", "José Luis Pérez Rodríguez Gómez"],
  ])("is never given for %s", (_why, query) => {
    expect(kindOf(query, joseLuis)).not.toBe("exact");
  });
});

describe("close", () => {
  it.each([
    ["one typo", "Jose Perz", joseLuis],
    ["a transposition", "Jsoe Luis Pérez", joseLuis],
    ["two edits on a long word", "José Rodrgiues", joseLuis],
    ["sound-alikes", "Beronica Ernandes Gutierres", veronica],
    ["sound-alike and typo", "Veronica Jernandes", veronica],
    ["y/ll and z/s", "María Llanes", maria],
    ["an initial", "José L. Pérez", joseLuis],
    ["two initials and a word", "J. L. Pérez", joseLuis],
    ["particles joined", "Juan Delacruz", juanDeLaCruz],
    ["particles split", "Juan De La Cruz", juanJoined],
    ["particles left out of a joined name", "Juan Cruz Quintero", juanJoined],
    ["particles not on record", "Juan de la Cruz", person("Juan", "Cruz Quintero")],
    ["particle with a sound-alike", "Juan Delacrus", juanDeLaCruz],
    ["joined given names", "Maria Delvalle", maria],
  ])("%s: %s", (_why, query, candidate) => {
    expect(kindOf(query, candidate)).toBe("close");
  });
});

describe("partial", () => {
  it.each([
    ["half the words", "José Martínez", joseLuis],
    ["two of three", "José Pérez Martínez", joseLuis],
    ["a near name", "Josefa Pérez", joseLuis],
    ["a repeated word", "José José Pérez", joseLuis],
  ])("%s: %s", (_why, query, candidate) => {
    expect(kindOf(query, candidate)).toBe("partial");
  });
});

describe("no match", () => {
  it.each([
    ["nothing in common", "Pedro Martínez", joseLuis],
    ["less than half", "José Antonio Martínez Gómez", person("José", "Zambrano")],
    ["only initials", "J. L. P.", joseLuis],
    ["only particles", "de la", juanDeLaCruz],
    ["a short word with a typo", "Lus Pérez Gómez", person("Luz", "Ramos")],
    ["another cédula", "V-87.654.321", joseLuis],
    ["a cédula against a person without one", "12345678", veronica],
    ["an empty query", "  ", joseLuis],
  ])("%s: %s", (_why, query, candidate) => {
    expect(matchPerson(query, candidate)).toEqual({ match: null, score: 0 });
  });

  it("does not take a query word for an initial on record", () => {
    const initialOnRecord = person("Erika", "Ramírez", { otherSpellings: ["Erika A. Jiménez"] });
    expect(kindOf("Abraham Jiménez", initialOnRecord)).toBe("partial");
  });

  it("never matches a cédula query by name", () => {
    expect(kindOf("12345678", person("12345678", "Pérez"))).toBeNull();
  });

  it("does not take San or Santa for a droppable particle", () => {
    expect(kindOf("María Santamaría", person("María", "Santamaría"))).toBe("exact");
    expect(kindOf("Pedro María", person("Pedro", "Santamaría"))).toBe("partial");
    expect(kindOf("Juan Sanjuan", person("Juan", "San Juan"))).toBe("close");
  });
});

describe("score", () => {
  const score = (query: string, candidate: PersonName) => matchPerson(query, candidate).score;

  it("ranks exact above close above partial", () => {
    const exact = score("José Pérez", joseLuis);
    const close = score("José Peres Rodríguez", joseLuis);
    const partial = score("José Martínez", joseLuis);
    expect(exact).toBeGreaterThanOrEqual(0.97);
    expect(exact).toBeLessThanOrEqual(1);
    expect(close).toBeLessThan(0.9);
    expect(close).toBeGreaterThan(partial);
    expect(partial).toBeGreaterThanOrEqual(0.3);
  });

  it("prefers the name the query covers more of", () => {
    expect(score("José Pérez", person("José", "Pérez"))).toBeGreaterThan(score("José Pérez", joseLuis));
  });

  it("prefers fewer edits", () => {
    expect(score("Jose Perz Rodriguez", joseLuis)).toBeGreaterThan(score("Jose Perz Rodrgiues", joseLuis));
  });

  it("prefers more query words met among partial matches", () => {
    const threeOfFour = score("José Luis Pérez Martínez", joseLuis);
    expect(threeOfFour).toBeGreaterThan(score("José Pérez Martínez Gómez", joseLuis));
  });

  it("keeps each class in its band", () => {
    const best = { queryCoverage: 1, nameCoverage: 1, penalty: 0 };
    const worst = { queryCoverage: 0.5, nameCoverage: 0, penalty: 100 };
    expect(scoreOf("exact", best)).toBe(1);
    expect(scoreOf("close", best)).toBeLessThan(scoreOf("exact", { ...best, nameCoverage: 0 }));
    expect(scoreOf("partial", best)).toBeLessThan(scoreOf("close", worst));
  });
});

describe("rankCandidates", () => {
  const people = [
    person("José Luis", "Pérez Gómez"),
    person("José", "Pérez"),
    person("Josefa", "Pérez"),
    person("Pedro", "Martínez"),
    person("José", "Pérez"),
    person("Jose", "Peres"),
  ];

  it("returns the matches best first, ties in the order given", () => {
    const ranked = rankCandidates("José Pérez", people, 10);
    expect(ranked.map((entry) => [entry.index, entry.match])).toEqual([
      [1, "exact"],
      [4, "exact"],
      [0, "exact"],
      [5, "close"],
      [2, "partial"],
    ]);
    expect(ranked[0]!.person).toBe(people[1]);
  });

  it("takes prepared candidates and gives the person back", () => {
    const prepared = people.map(prepareCandidate);
    const ranked = rankCandidates("Pedro Martines", prepared, 3);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ person: people[3], index: 3, match: "close" });
  });

  it("copes with a query of one word repeated against a name of one word repeated", () => {
    const repeated = person("Ana Ana Ana", "Ana Ana Ana", { otherSpellings: ["Ana Ana Ana Ana Ana Ana"] });
    expect(rankCandidates("ana ana ana ana ana ana ana ana", [repeated], 1)[0]).toMatchObject({ match: "partial" });
    expect(kindOf("ana ana ana ana ana ana", repeated)).toBe("exact");
  });

  it("stops at the limit", () => {
    expect(rankCandidates("José Pérez", people, 2)).toHaveLength(2);
    expect(rankCandidates("José Pérez", people, 0)).toHaveLength(0);
  });
});
