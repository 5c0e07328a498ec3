import type { Tx } from "../db/client.ts";
import type { Actor } from "../auth/actor.ts";
import { GENESIS_HASH, auditSnapshot, eventHash } from "./chain.ts";

// Any constant shared by every writer: the transaction-scoped advisory lock that
// makes appends to the chain one at a time, so two writers never share a prevHash.
const AUDIT_CHAIN_LOCK = 7_240_114;

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
  const prevHash = last?.hash ?? GENESIS_HASH;
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
  const created = await tx.auditEvent.create({
    data: {
      ...content,
      before: content.before === null ? undefined : (content.before as object),
      after: content.after === null ? undefined : (content.after as object),
      prevHash,
      hash,
    },
    select: { id: true, hash: true },
  });
  return created;
}
