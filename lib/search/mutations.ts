import { db } from "../db/client.ts";
import { personSearchFields } from "../persons/search-fields.ts";

/**
 * Bump when personSearchFields computes different keys for the same name, so
 * that records saved before the change are re-keyed once, at the next start.
 * 2: keys of fused particle runs and their cores (retrieval-keys.ts).
 */
export const SEARCH_KEYS_VERSION = 2;
const STATE_KEY = "searchKeysVersion";
const BATCH = 2_000;

/**
 * Brings every person's stored search columns up to SEARCH_KEYS_VERSION.
 * Idempotent and cheap when nothing changed (one read of SystemState). Updates
 * only the rows whose columns differ, in batches, so a large database is
 * re-keyed without one huge transaction; the vocabulary follows by trigger.
 */
export async function refreshSearchKeys(options: { log?: (line: string) => void } = {}): Promise<number> {
  const state = await db().systemState.findUnique({ where: { key: STATE_KEY } });
  if (state?.value === SEARCH_KEYS_VERSION) return 0;

  let updated = 0;
  let after: string | null = null;
  for (;;) {
    const persons: { id: string; givenNames: string; surnames: string; otherSpellings: string[]; normalizedName: string; nameTokens: string[]; phoneticKeys: string[] }[] =
      await db().person.findMany({
        where: after === null ? {} : { id: { gt: after } },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, givenNames: true, surnames: true, otherSpellings: true, normalizedName: true, nameTokens: true, phoneticKeys: true },
      });
    if (persons.length === 0) break;
    after = persons[persons.length - 1]!.id;
    const stale = persons.flatMap((person) => {
      const fields = personSearchFields(person);
      const same =
        fields.normalizedName === person.normalizedName &&
        fields.nameTokens.join(" ") === person.nameTokens.join(" ") &&
        fields.phoneticKeys.join(" ") === person.phoneticKeys.join(" ");
      return same ? [] : [{ id: person.id, ...fields }];
    });
    if (stale.length > 0) {
      // Search columns only: not an edit of the person (no version bump, no audit event).
      // Raw SQL: one statement for the batch. 2,000 Prisma updates in one transaction ran the
      // launcher out of its 384 MB heap on 100,000 people (BENCHMARKS.md, bench:import, finding 5).
      await db().$executeRaw`
        UPDATE "Person" AS p
        SET "normalizedName" = r."normalizedName", "nameTokens" = r."nameTokens", "phoneticKeys" = r."phoneticKeys"
        FROM jsonb_to_recordset(${JSON.stringify(stale)}::jsonb) AS r(id uuid, "normalizedName" text, "nameTokens" text[], "phoneticKeys" text[])
        WHERE p.id = r.id`;
      updated += stale.length;
    }
  }
  await db().systemState.upsert({
    where: { key: STATE_KEY },
    create: { key: STATE_KEY, value: SEARCH_KEYS_VERSION },
    update: { value: SEARCH_KEYS_VERSION },
  });
  if (updated > 0) options.log?.(`search keys brought up to date for ${updated} people.`);
  return updated;
}

/**
 * Records that the stored search keys are current without recomputing them:
 * for benchmarks whose SYNTHETIC people are written in SQL and never searched
 * (lib/bench/import.ts), so that starting the app does not rewrite them all.
 */
export async function markSearchKeysCurrent(): Promise<void> {
  await db().systemState.upsert({
    where: { key: STATE_KEY },
    create: { key: STATE_KEY, value: SEARCH_KEYS_VERSION },
    update: { value: SEARCH_KEYS_VERSION },
  });
}
