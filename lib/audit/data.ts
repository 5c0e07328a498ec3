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
