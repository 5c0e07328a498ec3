import pg from "pg";
import { createAnnouncement } from "../announcements/mutations.ts";
import type { Actor } from "../auth/actor.ts";
import { systemActor } from "../auth/actor.ts";
import { createUser } from "../auth/mutations.ts";
import { db } from "../db/client.ts";
import { processNameListImport, startNameListImport } from "../names/import.ts";
import type { LabelledSet } from "../search/labelled-set.ts";

/**
 * Step 4 of bench:tally: a list of `lines` names, printed the way official
 * lists print them, matched against the million people by the app's own
 * functions (lib/names: parse, store, then the job's work, run here in the
 * foreground so it can be timed). The list mixes:
 * - the labelled set's name queries (accents missing, typos, sound-alikes,
 *   initials, reordered: lib/search/labelled-set.json), whose people are loaded;
 * - people drawn at random from the million, printed "SURNAMES GIVEN NAMES";
 * - names of nobody on record (made of syllables).
 */
export async function benchNameListMatching(
  url: string,
  lines: number,
  labelled: LabelledSet,
  log: (line: string) => void,
): Promise<{ lines: number; seconds: number; summary: string }> {
  const labelledNames = labelled.queries.filter((q) => !/\d/.test(q.text)).map((q) => q.text);
  const fromLabelled = labelledNames.slice(0, Math.floor(lines * 0.15));
  const strangers = Math.floor(lines * 0.1);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let drawn: string[];
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT upper(surnames || ' ' || "givenNames") AS name FROM "Person" TABLESAMPLE SYSTEM (2) REPEATABLE (7) LIMIT $1`,
      [lines - fromLabelled.length - strangers],
    );
    drawn = rows.map((row) => row.name);
  } finally {
    await client.end();
  }
  const syllables = ["qua", "zel", "bor", "tix", "mun", "fal", "dre", "gos", "pim", "lur"];
  const stranger = (i: number) =>
    `${syllables[i % 10]}${syllables[(i >> 3) % 10]}${syllables[(i >> 6) % 10]} ${syllables[(i >> 2) % 10]}${syllables[(i >> 5) % 10]}`.toUpperCase();
  const list = [...fromLabelled, ...drawn, ...Array.from({ length: strangers }, (_, i) => stranger(i))];
  const text = list.join("\n");

  const organization = await db().organization.findFirstOrThrow({ select: { id: true } });
  const user = await createUser(systemActor("cli"), {
    email: `bench-lists-${process.pid}@example.org`,
    role: "moderator",
    organizationId: organization.id,
  });
  const moderator: Actor = { kind: "token", userId: user.id, role: "moderator", organizationId: organization.id };
  const announcement = await createAnnouncement(moderator, {
    claimant: "Lista de prueba del benchmark",
    claimantKind: "government",
    statedOn: "2026-01-13",
    measure: "released",
    claimed: { qualifier: "exact", value: list.length },
    covers: { basis: "unspecified" },
  });

  const started = performance.now();
  const { importId } = await startNameListImport(
    moderator,
    announcement.id,
    { bytes: Buffer.from(text, "utf8"), type: "plain", fileName: "lista.txt" },
    { enqueue: false },
  );
  const stored = performance.now();
  const status = await processNameListImport(importId);
  const seconds = (performance.now() - started) / 1000;
  const done = await db().import.findUniqueOrThrow({ where: { id: importId }, select: { total: true, processed: true } });
  const byMethod = await db().announcedName.groupBy({ by: ["linkMethod"], where: { announcementId: announcement.id }, _count: true });
  const counts = Object.fromEntries(byMethod.map((row) => [row.linkMethod, row._count]));
  log(`  ${status}: ${done.processed}/${done.total} lines; read and stored in ${((stored - started) / 1000).toFixed(1)} s`);
  return {
    lines: list.length,
    seconds,
    summary:
      `${list.length} lines (${fromLabelled.length} labelled queries, ${drawn.length} people on record, ${strangers} strangers): ` +
      `${counts.automatic ?? 0} linked automatically, ${counts.pending ?? 0} to the matching queue; status ${status}.`,
  };
}
