import { describe, expect, it } from "vitest";
import { decideLine, type NameLookup } from "./decide.ts";

const A = "00000000-0000-7000-8000-00000000000a";
const B = "00000000-0000-7000-8000-00000000000b";
const C = "00000000-0000-7000-8000-00000000000c";

const lookup = (change: Partial<NameLookup>): NameLookup => ({
  printedCedulaDigits: null,
  nameWords: 3,
  byCedula: [],
  byName: [],
  truncated: false,
  ...change,
});
const named = (personId: string, match: "exact" | "close" | "partial", score: number, cedulaDigits: string | null = null) => ({
  personId,
  match,
  score,
  cedulaDigits,
});

describe("decideLine", () => {
  it.each<[string, Partial<NameLookup>, { linkMethod: string; personId: string | null; matchKind: string | null; suggestedPersonId: string | null; candidates: string[] }]>([
    [
      "a printed cédula that is one person's, the name matching: automatic",
      { printedCedulaDigits: "12345678", byCedula: [{ personId: A, match: "close", score: 0.8 }], byName: [named(B, "exact", 0.99)] },
      { linkMethod: "automatic", personId: A, matchKind: "cedula", suggestedPersonId: null, candidates: [] },
    ],
    [
      "a printed cédula with a name of initials only: automatic",
      { printedCedulaDigits: "12345678", nameWords: 0, byCedula: [{ personId: A, match: null, score: 0 }] },
      { linkMethod: "automatic", personId: A, matchKind: "cedula", suggestedPersonId: null, candidates: [] },
    ],
    [
      "a printed cédula whose owner the name does not match at all: queue, the owner first",
      { printedCedulaDigits: "12345678", byCedula: [{ personId: A, match: null, score: 0 }], byName: [named(B, "exact", 0.99)] },
      { linkMethod: "pending", personId: null, matchKind: "cedula", suggestedPersonId: A, candidates: [A, B] },
    ],
    [
      "a printed cédula two people share (V and E): queue",
      {
        printedCedulaDigits: "12345678",
        byCedula: [
          { personId: A, match: "exact", score: 0.99 },
          { personId: B, match: "exact", score: 0.98 },
        ],
      },
      { linkMethod: "pending", personId: null, matchKind: "cedula", suggestedPersonId: A, candidates: [A, B] },
    ],
    [
      "one exact candidate, the best: automatic",
      { byName: [named(A, "exact", 0.98), named(B, "close", 0.8), named(C, "partial", 0.4)] },
      { linkMethod: "automatic", personId: A, matchKind: "exact", suggestedPersonId: null, candidates: [] },
    ],
    [
      "one exact candidate, no cédula on record, a cédula printed that is nobody's: automatic",
      { printedCedulaDigits: "12345678", byName: [named(A, "exact", 0.98)] },
      { linkMethod: "automatic", personId: A, matchKind: "exact", suggestedPersonId: null, candidates: [] },
    ],
    [
      "two exact candidates: queue, both offered",
      { byName: [named(A, "exact", 0.98), named(B, "exact", 0.97)] },
      { linkMethod: "pending", personId: null, matchKind: "exact", suggestedPersonId: A, candidates: [A, B] },
    ],
    [
      "one exact candidate whose cédula on record is another than the printed one: queue",
      { printedCedulaDigits: "12345678", byName: [named(A, "exact", 0.98, "87654321")] },
      { linkMethod: "pending", personId: null, matchKind: "exact", suggestedPersonId: A, candidates: [A] },
    ],
    [
      "one exact candidate, but more people met every word than were judged: queue",
      { truncated: true, byName: [named(A, "exact", 0.98)] },
      { linkMethod: "pending", personId: null, matchKind: "exact", suggestedPersonId: A, candidates: [A] },
    ],
    [
      "one exact candidate for a name of one word: queue",
      { nameWords: 1, byName: [named(A, "exact", 0.98)] },
      { linkMethod: "pending", personId: null, matchKind: "exact", suggestedPersonId: A, candidates: [A] },
    ],
    [
      "only close candidates (a misspelt name): queue, best suggested",
      { byName: [named(B, "close", 0.82), named(A, "close", 0.7)] },
      { linkMethod: "pending", personId: null, matchKind: "close", suggestedPersonId: B, candidates: [B, A] },
    ],
    [
      "only partial candidates: queue",
      { byName: [named(C, "partial", 0.45)] },
      { linkMethod: "pending", personId: null, matchKind: "partial", suggestedPersonId: C, candidates: [C] },
    ],
    ["nobody: queue with no candidate", {}, { linkMethod: "pending", personId: null, matchKind: null, suggestedPersonId: null, candidates: [] }],
  ])("%s", (_, change, expected) => {
    const decision = decideLine(lookup(change));
    expect({ ...decision, candidates: decision.candidates.map((candidate) => candidate.personId) }).toMatchObject(expected);
  });

  it("offers at most five candidates, people with the printed cédula first, each once", () => {
    const ids = Array.from({ length: 8 }, (_, i) => `00000000-0000-7000-8000-00000000010${i}`);
    const decision = decideLine(
      lookup({
        printedCedulaDigits: "12345678",
        byCedula: [{ personId: ids[7]!, match: null, score: 0 }],
        byName: ids.map((id, i) => named(id, "close", 0.8 - i / 100)),
      }),
    );
    expect(decision.candidates.map((candidate) => candidate.personId)).toEqual([ids[7], ids[0], ids[1], ids[2], ids[3]]);
    expect(decision.candidates[0]).toEqual({ personId: ids[7], match: "exact", score: 1 });
  });
});
