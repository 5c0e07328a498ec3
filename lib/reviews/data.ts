import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { errors } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { fullName } from "../persons/public.ts";
import { releaseDateText } from "../releases/schema.ts";
import { countApprovals } from "./rule.ts";
import type { QueueQuery } from "./schema.ts";

/**
 * The review queue (moderators): releases waiting for a decision, oldest
 * first, one page at a time with a keyset cursor (stable while others
 * decide, and as fast on page 500 as on page 1).
 */

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw errors.invalidInput("The cursor is not valid.");
  return { createdAt, id };
}

/**
 * "Waiting for this reviewer": not reported by them, and not decided by them
 * in the current round — unless all they did was ask for evidence and
 * evidence has come in since (lib/reviews/rule.ts lets them decide again).
 */
function waitingFor(viewerId: string): Prisma.Sql {
  return Prisma.sql`r."reportedById" IS DISTINCT FROM ${viewerId}::uuid
    AND NOT EXISTS (
      SELECT 1 FROM "Review" v
      WHERE v."releaseId" = r.id AND v.round = r."reviewRound" AND v."reviewerId" = ${viewerId}::uuid
        AND NOT (v.decision = 'request_evidence' AND EXISTS (
          SELECT 1 FROM "Evidence" e WHERE e."releaseId" = r.id AND e."deletedAt" IS NULL AND e."createdAt" > v."createdAt"))
    )`;
}

/**
 * The ids of one page, in queue order. Raw SQL because the "waiting for me"
 * condition compares each review's round with its release's current round
 * (a correlated condition Prisma's filters cannot express) and because the
 * keyset comparison on (createdAt, id) must be a row comparison to use the
 * (status, createdAt) index.
 */
