/**
 * The review queue's first page and an approval, in bare SQL over `pg`: the
 * same statements, with the same text and parameters, that the app sends
 * through Prisma (captured from Prisma's query log and copied here; the
 * benchmark checks at each run that the two still agree), issued in the same
 * order and with the same concurrency, so that app ÷ bare measures what
 * Prisma and the app's code add on top of the database's own work.
 *
 * Results are assembled into the app's shapes with the app's own pure
 * functions (toQueueItem, decideReview, eventHash), so that both sides do the
 * same work and the benchmark can check that they return the same page.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { auditSnapshot, eventHash, GENESIS_HASH } from "../audit/chain.ts";
import { env } from "../env.ts";
import { toQueueItem, type QueuePage } from "../reviews/data.ts";
import { decideReview } from "../reviews/rule.ts";
import type { ReleaseStatus, ReviewDecision, Role } from "../generated/prisma/enums.ts";

// Same constant as lib/audit/mutations.ts (not exported there).
const AUDIT_CHAIN_LOCK = 7_240_114;

/** A pg pool that reads DATE columns as UTC midnight, as Prisma does. */
export function barePool(url: string, max = 10): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 1082 ? (value: string) => new Date(`${value}T00:00:00.000Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** Sends one statement, recording its text in `trace` when given. */
async function run<R extends pg.QueryResultRow>(db: Queryable, trace: string[] | undefined, text: string, values: unknown[] = []): Promise<R[]> {
  trace?.push(text);
  const result = await db.query<R>(text, values);
  return result.rows;
}

const list = (from: number, count: number) => Array.from({ length: count }, (_, i) => `$${from + i}`).join(",");
const T = (table: string) => `"public"."${table}"`;
const C = (table: string, column: string) => `"public"."${table}"."${column}"`;

// ───────────────────────────── the queue's first page ─────────────────────────────

export interface QueueFilter {
  facility?: string;
  evidenceKind?: string;
}

/** lib/reviews/data.ts queuePageIds, "waiting: mine", no cursor: the same text Prisma.sql builds. */
export function queueIdSql(viewerId: string, filter: QueueFilter, take: number): { text: string; values: unknown[] } {
  const values: unknown[] = [viewerId, viewerId];
  const conditions = [
    `r.status IN ('reported', 'disputed')`,
    `r."deletedAt" IS NULL`,
    `p."deletedAt" IS NULL`,
    // lib/reviews/data.ts waitingFor(): not reported by them, not decided by them in this round,
    // unless all they did was ask for evidence and evidence has come in since.
    `r."reportedById" IS DISTINCT FROM $1::uuid
    AND NOT EXISTS (
      SELECT 1 FROM "Review" v
      WHERE v."releaseId" = r.id AND v.round = r."reviewRound" AND v."reviewerId" = $2::uuid
        AND NOT (v.decision = 'request_evidence' AND EXISTS (
          SELECT 1 FROM "Evidence" e WHERE e."releaseId" = r.id AND e."deletedAt" IS NULL AND e."createdAt" > v."createdAt"))
    )`,
  ];
  if (filter.facility) {
    values.push(filter.facility);
    conditions.push(`r.facility = $${values.length}`);
  }
  if (filter.evidenceKind) {
    values.push(filter.evidenceKind);
    conditions.push(
      `EXISTS (SELECT 1 FROM "Evidence" e WHERE e."releaseId" = r.id AND e."deletedAt" IS NULL AND e.kind = $${values.length}::"EvidenceKind")`,
    );
  }
  values.push(take);
  const text = `
    SELECT r.id, r."createdAt"
    FROM "Release" r JOIN "Person" p ON p.id = r."personId"
    WHERE ${conditions.join(" AND ")}
    ORDER BY r."createdAt", r.id
    LIMIT $${values.length}`;
  return { text, values };
}

const RELEASE_COLUMNS = [
  C("Release", "id"), C("Release", "personId"), C("Release", "detentionId"), C("Release", "releasedOn"),
  `${C("Release", "releasedPrecision")}::text`, C("Release", "facility"), `${C("Release", "conditions")}::text`,
  C("Release", "conditionsDetail"), `${C("Release", "status")}::text`, C("Release", "statusReason"), C("Release", "reviewRound"),
  C("Release", "verifiedAt"), C("Release", "reportedById"), C("Release", "organizationId"), C("Release", "importId"),
  C("Release", "isDemo"), C("Release", "version"), C("Release", "createdAt"), C("Release", "updatedAt"), C("Release", "deletedAt"),
].join(", ");

/** `SELECT … FROM table WHERE key IN ($1…$n) OFFSET $n+1`, as Prisma loads a relation. */
function inQuery(table: string, columns: string[], key: string, count: number, extra: { where?: string; orderBy?: string } = {}): string {
  const select = columns.map((column) => (column.endsWith("::text") ? `${C(table, column.slice(0, -6))}::text` : C(table, column))).join(", ");
  const inList = `${C(table, key)} IN (${list(1, count)})`;
  const where = extra.where ? `(${extra.where} AND ${inList})` : inList;
  const orderBy = extra.orderBy ? ` ORDER BY ${C(table, extra.orderBy)} ASC` : "";
  return `SELECT ${select} FROM ${T(table)} WHERE ${where}${orderBy} OFFSET $${count + 1}`;
}

/** Loads rows whose `key` is among `keys` (nulls included, as Prisma sends them); none when there are no keys. */
async function loadIn<R extends pg.QueryResultRow>(
  db: Queryable,
  trace: string[] | undefined,
  table: string,
  columns: string[],
  key: string,
  keys: unknown[],
  extra?: { where?: string; orderBy?: string },
): Promise<R[]> {
  if (keys.length === 0) return [];
  return run<R>(db, trace, inQuery(table, columns, key, keys.length, extra), [...keys, "0"]);
}

type Row = Record<string, unknown>;

function groupBy(rows: Row[], key: string): Map<unknown, Row[]> {
  const map = new Map<unknown, Row[]>();
  for (const row of rows) {
    const group = map.get(row[key]);
    if (group) group.push(row);
    else map.set(row[key], [row]);
  }
  return map;
}

function indexBy(rows: Row[], key: string): Map<unknown, Row> {
  return new Map(rows.map((row) => [row[key], row]));
}

/**
 * reviewQueue(viewerId, {waiting: "mine", limit, …filter}) in bare SQL: the id
 * page, then the release rows, then their relations, children of one row
 * loaded concurrently as Prisma's query interpreter does.
 */
export async function bareQueuePage(pool: pg.Pool, viewerId: string, filter: QueueFilter, limit = 25, trace?: string[]): Promise<QueuePage> {
  const idQuery = queueIdSql(viewerId, filter, limit + 1);
  const rows = await run<{ id: string; createdAt: Date }>(pool, trace, idQuery.text, idQuery.values);
  const page = rows.slice(0, limit);
  const releases = await loadIn<Row>(pool, trace, "Release", [...RELEASE_COLUMNS_LIST], "id", page.map((row) => row.id));

  const [persons, organizations, reporters, evidence, reviews] = await Promise.all([
    (async () => {
      const people = await loadIn<Row>(
        pool, trace, "Person",
        ["id", "givenNames", "surnames", "otherSpellings", "cedula", "disclosure::text", "nationality", "birthYear", "homeState", "version", "organizationId"],
        "id", releases.map((release) => release.personId),
      );
      const orgs = indexBy(await loadIn<Row>(pool, trace, "Organization", ["id", "name"], "id", people.map((person) => person.organizationId)), "id");
      return indexBy(people.map((person) => ({ ...person, organization: { name: orgs.get(person.organizationId)?.name } })), "id");
    })(),
    (async () => indexBy(await loadIn<Row>(pool, trace, "Organization", ["id", "name"], "id", releases.map((release) => release.organizationId)), "id"))(),
    (async () => indexBy(await loadIn<Row>(pool, trace, "User", ["id", "name"], "id", releases.map((release) => release.reportedById)), "id"))(),
    (async () => {
      const items = await loadIn<Row>(
        pool, trace, "Evidence",
        ["id", "kind::text", "url", "description", "obtainedOn", "isPublic", "fileName", "createdAt", "fileSha256", "addedById", "releaseId"],
        "releaseId", releases.map((release) => release.id),
        { where: `${C("Evidence", "deletedAt")} IS NULL`, orderBy: "createdAt" },
      );
      const [files, adders] = await Promise.all([
        (async () => indexBy(await loadIn<Row>(pool, trace, "StoredFile", ["sha256", "contentType", "size"], "sha256", items.map((item) => item.fileSha256)), "sha256"))(),
        (async () => indexBy(await loadIn<Row>(pool, trace, "User", ["id", "name"], "id", items.map((item) => item.addedById)), "id"))(),
      ]);
      return groupBy(
        items.map(({ fileSha256, addedById, ...item }) => {
          const file = fileSha256 ? files.get(fileSha256) : undefined;
          const adder = addedById ? adders.get(addedById) : undefined;
          return {
            ...item,
            file: file ? { sha256: file.sha256, contentType: file.contentType, size: file.size } : null,
            addedBy: adder ? { name: adder.name } : null,
          };
        }),
        "releaseId",
      );
    })(),
    (async () => {
      const items = await loadIn<Row>(
        pool, trace, "Review",
        ["id", "round", "decision::text", "reason", "createdAt", "reviewerId", "releaseId"],
        "releaseId", releases.map((release) => release.id),
        { orderBy: "createdAt" },
      );
      const reviewers = indexBy(await loadIn<Row>(pool, trace, "User", ["id", "name"], "id", items.map((item) => item.reviewerId)), "id");
      return groupBy(
        items.map((item) => {
          const reviewer = reviewers.get(item.reviewerId);
          return { ...item, reviewer: { id: reviewer?.id, name: reviewer?.name } };
        }),
        "releaseId",
      );
    })(),
  ]);

  const byId = new Map(
    releases.map((release) => {
      const reporter = release.reportedById ? reporters.get(release.reportedById) : undefined;
      const organization = organizations.get(release.organizationId);
      const full = {
        ...release,
        person: persons.get(release.personId),
        organization: { id: organization?.id, name: organization?.name },
        reportedBy: reporter ? { id: reporter.id, name: reporter.name } : null,
        evidence: (evidence.get(release.id) ?? []).map(({ releaseId: _releaseId, ...item }) => item),
        reviews: (reviews.get(release.id) ?? []).map(({ releaseId: _releaseId, reviewerId: _reviewerId, ...item }) => item),
      };
      return [release.id, full] as const;
    }),
  );
  const items = page.flatMap((row) => {
    const release = byId.get(row.id);
    return release ? [toQueueItem(release as unknown as Parameters<typeof toQueueItem>[0])] : [];
  });
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url") : null,
  };
}

// The Release columns in the form inQuery takes (column names, "::text" for enums).
const RELEASE_COLUMNS_LIST = [
  "id", "personId", "detentionId", "releasedOn", "releasedPrecision::text", "facility", "conditions::text", "conditionsDetail",
  "status::text", "statusReason", "reviewRound", "verifiedAt", "reportedById", "organizationId", "importId", "isDemo", "version",
  "createdAt", "updatedAt", "deletedAt",
] as const;

// ───────────────────────────── an approval ─────────────────────────────

export interface BareReviewer {
  userId: string;
  role: Role;
}

const SQL = {
  // lib/reviews/mutations.ts: lock and read in one statement, then evidence and the round's decisions in another.
  lockAndRead: `
      SELECT r.id, r.status::text AS status, r."reportedById", r."reviewRound", r."deletedAt", p."deletedAt" AS "personDeletedAt"
      FROM "Release" r JOIN "Person" p ON p.id = r."personId"
      WHERE r.id = $1::uuid
      FOR UPDATE OF r`,
  state: `
      SELECT
        (SELECT count(*)::int FROM "Evidence" e WHERE e."releaseId" = $1::uuid AND e."deletedAt" IS NULL) AS "evidenceCount",
        (SELECT max(e."createdAt") FROM "Evidence" e WHERE e."releaseId" = $2::uuid AND e."deletedAt" IS NULL) AS "lastEvidenceAt",
        (SELECT json_agg(json_build_object('id', v.id, 'reviewerId', v."reviewerId", 'decision', v.decision, 'createdAt', v."createdAt"))
           FROM "Review" v WHERE v."releaseId" = $3::uuid AND v.round = $4) AS reviews`,
  insertReview: `INSERT INTO ${T("Review")} ("id","releaseId","reviewerId","round","decision","reason","createdAt") VALUES ($1,$2,$3,$4,CAST($5::text AS "public"."ReviewDecision"),$6,$7) RETURNING ${C("Review", "id")}`,
  updateRelease: `UPDATE ${T("Release")} SET "status" = CAST($1::text AS "public"."ReleaseStatus"), "statusReason" = $2, "verifiedAt" = $3, "version" = (${C("Release", "version")} + $4), "updatedAt" = $5 WHERE (${C("Release", "id")} = $6 AND 1=1) RETURNING ${RELEASE_COLUMNS}`,
  insertStatusChange: `INSERT INTO ${T("ReleaseStatusChange")} ("releaseId","fromStatus","toStatus","reason","changedAt","changedById") VALUES ($1,CAST($2::text AS "public"."ReleaseStatus"),CAST($3::text AS "public"."ReleaseStatus"),$4,$5,$6) RETURNING ${C("ReleaseStatusChange", "id")}, ${C("ReleaseStatusChange", "releaseId")}, ${C("ReleaseStatusChange", "fromStatus")}::text, ${C("ReleaseStatusChange", "toStatus")}::text, ${C("ReleaseStatusChange", "reason")}, ${C("ReleaseStatusChange", "changedAt")}, ${C("ReleaseStatusChange", "changedById")}`,
  auditLock: `SELECT pg_advisory_xact_lock($1)`,
  lastAudit: `SELECT ${C("AuditEvent", "id")}, ${C("AuditEvent", "hash")} FROM ${T("AuditEvent")} WHERE 1=1 ORDER BY ${C("AuditEvent", "id")} DESC LIMIT $1 OFFSET $2`,
  insertAudit: `INSERT INTO ${T("AuditEvent")} ("at","actorId","actorKind","action","entityType","entityId","before","after","prevHash","hash") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING ${C("AuditEvent", "id")}, ${C("AuditEvent", "hash")}`,
};

/**
 * reviewRelease(actor, releaseId, {decision: "approve"}) in bare SQL, one
 * transaction on one connection: row lock with the release's read, evidence
 * and the round's decisions, the rule, the review, the status change when the
 * approval verifies, the audit event under the chain's advisory lock. Returns
 * the release's status afterwards.
 */
export async function bareApprove(pool: pg.Pool, reviewer: BareReviewer, releaseId: string, trace?: string[]): Promise<{ status: ReleaseStatus; reviewId: string }> {
  const approvalsRequired = env.approvalsRequired();
  const client = await pool.connect();
  try {
    await run(client, trace, "BEGIN");
    const [release] = await run<{
      status: ReleaseStatus;
      reportedById: string | null;
      reviewRound: number;
      deletedAt: Date | null;
      personDeletedAt: Date | null;
    }>(client, trace, SQL.lockAndRead, [releaseId]);
    if (!release || release.deletedAt || release.personDeletedAt) throw new Error(`Release ${releaseId} not found`);
    const [state] = await run<{
      evidenceCount: number;
      lastEvidenceAt: Date | null;
      reviews: { id: string; reviewerId: string; decision: ReviewDecision; createdAt: string }[] | null;
    }>(client, trace, SQL.state, [releaseId, releaseId, releaseId, release.reviewRound]);
    const reviews = (state?.reviews ?? []).map((review) => ({ ...review, createdAt: new Date(review.createdAt) }));
    const outcome = decideReview(
      {
        status: release.status,
        reportedById: release.reportedById,
        evidenceCount: state?.evidenceCount ?? 0,
        lastEvidenceAt: state?.lastEvidenceAt ?? null,
        reviews: reviews.map((review) => ({ reviewerId: review.reviewerId, decision: review.decision, decidedAt: review.createdAt })),
        approvalsRequired,
      },
      { id: reviewer.userId, role: reviewer.role },
      { decision: "approve" },
    );
    if (!outcome.ok) throw new Error(`Approval refused: ${outcome.refusal}`);

    const reviewId = uuidv7();
    await run(client, trace, SQL.insertReview, [reviewId, releaseId, reviewer.userId, release.reviewRound, "approve", null, new Date()]);
    if (outcome.status !== release.status) {
      await run(client, trace, SQL.updateRelease, [outcome.status, null, outcome.status === "verified" ? new Date() : null, 1, new Date(), releaseId]);
      await run(client, trace, SQL.insertStatusChange, [releaseId, release.status, outcome.status, null, new Date(), reviewer.userId]);
    }
    await run(client, trace, SQL.auditLock, [AUDIT_CHAIN_LOCK]);
    const [last] = await run<{ hash: string }>(client, trace, SQL.lastAudit, ["1", "0"]);
    const content = {
      at: new Date(),
      actorId: reviewer.userId,
      actorKind: "user",
      action: "review.approve",
      entityType: "Release",
      entityId: releaseId,
      before: auditSnapshot({ status: release.status }),
      after: auditSnapshot({
        status: outcome.status,
        decision: "approve",
        reason: null,
        round: release.reviewRound,
        approvals: outcome.approvals,
        approvalsRequired,
      }),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await run(client, trace, SQL.insertAudit, [
      content.at, content.actorId, content.actorKind, content.action, content.entityType, content.entityId,
      JSON.stringify(content.before), JSON.stringify(content.after), prevHash, eventHash(prevHash, content),
    ]);
    await run(client, trace, "COMMIT");
    return { status: outcome.status, reviewId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A version 7 UUID (time-ordered), as Prisma's @default(uuid(7)) makes them. */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  const ms = Date.now();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
