/**
 * Appends many audit events at once, for the demo loader's ~2,000 records.
 *
 * recordAudit (lib/audit/mutations.ts) makes three round trips per event
 * (chain lock, last hash, insert), which for the whole demo takes far longer
 * than the few seconds a start-up may spend. Here the first event goes through
 * recordAudit itself, which takes the chain's transaction-scoped advisory lock
 * and keeps it until the transaction ends; the rest are chained in memory with
 * the same functions (lib/audit/chain.ts) and inserted in batches, in order,
 * so that the result is exactly what one recordAudit call per event would have
 * written, and verifyAuditChain() accepts it.
 *
 * (A candidate for lib/audit/mutations.ts; it lives here because the demo is
 * its only user so far.)
 */
import type { Prisma, Tx } from "../db/client.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit, type AuditInput } from "../audit/mutations.ts";
import { auditSnapshot, eventHash } from "../audit/chain.ts";

const BATCH = 500;

export async function recordAuditBatch(tx: Tx, actor: Actor, inputs: readonly AuditInput[]): Promise<void> {
  const [first, ...rest] = inputs;
  if (!first) return;
  // Takes the chain lock for the rest of the transaction: nobody else appends meanwhile.
  let { hash: prevHash } = await recordAudit(tx, actor, first);
  const rows: Prisma.AuditEventCreateManyInput[] = [];
  for (const input of rest) {
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
    const hash = eventHash(prevHash, content);
    rows.push({
      ...content,
      before: content.before === null ? undefined : (content.before as Prisma.InputJsonValue),
      after: content.after === null ? undefined : (content.after as Prisma.InputJsonValue),
      prevHash,
      hash,
    });
    prevHash = hash;
  }
  // One multi-row INSERT per batch: ids are drawn in row order, so the chain reads in order.
  for (let i = 0; i < rows.length; i += BATCH) await tx.auditEvent.createMany({ data: rows.slice(i, i + BATCH) });
}
