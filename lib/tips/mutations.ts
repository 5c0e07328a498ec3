import { systemActor, type Actor } from "../auth/actor.ts";
import { can } from "../auth/policy.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db, type Tx } from "../db/client.ts";
import { errors } from "../errors.ts";
import { prepareUpload, type PreparedFile } from "../evidence/files.ts";
import { transactionWithFile, type UploadedFile } from "../evidence/mutations.ts";
import { publicPersonById } from "../persons/data.ts";
import { consumeRateLimit } from "../rate-limit/mutations.ts";
import { TIP_SELECT, tipView } from "./data.ts";
import type { FormTokenClaims } from "./form-token.ts";
import type { CreateTipInput, TipItem, UpdateTipInput } from "./schema.ts";
import { checkTipFormToken, decoyTipId, formTokenError, honeypotFilled, TIP_PER_PERSON_LIMIT } from "./spam-guard.ts";

/**
 * Writes of tips. A tip from the public lands as `pending` for moderators;
 * its file is stored exactly like evidence (type read from the bytes,
 * photos without metadata, content-addressed, no orphan left on failure) and
 * only moderators may fetch it (lib/evidence/data.ts fileAccess).
 */

/** A parsed tip, or a request whose honeypot was filled (lib/tips/request.ts looks before parsing). */
export type TipSubmission = { input: CreateTipInput; file?: UploadedFile } | { trapped: true };

/**
 * A tip about `personId` from anyone, through the spam guard
 * (lib/tips/spam-guard.ts), in the order that wastes the least: the person
 * (404 like the public page), the honeypot, the form token, the file (413,
 * 415, 422), the per-person limit (429), then one transaction that spends
 * the token and writes the tip, its file and an audit event.
 */
export async function submitTip(personId: string, submission: TipSubmission, now = Date.now()): Promise<{ id: string }> {
  if (!(await publicPersonById(personId))) throw errors.notFound("Person");
  // Answered like a success, so that a bot has nothing to learn from; nothing is written.
  if ("trapped" in submission || honeypotFilled(submission.input.website)) return { id: decoyTipId(now) };
  const { input, file } = submission;
  const claims = await checkTipFormToken(input.formToken, personId, now);
  // A replayed token is refused before it can use up the person's allowance.
  if (await formTokenSpent(claims)) throw formTokenError("used");
  const prepared = file ? await prepareUpload(file.bytes, file.fileName) : null;
  const perPerson = await consumeRateLimit(`tip.person:${personId}`, TIP_PER_PERSON_LIMIT.limit, TIP_PER_PERSON_LIMIT.windowSeconds);
  if (!perPerson.allowed) throw errors.rateLimited(perPerson.retryAfterSeconds);
  return writeTip(personId, input, claims, prepared);
}

/**
 * Spent form tokens are kept as rows of the rate-limit table (key
 * `tip.form:<nonce>`, window start = when the token was issued): that table
 * already is the instance-wide, PostgreSQL-backed store of short-lived
 * counters, and an exact key makes "once" exact. Rows older than a token's
 * two-hour life may be pruned with the other windows.
 */
const spentKey = (claims: FormTokenClaims) => `tip.form:${claims.nonce}`;

async function formTokenSpent(claims: FormTokenClaims): Promise<boolean> {
  const row = await db().rateLimitBucket.findUnique({
    where: { key_windowStart: { key: spentKey(claims), windowStart: new Date(claims.issuedAt) } },
    select: { count: true },
  });
  return row !== null;
}

async function spendFormToken(tx: Tx, claims: FormTokenClaims): Promise<void> {
  // Raw SQL: INSERT … ON CONFLICT DO NOTHING is the atomic "first one wins" that two concurrent sends need.
  const rows = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${spentKey(claims)}, ${new Date(claims.issuedAt)}, 1)
    ON CONFLICT ("key", "windowStart") DO NOTHING
    RETURNING "key"`;
  if (rows.length === 0) throw formTokenError("used");
}

/** The same persons publicPersonById shows: not deleted, not merged away, not withheld. */
const publicPersonWhere = (personId: string) => ({ id: personId, deletedAt: null, mergedIntoId: null, disclosure: { not: "withheld" as const } });

async function writeTip(personId: string, input: CreateTipInput, claims: FormTokenClaims, prepared: PreparedFile | null) {
  return transactionWithFile(prepared, async (tx) => {
    await spendFormToken(tx, claims);
    const person = await tx.person.findFirst({ where: publicPersonWhere(personId), select: { id: true } });
    if (!person) throw errors.notFound("Person");
    const contact = input.contact?.trim() ? input.contact.trim() : null;
    const tip = await tx.tip.create({
      data: { personId, text: input.text, contact, fileSha256: prepared?.sha256 ?? null },
      select: { id: true },
    });
    // The public is nobody's account: the app records that it accepted the tip. Text and
    // contact stay out of the append-only trail, so that purging a person removes them.
    await recordAudit(tx, systemActor("system"), {
      action: "tip.receive",
      entityType: "Tip",
      entityId: tip.id,
      after: {
        personId,
        contact: contact !== null,
        file: prepared ? { sha256: prepared.sha256, size: prepared.size, contentType: prepared.contentType } : null,
      },
    });
    return { id: tip.id };
  });
}

/**
 * A moderator marks a pending tip reviewed (dealt with) or dismissed (not
 * useful). Marking it again the same way changes nothing; marking it the
 * other way once someone has decided is a conflict, so that two moderators
 * never overwrite each other silently.
 */
export async function reviewTip(actor: Actor, tipId: string, input: UpdateTipInput): Promise<TipItem> {
  if (!can(actor, "tip.review")) throw errors.forbidden();
  return db().$transaction(async (tx) => {
    const current = await tx.tip.findUnique({ where: { id: tipId }, select: { status: true } });
    if (!current) throw errors.notFound("Tip");
    if (current.status === input.status) return tipView(await tx.tip.findUniqueOrThrow({ where: { id: tipId }, select: TIP_SELECT }));
    const alreadyMarked = (status: string) =>
      errors.conflict(`This tip was already marked ${status} by another moderator.`, { reason: "already_marked", current: status });
    if (current.status !== "pending") throw alreadyMarked(current.status);
    // Only from pending: a moderator who got there first in the meantime wins, and this one is told.
    const changed = await tx.tip.updateMany({
      where: { id: tipId, status: "pending" },
      data: { status: input.status, reviewedById: actor.userId, reviewedAt: new Date() },
    });
    if (changed.count === 0) {
      const now = await tx.tip.findUniqueOrThrow({ where: { id: tipId }, select: TIP_SELECT });
      if (now.status === input.status) return tipView(now);
      throw alreadyMarked(now.status);
    }
    await recordAudit(tx, actor, {
      action: "tip.review",
      entityType: "Tip",
      entityId: tipId,
      before: { status: "pending" },
      after: { status: input.status },
    });
    return tipView(await tx.tip.findUniqueOrThrow({ where: { id: tipId }, select: TIP_SELECT }));
  });
}
