import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  generateLabelledSet,
  LABELLED_SET_PATH,
  serializeLabelledSet,
  VARIATIONS,
  type LabelledSet,
  type Variation,
} from "./labelled-set.ts";
import {
  exactForStrangers,
  formatMisses,
  isLabelled,
  LABELLED_VARIATIONS,
  ofVariation,
  recall,
  RECALL_AT_5_OVERALL,
  RECALL_AT_5_PER_VARIATION,
  recallTable,
  share,
  type Outcome,
} from "./labelled-metrics.ts";
import { matchPerson, prepareCandidate, rankCandidates, type MatchKind } from "./match.ts";

/**
 * The in-memory version of the search acceptance test: every labelled query
 * ranked against every synthetic person, recall measured per variation.
 */
const committed = readFileSync(LABELLED_SET_PATH, "utf8");
const set = JSON.parse(committed) as LabelledSet;


/**
 * The class API.md promises for each way of writing a name. Recall alone
 * would hide a broken rule: a four-word query with one word misspelt still
 * finds its person as a partial match.
 */
const EXPECTED_MATCH: Record<Variation, readonly MatchKind[]> = {
  "exact-full": ["exact"],
  "accents-removed": ["exact"],
  "case-changed": ["exact"],
  reordered: ["exact"],
  "given-missing": ["exact"],
  "surname-missing": ["exact"],
  initials: ["close"],
  "particle-joined": ["close"],
  "particle-split": ["close"],
  // Exact when the record has the particles split (its words include "Cruz"), close when joined.
  "particle-dropped": ["exact", "close"],
  "typo-one": ["close"],
  "typo-two-long": ["close"],
  transposition: ["close"],
  "sound-bv": ["close"],
  "sound-szc": ["close"],
  "sound-yll": ["close"],
  "sound-h": ["close"],
  "sound-gj": ["close"],
  "sound-cqk": ["close"],
  "sound-xj": ["close"],
  "cedula-prefix-dots": ["exact"],
  "cedula-prefix-compact": ["exact"],
  "cedula-dots": ["exact"],
  "cedula-digits": ["exact"],
  "other-spelling": ["exact"],
  "not-on-record-name": ["close", "partial"],
  "not-on-record-near": ["close", "partial"],
  "not-on-record-cedula": [],
};
/** Share of a variation's queries whose person must get the class above. */
const EXPECTED_MATCH_SHARE = 0.9;

describe("labelled set", () => {
  it("is what the generator makes (run `npx tsx lib/search/write-labelled-set.ts` after changing it)", () => {
    expect(serializeLabelledSet(generateLabelledSet())).toBe(committed);
  });

  it("has enough people and queries, every variation and every label resolvable", () => {
    expect(set.people.length).toBeGreaterThanOrEqual(2_000);
    expect(set.queries.length).toBeGreaterThanOrEqual(1_200);
    const ids = new Set(set.people.map((person) => person.id));
    expect(ids.size).toBe(set.people.length);
    for (const variation of VARIATIONS) {
      expect(set.queries.filter((query) => query.variation === variation).length, variation).toBeGreaterThanOrEqual(30);
    }
    for (const query of set.queries) {
      const notOnRecord = query.variation.startsWith("not-on-record");
      expect(query.expectedId === null, query.id).toBe(notOnRecord);
      if (query.expectedId !== null) expect(ids.has(query.expectedId), query.id).toBe(true);
    }
  });
});

interface MatcherOutcome extends Outcome {
  /** The class the expected person gets, whatever its rank. */
  targetMatch: MatchKind | null;
}

describe("search recall on the labelled set", () => {
  let outcomes: MatcherOutcome[] = [];

  beforeAll(() => {
    const people = set.people.map(prepareCandidate);
    const byId = new Map(people.map((candidate) => [candidate.person.id, candidate]));
    outcomes = set.queries.map((query) => {
      const answers = rankCandidates(query.text, people, 5).map((entry) => ({ id: entry.person.id, match: entry.match }));
      const target = query.expectedId === null ? undefined : byId.get(query.expectedId);
      return {
        query,
        answers,
        position: answers.findIndex((answer) => answer.id === query.expectedId),
        targetMatch: target ? matchPerson(query.text, target).match : null,
      };
    });
  });

  const labelled = (): MatcherOutcome[] => outcomes.filter(isLabelled);
  const asExpected = (group: readonly Outcome[]): number =>
    share(group, (outcome) => {
      const { query, targetMatch } = outcome as MatcherOutcome;
      return targetMatch !== null && EXPECTED_MATCH[query.variation].includes(targetMatch);
    });

  it("prints recall per variation", () => {
    console.log(recallTable(outcomes, (group) => asExpected(group).toFixed(3)));
    const misses = labelled().filter(
      (outcome) => outcome.position < 0 || !EXPECTED_MATCH[outcome.query.variation].includes(outcome.targetMatch!),
    );
    if (misses.length > 0) {
      console.log(
        formatMisses(misses, (outcome) => {
          const { query, targetMatch, position } = outcome as MatcherOutcome;
          return `${query.expectedId} ${targetMatch ?? "no match"} at ${position}`;
        }),
      );
    }
  });

  it(`finds the person within the first 5 for at least ${RECALL_AT_5_OVERALL} of all labelled queries`, () => {
    expect(recall(labelled(), 5)).toBeGreaterThanOrEqual(RECALL_AT_5_OVERALL);
  });

  it.each(LABELLED_VARIATIONS)(
    `finds the person within the first 5 for at least ${RECALL_AT_5_PER_VARIATION} of %s queries`,
    (variation) => {
      expect(recall(ofVariation(outcomes, variation), 5)).toBeGreaterThanOrEqual(RECALL_AT_5_PER_VARIATION);
    },
  );

  it.each(LABELLED_VARIATIONS)(
    `gives the person the promised class for at least ${EXPECTED_MATCH_SHARE} of %s queries`,
    (variation) => {
      expect(asExpected(ofVariation(outcomes, variation))).toBeGreaterThanOrEqual(EXPECTED_MATCH_SHARE);
    },
  );

  it("never answers exact for a name or cédula not on record", () => {
    expect(exactForStrangers(outcomes)).toEqual([]);
  });

  it("answers nothing for a cédula not on record", () => {
    const answered = ofVariation(outcomes, "not-on-record-cedula").filter(({ answers }) => answers.length > 0);
    expect(answered.map(({ query }) => query.text)).toEqual([]);
  });

  it("answers exact, and only that person, for every cédula on record, whatever the format", () => {
    for (const { query, answers } of outcomes.filter((outcome) => outcome.query.variation.startsWith("cedula-"))) {
      expect(answers.map((answer) => [answer.id, answer.match]), query.text).toEqual([[query.expectedId, "exact"]]);
    }
  });
});
