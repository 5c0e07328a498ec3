/**
 * The search benchmark's data: a million plausible people, loaded fast.
 *
 * SYNTHETIC DATA: random combinations of common Venezuelan given names and
 * surnames (lib/search/name-lists.ts through generatePeople), and for one
 * person in five a rare surname made of syllables, so that the vocabulary of
 * search keys is as large as a real register's (tens of thousands of words),
 * not the few hundred of the name lists. No real private person is meant.
 * The labelled set's people are loaded too, so that its queries (the
 * workload) have their targets among a million namesakes.
 *
 * Search columns come from personSearchFields, the function every person
 * write uses. The name indexes are dropped for the load and rebuilt after,
 * exactly as the migrations define them (their definitions are read back from
 * pg_indexes), because building a GIN index once is far faster than updating
 * it a million times.
 */
import pg from "pg";
import { personSearchFields } from "../persons/search-fields.ts";
import type { LabelledSet } from "../search/labelled-set.ts";
import { Prng } from "../search/prng.ts";
import { generatePeople, type LabelledPerson } from "../search/synthetic-people.ts";

const SEED = 1_262_026;
const BATCH = 10_000;
const RARE_SURNAME_SHARE = 0.2;
const SYLLABLES = ["ba", "be", "ca", "co", "da", "di", "fa", "ga", "gue", "ja", "ka", "la", "li", "lo", "ma", "mi", "na", "no", "pa", "pe", "que", "ra", "re", "ri", "ro", "sa", "se", "ta", "to", "va", "ve", "ya", "za", "zu", "tri", "bla", "cha", "lla", "ño", "rra"];

export interface SearchBenchData {
  persons: number;
  vocabulary: { keys: number; variants: number };
  ms: number;
}

export async function loadSearchBenchData(
  url: string,
  persons: number,
  labelled: LabelledSet,
  log: (line: string) => void,
): Promise<SearchBenchData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '512MB'");
    const { rows: organization } = await client.query<{ id: string }>(
      `INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES (uuidv7(), 'Organización de prueba', 'bench-search', now()) RETURNING id`,
    );
    const organizationId = organization[0]!.id;

    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Person' AND indexdef ~ 'USING (gin|gist)'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);

    const prng = new Prng(SEED);
    let loaded = 0;
    const insert = async (batch: readonly LabelledPerson[], firstNumber: number) => {
      const columns: string[][] = [[], [], [], [], [], [], [], [], []];
      batch.forEach((person, index) => {
        const fields = personSearchFields(person);
        // Cédulas of our own: unique across batches (generatePeople keeps them unique within one call only).
        const digits = person.cedulaDigits ?? String(40_000_000 + firstNumber + index);
        const row = [
          person.givenNames,
          person.surnames,
          person.otherSpellings.join("\u001f"),
          `${person.cedula?.[0] ?? "V"}${digits}`,
          digits,
          fields.normalizedName,
          fields.nameTokens.join(" "),
          fields.phoneticKeys.join(" "),
          // Disclosure: most public, some initials-only, a few withheld, as in the demo.
          (firstNumber + index) % 10 < 7 ? "public" : (firstNumber + index) % 10 < 9 ? "initials" : "withheld",
        ];
        row.forEach((value, column) => columns[column]!.push(value));
      });
      await client.query(
        `INSERT INTO "Person" (id, "givenNames", surnames, "otherSpellings", cedula, "cedulaDigits", disclosure,
                               "organizationId", "normalizedName", "nameTokens", "phoneticKeys", "updatedAt")
         SELECT uuidv7(), u.given, u.surnames,
                CASE WHEN u.other = '' THEN ARRAY[]::text[] ELSE string_to_array(u.other, E'\\x1f') END,
                u.cedula, u.digits, u.disclosure::"Disclosure", $10, u.normalized,
                string_to_array(u.tokens, ' '), string_to_array(u.keys, ' '), now()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
             AS u(given, surnames, other, cedula, digits, normalized, tokens, keys, disclosure)`,
        [...columns, organizationId],
      );
    };

    // The labelled set's people first, public, with their own cédulas (the cédula queries look for them).
    await insert(
      labelled.people.map((person) => ({ ...person })),
      0,
    );
    await client.query(`UPDATE "Person" SET disclosure = 'public'`);
    const synthetic = persons - labelled.people.length;
    while (loaded < synthetic) {
      const size = Math.min(BATCH, synthetic - loaded);
      const batch = generatePeople(prng, size).map((person) => ({
        ...person,
        cedula: null,
        cedulaDigits: null,
        surnames: prng.chance(RARE_SURNAME_SHARE) ? `${person.surnames.split(" ")[0]} ${rareSurname(prng)}` : person.surnames,
      }));
      await insert(batch, labelled.people.length + loaded);
      loaded += size;
      if (loaded % 100_000 === 0 || loaded === synthetic) log(`  persons ${(labelled.people.length + loaded).toLocaleString("en")}…`);
    }

    log(`  rebuilding ${indexes.length} name indexes…`);
    for (const index of indexes) await client.query(index.indexdef);
    // As autovacuum leaves a register that has been in use for a while (hint bits set, pages all
    // visible), and so that its first pass over a million new rows does not run during the measurement.
    log("  VACUUM (ANALYZE)…");
    await client.query(`VACUUM (ANALYZE)`);
    // The load's writes flushed now, not by a checkpoint in the middle of the measurement.
    await client.query(`CHECKPOINT`);
    const { rows: counts } = await client.query<{ keys: string; variants: string }>(
      `SELECT (SELECT count(*) FROM "SearchKey") AS keys, (SELECT count(*) FROM "SearchKeyVariant") AS variants`,
    );
    return {
      persons,
      vocabulary: { keys: Number(counts[0]!.keys), variants: Number(counts[0]!.variants) },
      ms: performance.now() - started,
    };
  } finally {
    await client.end();
  }
}

/** "Zaralloveta": two to four syllables, capitalised. */
function rareSurname(prng: Prng): string {
  const count = 2 + Math.floor(prng.next() * 3);
  let word = "";
  for (let index = 0; index < count; index++) word += prng.pick(SYLLABLES);
  return word[0]!.toUpperCase() + word.slice(1);
}
