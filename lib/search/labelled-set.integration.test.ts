import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../db/client.ts";
import { personSearchFields } from "../persons/search-fields.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { searchPeople } from "./data.ts";
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
  type Outcome,
} from "./labelled-metrics.ts";
import { LABELLED_SET_PATH, type LabelledSet } from "./labelled-set.ts";

/**
 * The acceptance test of the public search (issue 5), end to end on a real
 * PostgreSQL: the labelled people stored through the same search columns and
 * triggers as any person, every labelled query answered by searchPeople —
 * index narrowing, typo vocabulary, matcher and ranking together. A database
 * of its own, so that the shared test database's people cannot take places in
 * the first five.
 */
const set = JSON.parse(readFileSync(LABELLED_SET_PATH, "utf8")) as LabelledSet;
let database: TestDatabase;
let outcomes: Outcome[] = [];

beforeAll(async () => {
  database = await createTestDatabase("labelled");
  await disconnectDb();
  process.env.DATABASE_URL = database.url;

  const organization = await db().organization.create({ data: { name: "Conjunto etiquetado", slug: `labelled-${randomUUID().slice(0, 8)}` } });
  const dbIdOf = new Map<string, string>(set.people.map((person) => [person.id, randomUUID()]));
  await db().person.createMany({
    data: set.people.map((person) => ({
      id: dbIdOf.get(person.id)!,
      givenNames: person.givenNames,
      surnames: person.surnames,
      otherSpellings: person.otherSpellings,
      cedula: person.cedula,
      cedulaDigits: person.cedulaDigits,
      disclosure: "public" as const,
      organizationId: organization.id,
      ...personSearchFields(person),
    })),
  });
  const labelOf = new Map<string, string>([...dbIdOf].map(([label, id]) => [id, label]));

  for (const query of set.queries) {
    const { results } = await searchPeople(query.text, 5);
    const answers = results.map((result) => ({ id: labelOf.get(result.id) ?? result.id, match: result.match }));
    outcomes.push({ query, answers, position: answers.findIndex((answer) => answer.id === query.expectedId) });
  }
}, 300_000);

afterAll(async () => {
  await disconnectDb();
  await database?.drop();
});

describe("search recall on the labelled set, on PostgreSQL", () => {
  it("prints recall per variation", () => {
    console.log(recallTable(outcomes));
    const misses = outcomes.filter((outcome) => isLabelled(outcome) && (outcome.position < 0 || outcome.position >= 5));
    if (misses.length > 0) console.log(formatMisses(misses, (outcome) => `${outcome.query.expectedId} not in the first 5`));
    expect(outcomes).toHaveLength(set.queries.length);
  });

  it(`finds the person within the first 5 for at least ${RECALL_AT_5_OVERALL} of all labelled queries`, () => {
    expect(recall(outcomes.filter(isLabelled), 5)).toBeGreaterThanOrEqual(RECALL_AT_5_OVERALL);
  });

  it.each(LABELLED_VARIATIONS)(
    `finds the person within the first 5 for at least ${RECALL_AT_5_PER_VARIATION} of %s queries`,
    (variation) => {
      expect(recall(ofVariation(outcomes, variation), 5)).toBeGreaterThanOrEqual(RECALL_AT_5_PER_VARIATION);
    },
  );

  it("never answers exact for a name or cédula not on record", () => {
    expect(exactForStrangers(outcomes)).toEqual([]);
  });

  it("answers a cédula on record with that person alone, exact, and a cédula not on record with nobody", () => {
    for (const { query, answers } of outcomes.filter((outcome) => outcome.query.variation.startsWith("cedula-"))) {
      expect(answers.map((answer) => [answer.id, answer.match]), query.text).toEqual([[query.expectedId, "exact"]]);
    }
    expect(ofVariation(outcomes, "not-on-record-cedula").filter(({ answers }) => answers.length > 0)).toEqual([]);
  });
});
