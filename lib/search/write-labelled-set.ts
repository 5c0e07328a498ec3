/**
 * Writes lib/search/labelled-set.json from the generator. Run after changing
 * the generator or the name lists, then commit the file:
 *
 *     npx tsx lib/search/write-labelled-set.ts
 *
 * labelled-set.test.ts fails while the committed file and the generator disagree.
 */
import { writeFileSync } from "node:fs";
import { generateLabelledSet, LABELLED_SET_PATH, serializeLabelledSet } from "./labelled-set.ts";

const set = generateLabelledSet();
writeFileSync(LABELLED_SET_PATH, serializeLabelledSet(set));
console.log(`${LABELLED_SET_PATH}: ${set.people.length} people, ${set.queries.length} queries`);
