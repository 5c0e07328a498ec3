import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db } from "../db/client.ts";
import { errors } from "../errors.ts";

/**
 * A moderator says the two records of a merge-queue entry are different
 * people. (Saying they are one is merging them: lib/persons mergePersons
 * settles the entry.) A cédula held by the entry stays off the imported
 * record: a cédula is one person's, so one of the two sources has it wrong.
 */
export async function dismissDuplicate(actor: Actor, entryId: string): Promise<{ id: string; status: "dismissed" }> {
  return db().$transaction(async (tx) => {
    const entry = await tx.duplicateCandidate.findUnique({ where: { id: entryId }, select: { id: true, status: true, personId: true, existingId: true, cedula: true } });
    if (!entry) throw errors.notFound("Merge-queue entry");
    const changed = await tx.duplicateCandidate.updateMany({
      where: { id: entryId, status: "open" },
      data: { status: "dismissed", decidedById: actor.userId, decidedAt: new Date() },
    });
    if (changed.count !== 1) throw errors.conflict(`This entry was already settled (${entry.status}).`);
    await recordAudit(tx, actor, {
      action: "duplicate.dismiss",
      entityType: "Person",
      entityId: entry.personId,
      before: { duplicateOf: entry.existingId, status: "open" },
      after: { duplicateOf: entry.existingId, status: "dismissed", heldCedula: entry.cedula },
    });
    return { id: entry.id, status: "dismissed" as const };
  });
}