async function queuePageIds(viewerId: string, query: QueueQuery, take: number) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`r.status IN ('reported', 'disputed')`,
    Prisma.sql`r."deletedAt" IS NULL`,
    Prisma.sql`p."deletedAt" IS NULL`,
  ];
  if (query.waiting === "mine") conditions.push(waitingFor(viewerId));
  if (query.organizationId) conditions.push(Prisma.sql`r."organizationId" = ${query.organizationId}::uuid`);
  if (query.importId) conditions.push(Prisma.sql`r."importId" = ${query.importId}::uuid`);
  if (query.facility) conditions.push(Prisma.sql`r.facility = ${query.facility}`);
  if (query.releasedFrom) conditions.push(Prisma.sql`r."releasedOn" >= ${query.releasedFrom}::date`);
  if (query.releasedTo) conditions.push(Prisma.sql`r."releasedOn" <= ${query.releasedTo}::date`);
  if (query.evidenceKind === "none") {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Evidence" e WHERE e."releaseId" = r.id AND e."deletedAt" IS NULL)`);
  } else if (query.evidenceKind) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Evidence" e WHERE e."releaseId" = r.id AND e."deletedAt" IS NULL AND e.kind = ${query.evidenceKind}::"EvidenceKind")`,
    );
  }
  if (after) conditions.push(Prisma.sql`(r."createdAt", r.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  return db().$queryRaw<{ id: string; createdAt: Date }[]>`
    SELECT r.id, r."createdAt"
    FROM "Release" r JOIN "Person" p ON p.id = r."personId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY r."createdAt", r.id
    LIMIT ${take}`;
}

const itemInclude = {
  person: {
    select: {
      id: true,
      givenNames: true,
      surnames: true,
      otherSpellings: true,
      cedula: true,
      disclosure: true,
      nationality: true,
      birthYear: true,
      homeState: true,
      version: true,
      organization: { select: { name: true } },
    },
  },
  organization: { select: { id: true, name: true } },
  reportedBy: { select: { id: true, name: true } },
  evidence: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      url: true,
      description: true,
      obtainedOn: true,
      isPublic: true,
      fileName: true,
      createdAt: true,
      file: { select: { sha256: true, contentType: true, size: true } },
      addedBy: { select: { name: true } },
    },
  },
  reviews: {
    orderBy: { createdAt: "asc" },
    select: { id: true, round: true, decision: true, reason: true, createdAt: true, reviewer: { select: { id: true, name: true } } },
  },
} satisfies Prisma.ReleaseInclude;

type ReleaseWithItem = Prisma.ReleaseGetPayload<{ include: typeof itemInclude }>;

export interface QueueItem {
  id: string;
  status: "reported" | "disputed" | "verified" | "rejected" | "retracted";
  statusReason: string | null;
  version: number;
  reviewRound: number;
  createdAt: string;
  releasedOn: string | null;
  facility: string | null;
  conditions: string;
  conditionsDetail: string | null;
  organization: { id: string; name: string };
  reportedBy: { id: string; name: string } | null;
  /** The import (spreadsheet) that created the release; null when it was recorded by hand. */
  import: ImportOrigin | null;
  person: {
    id: string;
    name: string;
    otherSpellings: string[];
    cedula: string | null;
    disclosure: string;
    nationality: string;
    birthYear: number | null;
    homeState: string | null;
    organizationName: string;
  };
  evidence: {
    id: string;
    kind: string;
    url: string | null;
    description: string;
    obtainedOn: string | null;
    isPublic: boolean;
    fileName: string | null;
    file: { sha256: string; contentType: string; size: number } | null;
    addedBy: string | null;
    createdAt: string;
  }[];
  /** Decisions of the current round, oldest first. */
  reviews: { id: string; reviewerId: string; reviewerName: string; decision: string; reason: string | null; at: string }[];
  /** Decisions of earlier rounds (before a dispute or a reopening). */
  earlierReviews: number;
  approvals: number;
  approvalsRequired: number;
}

/** Where an imported release came from, as the queue shows it. */
export interface ImportOrigin {
  id: string;
  fileName: string | null;
  createdAt: string;
}

export function toQueueItem(release: ReleaseWithItem, imports: ReadonlyMap<string, ImportOrigin> = new Map()): QueueItem {
  const current = release.reviews.filter((review) => review.round === release.reviewRound);
  return {
    id: release.id,
    status: release.status,
    statusReason: release.statusReason,
    version: release.version,
    reviewRound: release.reviewRound,
    createdAt: release.createdAt.toISOString(),
    releasedOn: releaseDateText(release.releasedOn, release.releasedPrecision),
    facility: release.facility,
    conditions: release.conditions,
    conditionsDetail: release.conditionsDetail,
    organization: release.organization,
    reportedBy: release.reportedBy,
    import: release.importId ? (imports.get(release.importId) ?? null) : null,
    person: {
      id: release.person.id,
      name: fullName(release.person.givenNames, release.person.surnames),
      otherSpellings: release.person.otherSpellings,
      cedula: release.person.cedula,
      disclosure: release.person.disclosure,
      nationality: release.person.nationality,
      birthYear: release.person.birthYear,
      homeState: release.person.homeState,
      organizationName: release.person.organization.name,
    },
    evidence: release.evidence.map((item) => ({
      id: item.id,
      kind: item.kind,
      url: item.url,
      description: item.description,
      obtainedOn: item.obtainedOn ? item.obtainedOn.toISOString().slice(0, 10) : null,
      isPublic: item.isPublic,
      fileName: item.fileName,
      file: item.file,
      addedBy: item.addedBy?.name ?? null,
      createdAt: item.createdAt.toISOString(),
    })),
    reviews: current.map((review) => ({
      id: review.id,
      reviewerId: review.reviewer.id,
      reviewerName: review.reviewer.name,
      decision: review.decision,
      reason: review.reason,
      at: review.createdAt.toISOString(),
    })),
    earlierReviews: release.reviews.length - current.length,
    approvals: countApprovals({
      reportedById: release.reportedById,
      reviews: current.map((review) => ({ reviewerId: review.reviewer.id, decision: review.decision, decidedAt: review.createdAt })),
    }),
    approvalsRequired: env.approvalsRequired(),
  };
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

/**
 * The imports these releases came from. A separate read, made only when some
 * release of the page was imported, so that a queue of hand-recorded releases
 * sends the same statements as before (bench:review compares them).
 */
async function importOrigins(releases: readonly { importId: string | null }[]): Promise<Map<string, ImportOrigin>> {
  const ids = [...new Set(releases.flatMap((release) => (release.importId ? [release.importId] : [])))];
  if (ids.length === 0) return new Map();
  const imports = await db().import.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true, createdAt: true } });
  return new Map(imports.map((row) => [row.id, { id: row.id, fileName: row.fileName, createdAt: row.createdAt.toISOString() }]));
}

/** One import as the queue's "from this import" heading names it, or null. */
export async function importOrigin(importId: string): Promise<ImportOrigin | null> {
  const row = await db().import.findUnique({ where: { id: importId }, select: { id: true, fileName: true, createdAt: true } });
  return row ? { id: row.id, fileName: row.fileName, createdAt: row.createdAt.toISOString() } : null;
}

export async function reviewQueue(viewerId: string, query: QueueQuery): Promise<QueuePage> {
  const rows = await queuePageIds(viewerId, query, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const releases = await db().release.findMany({ where: { id: { in: page.map((row) => row.id) } }, include: itemInclude });
  const byId = new Map(releases.map((release) => [release.id, release]));
  const imports = await importOrigins(releases);
  const items = page.flatMap((row) => {
    const release = byId.get(row.id);
    return release ? [toQueueItem(release, imports)] : [];
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** One release as the queue shows it (any status), or null. */
export async function reviewItem(releaseId: string): Promise<QueueItem | null> {
  const release = await db().release.findFirst({ where: { id: releaseId, deletedAt: null }, include: itemInclude });
  return release ? toQueueItem(release, await importOrigins([release])) : null;
}

/**
 * "The release's person is not deleted", written so that PostgreSQL checks it
 * against the few deleted persons (Person_deleted_idx) instead of joining all
 * persons: the counts below read every waiting release.
 */
const personLive = Prisma.sql`NOT EXISTS (SELECT 1 FROM "Person" dp WHERE dp.id = r."personId" AND dp."deletedAt" IS NOT NULL)`;
/** The releases under review, as Release_review_queue_idx holds them. */
const underReview = Prisma.sql`r.status IN ('reported', 'disputed') AND r."deletedAt" IS NULL AND ${personLive}`;

/**
 * What the queue's filters offer: organizations and facilities with releases
 * under review, and how many wait. Raw SQL so that the literal status list
 * matches the partial queue index (Prisma sends it as a cast parameter).
 */
export async function queueFacets() {
  const [organizations, facilities, waiting] = await Promise.all([
    db().$queryRaw<{ id: string; name: string }[]>`
      SELECT o.id, o.name FROM "Organization" o
      WHERE o."deletedAt" IS NULL AND EXISTS (SELECT 1 FROM "Release" r WHERE r."organizationId" = o.id AND ${underReview})
      ORDER BY o.name`,
    db().$queryRaw<{ facility: string }[]>`
      SELECT DISTINCT r.facility FROM "Release" r WHERE ${underReview} AND r.facility IS NOT NULL ORDER BY r.facility`,
    db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Release" r WHERE ${underReview}`,
  ]);
  return {
    organizations,
    facilities: facilities.map((row) => row.facility).filter(Boolean),
    waiting: waiting[0]?.count ?? 0,
  };
}

/**
 * How many releases wait for this reviewer's decision: the "mine" queue
 * without filters (under review, not reported by them, not decided by them
 * in the current round). Raw SQL for the same correlated round condition as
 * the queue itself.
 */
export async function waitingForReviewer(viewerId: string): Promise<number> {
  const rows = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count
    FROM "Release" r
    WHERE ${underReview} AND ${waitingFor(viewerId)}`;
  return Number(rows[0]?.count ?? 0);
}
