import type { Actor } from "../auth/actor.ts";
import { can } from "../auth/policy.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db, type Prisma, type Tx } from "../db/client.ts";
import { errors } from "../errors.ts";
import { insertPerson } from "../persons/mutations.ts";
import { parseCedula } from "../search/normalize.ts";
import { decidedLine } from "./data.ts";
import type { Candidate } from "./decide.ts";
import { splitPrintedName } from "./printed-name.ts";
import type { DecidedLine, DecisionInput, LinkMethod } from "./schema.ts";

/**
 * A moderator's decision on a line of a name list (the matching queue):
 *
 * - confirm: the line is this person (a candidate, or anyone found by search);
 * - reject: nobody on record is this name ("announced, not seen");
 * - create: a new person is recorded from the printed name and linked;
 * - undo: back to the queue, from any decided state (an automatic link too).
 *
 * Each is one transaction with its audit event (which also tells the tally's
 * cache to recompute), and sets who decided and when (the tally reads a
 * moderator's link from `decidedAt`, an automatic one from `createdAt`). The
 * update's own WHERE holds the state the moderator saw: of two decisions on
 * one line, the second finds it changed and gets 409.
 */
export async function decideName(actor: Actor, lineId: string, input: DecisionInput): Promise<DecidedLine> {
  if (!can(actor, "names.match")) throw errors.forbidden();
  await db().$transaction(async (tx) => {
    const line = await tx.announcedName.findUnique({
      where: { id: lineId },
      select: {
        id: true,
        announcementId: true,
        nameAsPrinted: true,
        identifierAsPrinted: true,
        linkMethod: true,
        personId: true,
        matchKind: true,
        matchScore: true,
        suggestedPersonId: true,
        candidates: true,
        announcement: { select: { deletedAt: true } },
      },
    });
    if (!line || line.announcement.deletedAt) throw errors.notFound("Name-list line");
    const expected: LinkMethod = input.action === "undo" ? input.expected : "pending";
    if (line.linkMethod !== expected) throw changed(line.linkMethod);
    if (input.action === "undo" && line.linkMethod === "pending") throw changed(line.linkMethod);

    const decidedAt = new Date();
    const decided = { decidedById: actor.userId, decidedAt };
    const before = { linkMethod: line.linkMethod, personId: line.personId };
    let after: Record<string, unknown>;

    switch (input.action) {
      case "confirm": {
        const personId = await livePersonId(tx, input.personId);
        await guardedUpdate(tx, lineId, expected, { linkMethod: "confirmed", personId, ...decided });
        after = { linkMethod: "confirmed", personId };
        break;
      }
      case "reject": {
        await guardedUpdate(tx, lineId, expected, { linkMethod: "rejected", personId: null, ...decided });
        after = { linkMethod: "rejected", personId: null };
        break;
      }
      case "create": {
        // The line is claimed first: a concurrent decision waits on its row, then finds it decided.
        await guardedUpdate(tx, lineId, expected, { linkMethod: "created", ...decided });
        if (!actor.organizationId) throw errors.invalidInput("Say which organization the person is recorded for.");
        const printedCedula = line.identifierAsPrinted ? parseCedula(line.identifierAsPrinted.replace(/,/g, ".")) : null;
        const split = splitPrintedName(line.nameAsPrinted);
        const person = await insertPerson(
          tx,
          actor,
          {
            givenNames: input.person?.givenNames ?? split.givenNames,
            surnames: input.person?.surnames ?? split.surnames,
            cedula: input.person?.cedula ?? (printedCedula ? line.identifierAsPrinted!.replace(/,/g, ".") : undefined),
            disclosure: input.person?.disclosure,
          },
          actor.organizationId,
        );
        await tx.announcedName.update({ where: { id: lineId }, data: { personId: person.id } });
        after = { linkMethod: "created", personId: person.id };
        break;
      }
      case "undo": {
        // Back to the queue, with the person it was linked to offered first.
        const candidates = storedCandidates(line.candidates);
        if (line.personId && !candidates.some((candidate) => candidate.personId === line.personId)) {
          candidates.unshift({ personId: line.personId, match: line.matchKind === "close" || line.matchKind === "partial" ? line.matchKind : "exact", score: line.matchScore ?? 1 });
        }
        await guardedUpdate(tx, lineId, expected, {
          linkMethod: "pending",
          personId: null,
          suggestedPersonId: line.personId ?? line.suggestedPersonId,
          candidates: candidates.slice(0, 6) as unknown as Prisma.InputJsonValue,
          ...decided,
        });
        after = { linkMethod: "pending", personId: null };
        break;
      }
    }
    await recordAudit(tx, actor, {
      action: `names.${input.action}`,
      entityType: "AnnouncedName",
      entityId: lineId,
      before,
      after: { ...after, announcementId: line.announcementId },
    });
  });
  const result = await decidedLine(lineId);
  if (!result) throw errors.notFound("Name-list line");
  return result;
}

function changed(current: LinkMethod) {
  return errors.conflict(
    current === "pending" ? "This line is back in the queue: reload it." : `Someone already decided this line (${current}).`,
    { current },
  );
}

async function guardedUpdate(tx: Tx, lineId: string, expected: LinkMethod, data: Prisma.AnnouncedNameUncheckedUpdateManyInput): Promise<void> {
  const updated = await tx.announcedName.updateMany({ where: { id: lineId, linkMethod: expected }, data });
  if (updated.count !== 1) {
    const current = await tx.announcedName.findUnique({ where: { id: lineId }, select: { linkMethod: true } });
    throw changed(current?.linkMethod ?? expected);
  }
}

/** The person a line is confirmed as: merged records lead to the person they were merged into; deleted ones are refused. */
async function livePersonId(tx: Tx, personId: string): Promise<string> {
  let id = personId;
  for (let hops = 0; hops < 5; hops++) {
    const person = await tx.person.findUnique({ where: { id }, select: { id: true, deletedAt: true, mergedIntoId: true } });
    if (!person) throw errors.unprocessable("No person on record has this id.");
    if (person.mergedIntoId) {
      id = person.mergedIntoId;
      continue;
    }
    if (person.deletedAt) throw errors.unprocessable("This person's record was deleted: choose another, or create a new person.");
    return person.id;
  }
  throw errors.unprocessable("This person's record was merged too many times over: open it and choose the current one.");
}

function storedCandidates(value: unknown): Candidate[] {
  return Array.isArray(value) ? (value as Candidate[]).filter((item) => typeof item?.personId === "string") : [];
}
