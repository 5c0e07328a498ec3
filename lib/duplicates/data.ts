import { db } from "../db/client.ts";
import type { DuplicateEntry, DuplicateQueue, DuplicateQueueQuery } from "./schema.ts";

/**
 * The merge queue as moderators see it (internal: full names and cédulas).
 * An entry whose two records have meanwhile become one (merged by hand, or
 * one of them merged into the other) is no longer waiting and is left out.
 */
const SIDE = {
  id: true,
  givenNames: true,
  surnames: true,
  cedula: true,
  externalRef: true,
  birthYear: true,
  mergedIntoId: true,
  deletedAt: true,
  organization: { select: { name: true } },
  _count: { select: { releases: { where: { deletedAt: null } } } },
} as const;

export async function duplicateQueue(query: DuplicateQueueQuery): Promise<DuplicateQueue> {
  const where = { status: "open" as const, ...(query.importId ? { importId: query.importId } : {}) };
  const [rows, open] = await Promise.all([
    db().duplicateCandidate.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: query.limit ?? 50,
      include: { person: { select: SIDE }, existing: { select: SIDE }, import: { select: { fileName: true } } },
    }),
    db().duplicateCandidate.count({ where }),
  ]);
  const entries: DuplicateEntry[] = [];
  for (const row of rows) {
    const imported = row.person;
    const existing = row.existing;
    const settled =
      imported.deletedAt !== null ||
      existing.deletedAt !== null ||
      (imported.mergedIntoId ?? imported.id) === (existing.mergedIntoId ?? existing.id);
    if (settled) continue;
    entries.push({
      id: row.id,
      reason: row.reason,
      heldCedula: row.cedula,
      importId: row.importId,
      importFileName: row.import?.fileName ?? null,
      row: row.rowNumber,
      createdAt: row.createdAt.toISOString(),
      imported: sideOf(imported),
      existing: sideOf(existing),
    });
  }
  return { entries, open };
}

function sideOf(person: {
  id: string;
  givenNames: string;
  surnames: string;
  cedula: string | null;
  externalRef: string | null;
  birthYear: number | null;
  mergedIntoId: string | null;
  organization: { name: string };
  _count: { releases: number };
}) {
  return {
    // A record merged since points the moderator at the record it became.
    id: person.mergedIntoId ?? person.id,
    name: `${person.givenNames} ${person.surnames}`,
    cedula: person.cedula,
    organization: person.organization.name,
    externalRef: person.externalRef,
    birthYear: person.birthYear,
    releases: person._count.releases,
  };
}
