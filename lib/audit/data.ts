import { db } from "../db/client.ts";
import { GENESIS_HASH, verifyChain, type ChainCheck, type StoredEvent } from "./chain.ts";

const BATCH = 2000;

/** Walks the whole audit chain in id order, in batches, and reports the first broken link. */
export async function verifyAuditChain(): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let counted = 0;
  let afterId: bigint | null = null;
  for (;;) {
    const batch: StoredEvent[] = await db().auditEvent.findMany({
      where: afterId === null ? {} : { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return { ok: true, events: counted };
    const check = verifyChain(batch, prevHash, counted);
    if (!check.ok) return check;
    counted = check.events;
    const last: StoredEvent = batch[batch.length - 1]!;
    prevHash = last.hash;
    afterId = last.id;
  }
}

/** The events about one record, oldest first: what history pages show. */
export async function auditEventsFor(entityType: string, entityId: string) {
  return db().auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: { id: "asc" },
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
}

/** The latest events, newest first, for the audit page (moderators and admins). */
export async function recentAuditEvents(limit: number, beforeId?: bigint) {
  return db().auditEvent.findMany({
    where: beforeId === undefined ? {} : { id: { lt: beforeId } },
    orderBy: { id: "desc" },
    take: Math.min(Math.max(limit, 1), 200),
    select: {
      id: true,
      at: true,
      actorKind: true,
      action: true,
      entityType: true,
      entityId: true,
      actor: { select: { name: true, email: true } },
    },
  });
}

// ───────────────────────────── history pages ─────────────────────────────

/** One event as a history page shows it. */
export interface HistoryEvent {
  id: bigint;
  at: Date;
  actorKind: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** What the event is about, within the history being shown. */
  source:
    | { kind: "person" }
    | { kind: "merged"; personId: string; name: string }
    | { kind: "release"; releaseId: string; releasedOn: Date | null; releasedPrecision: "day" | "month" | "unknown" };
}

export interface HistoryPage {
  events: HistoryEvent[];
  /** Names of the persons the events may mention by id (the person, records merged into it), for display. */
  names: Record<string, string>;
  /** Pass as `beforeId` for the next (older) page; null when there is none. */
  nextBeforeId: bigint | null;
}

export const HISTORY_PAGE_SIZE = 50;

interface HistoryScope {
  persons: { id: string; merged: boolean; name: string }[];
  /** Persons the events mention without being about them (a release's person). */
  mentioned?: { id: string; name: string }[];
  releases: { id: string; releasedOn: Date | null; releasedPrecision: "day" | "month" | "unknown"; evidenceIds: string[]; reviewIds: string[] }[];
}

/**
 * The events of a set of records, newest first. Records written by the app
 * are filed as "Person"/"Release" (evidence and reviews under their release);
 * the demo loader files them in lower case, and its evidence and reviews under
 * their own ids: both are read.
 */
async function historyOf(scope: HistoryScope, options: { limit?: number; beforeId?: bigint }): Promise<HistoryPage> {
  const limit = Math.min(Math.max(options.limit ?? HISTORY_PAGE_SIZE, 1), 200);
  const personIds = scope.persons.map((person) => person.id);
  const releaseIds = scope.releases.map((release) => release.id);
  const evidenceIds = scope.releases.flatMap((release) => release.evidenceIds);
  const reviewIds = scope.releases.flatMap((release) => release.reviewIds);
  const rows = await db().auditEvent.findMany({
    where: {
      ...(options.beforeId === undefined ? {} : { id: { lt: options.beforeId } }),
      OR: [
        { entityType: { in: ["Person", "person"] }, entityId: { in: personIds } },
        ...(releaseIds.length > 0 ? [{ entityType: { in: ["Release", "release"] }, entityId: { in: releaseIds } }] : []),
        ...(evidenceIds.length > 0 ? [{ entityType: "evidence", entityId: { in: evidenceIds } }] : []),
        ...(reviewIds.length > 0 ? [{ entityType: "review", entityId: { in: reviewIds } }] : []),
      ],
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { actor: { select: { name: true } } },
  });
  const persons = new Map(scope.persons.map((person) => [person.id, person]));
  const releaseOf = new Map<string, HistoryScope["releases"][number]>();
  for (const release of scope.releases) {
    releaseOf.set(release.id, release);
    for (const id of [...release.evidenceIds, ...release.reviewIds]) releaseOf.set(id, release);
  }
  const events = rows.slice(0, limit).map((row): HistoryEvent => {
    const person = persons.get(row.entityId);
    const release = releaseOf.get(row.entityId);
    const source: HistoryEvent["source"] =
      person && /^person$/i.test(row.entityType)
        ? person.merged
          ? { kind: "merged", personId: person.id, name: person.name }
          : { kind: "person" }
        : release
          ? { kind: "release", releaseId: release.id, releasedOn: release.releasedOn, releasedPrecision: release.releasedPrecision }
          : { kind: "person" };
    return {
      id: row.id,
      at: row.at,
      actorKind: row.actorKind,
      actorName: row.actor?.name ?? null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      source,
    };
  });
  const names = Object.fromEntries([...scope.persons, ...(scope.mentioned ?? [])].map((person) => [person.id, person.name]));
  return { events, names, nextBeforeId: rows.length > limit ? events[events.length - 1]!.id : null };
}

const releaseScopeSelect = {
  id: true,
  releasedOn: true,
  releasedPrecision: true,
  evidence: { select: { id: true } },
  reviews: { select: { id: true } },
} as const;

const toReleaseScope = (release: {
  id: string;
  releasedOn: Date | null;
  releasedPrecision: "day" | "month" | "unknown";
  evidence: { id: string }[];
  reviews: { id: string }[];
}) => ({
  id: release.id,
  releasedOn: release.releasedOn,
  releasedPrecision: release.releasedPrecision,
  evidenceIds: release.evidence.map((item) => item.id),
  reviewIds: release.reviews.map((review) => review.id),
});

const nameOf = (person: { givenNames: string; surnames: string }) => `${person.givenNames} ${person.surnames}`.replace(/\s+/g, " ").trim();

/**
 * A person's history (signed-in users): the person's own events, those of
 * every record merged into it, and those of its releases (their evidence and
 * reviews included, deleted releases too). Null when there is no such person.
 */
export async function personHistory(personId: string, options: { limit?: number; beforeId?: bigint } = {}) {
  const person = await db().person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      givenNames: true,
      surnames: true,
      deletedAt: true,
      mergedIntoId: true,
      mergedFrom: { select: { id: true, givenNames: true, surnames: true } },
      releases: { select: releaseScopeSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!person) return null;
  const page = await historyOf(
    {
      persons: [
        { id: person.id, merged: false, name: nameOf(person) },
        ...person.mergedFrom.map((merged) => ({ id: merged.id, merged: true, name: nameOf(merged) })),
      ],
      releases: person.releases.map(toReleaseScope),
    },
    options,
  );
  return {
    person: { id: person.id, name: nameOf(person), deletedAt: person.deletedAt, mergedIntoId: person.mergedIntoId },
    ...page,
  };
}

/** One release's history (its evidence and reviews included). Null when there is no such release. */
export async function releaseHistory(releaseId: string, options: { limit?: number; beforeId?: bigint } = {}) {
  const release = await db().release.findUnique({
    where: { id: releaseId },
    select: {
      ...releaseScopeSelect,
      status: true,
      deletedAt: true,
      person: { select: { id: true, givenNames: true, surnames: true, deletedAt: true } },
    },
  });
  if (!release) return null;
  const page = await historyOf(
    {
      persons: [],
      mentioned: [{ id: release.person.id, name: nameOf(release.person) }],
      releases: [toReleaseScope(release)],
    },
    options,
  );
  return {
    release: {
      id: release.id,
      status: release.status,
      releasedOn: release.releasedOn,
      releasedPrecision: release.releasedPrecision,
      deletedAt: release.deletedAt,
      person: { id: release.person.id, name: nameOf(release.person), deletedAt: release.person.deletedAt },
    },
    ...page,
  };
}

/**
 * The id of the newest audit event: every change that can move a public
 * figure writes one in its own transaction, so this names "the state of the
 * record" for caches (lib/tally/cache.ts). One index lookup.
 */
export async function newestAuditEventId(): Promise<bigint> {
  const row = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}
