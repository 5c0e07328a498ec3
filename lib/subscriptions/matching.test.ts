import { describe, expect, it } from "vitest";
import { matchingSearches, searchFindsPerson, type MatchablePerson } from "./matching.ts";

const jose = (disclosure: MatchablePerson["disclosure"] = "public"): MatchablePerson => ({
  givenNames: "José Luis",
  surnames: "Pérez Rodríguez",
  otherSpellings: [],
  cedulaDigits: "12345678",
  disclosure,
});

describe("which search subscriptions a verified release answers", () => {
  it.each([
    ["jose luis perez", "exact words, no accents"],
    ["PÉREZ RODRÍGUEZ, José Luis", "surnames first, with accents"],
    ["jose perez", "a given name and a surname missing"],
    ["jose luiz peres", "sound-alikes"],
    ["jose l perez", "an initial"],
    ["V-12.345.678", "the cédula in written form"],
    ["12345678", "the cédula's digits"],
  ])("a public person matches %s (%s)", (query) => {
    expect(searchFindsPerson(query, jose())).toBe(true);
  });

  it.each([
    ["maria gonzalez", "someone else"],
    ["jose perez gomez", "a partial match: one word of the search is not in the name"],
    ["12345679", "another cédula"],
  ])("not %s (%s)", (query) => {
    expect(searchFindsPerson(query, jose())).toBe(false);
  });

  it("a person shown by initials only is found by their exact cédula, never by name", () => {
    expect(searchFindsPerson("V-12.345.678", jose("initials"))).toBe(true);
    expect(searchFindsPerson("jose luis perez rodriguez", jose("initials"))).toBe(false);
  });

  it("a withheld person is never found, not even by cédula", () => {
    expect(searchFindsPerson("jose luis perez rodriguez", jose("withheld"))).toBe(false);
    expect(searchFindsPerson("12345678", jose("withheld"))).toBe(false);
  });

  it("filters many searches against one person, keeping their order and data", () => {
    const searches = [
      { id: 1, query: "jose luis perez" },
      { id: 2, query: "ana maria suarez" },
      { id: 3, query: "perez rodriguez jose" },
    ];
    expect(matchingSearches(searches, jose()).map((s) => s.id)).toEqual([1, 3]);
  });
});
