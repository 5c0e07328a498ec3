import type { Prisma, Tx } from "../db/client.ts";
import type { Actor } from "../auth/actor.ts";
import { GENESIS_HASH, auditSnapshot, eventHash } from "./chain.ts";

// Any constant shared by every writer: the transaction-scoped advisory lock that
// makes appends to the chain one at a time, so two writers never share a prevHash.
const AUDIT_CHAIN_LOCK = 7_240_114;
const BATCH = 2000;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event to the audit chain. Call it inside the transaction that
 * makes the change, so that the change and its record commit or fail together.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<{ id: bigint; hash: string }> {
  // Raw SQL because Prisma has no API for advisory locks.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  return tx.auditEvent.create({ data: chainedEvent(last?.hash ?? GENESIS_HASH, actor, input), select: { id: true, hash: true } });
}

/**
 * Appends many events at once (bulk loads such as the demo): exactly what one
 * recordAudit call per event would write, in far fewer round trips. The first
 * event takes the chain lock for the rest of the transaction; the others are
 * chained in memory and inserted in ordered batches.
 */
export async function recordAuditBatch(tx: Tx, actor: Actor, inputs: readonly AuditInput[]): Promise<void> {
  const [first, ...rest] = inputs;
  if (!first) return;
  let { hash: prevHash } = await recordAudit(tx, actor, first);
  const rows: ReturnType<typeof chainedEvent>[] = [];
  for (const input of rest) {
    const row = chainedEvent(prevHash, actor, input);
    rows.push(row);
    prevHash = row.hash;
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = JSON.stringify(rows.slice(i, i + BATCH));
    // Raw SQL: Prisma's createMany sends each value as its own parameter, and spent most of an
    // import's time here (BENCHMARKS.md, bench:import); one JSON parameter expanded in the
    // database is one statement. WITH ORDINALITY and ORDER BY: ids are drawn in row order,
    // so the chain reads in order.
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" (at, "actorId", "actorKind", action, "entityType", "entityId", before, after, "prevHash", hash)
      SELECT at, "actorId", "actorKind", action, "entityType", "entityId", before, after, "prevHash", hash
      FROM ROWS FROM (jsonb_to_recordset(${chunk}::jsonb) AS (
        at timestamptz, "actorId" uuid, "actorKind" text, action text, "entityType" text, "entityId" text,
        before jsonb, after jsonb, "prevHash" text, hash text)) WITH ORDINALITY AS r(
        at, "actorId", "actorKind", action, "entityType", "entityId", before, after, "prevHash", hash, ord)
      ORDER BY ord`;
  }
}

function chainedEvent(prevHash: string, actor: Actor, input: AuditInput) {
  const content = {
    at: new Date(),
    actorId: actor.userId,
    actorKind: actor.kind,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: auditSnapshot(input.before),
    after: auditSnapshot(input.after),
  };
  return {
    ...content,
    // SQL NULL, not JSON null, for "nothing before/after": both read back as null.
    before: content.before === null ? undefined : (content.before as Prisma.InputJsonValue),
    after: content.after === null ? undefined : (content.after as Prisma.InputJsonValue),
    prevHash,
    hash: eventHash(prevHash, content),
  };
}
