import { db } from "../db/client.ts";
import { errors } from "../errors.ts";
import { redactAddresses } from "../mail/message.ts";
import { publicPersonById } from "../persons/data.ts";
import { foldText } from "../search/normalize.ts";
import { requestConfirmationMail } from "./enqueue.ts";
import type { ConfirmResult, SubscribeInput } from "./schema.ts";
import { hashLinkToken, newConfirmToken, placeholderTokenHash } from "./tokens.ts";

/**
 * Writes of subscriptions. They are the public's own requests, not changes to
 * the record, so they write no audit event (which would put visitors' activity
 * in the trail moderators read and let anonymous traffic queue on the chain's
 * lock); addresses are never logged.
 */

// Namespace of the advisory locks taken per address (two-key form: apart from the one-key locks of lib/audit).
const ADDRESS_LOCK_SPACE = 5_105_001;
/** Unconfirmed subscriptions one address may gather in a day: past it, requests change nothing (and say the same). */
export const MAX_PENDING_PER_ADDRESS = 10;
/** Long enough for an SMTP exchange with its timeouts (lib/mail/transport.ts), while the row stays locked. */
const MAIL_TRANSACTION = { maxWait: 10_000, timeout: 150_000 };

/**
 * "Avísame": one row per address and person (or search), made or reused, and
 * a confirmation mail queued (at most one per subscription every few
 * minutes). The answer never says whether the address was known.
 */
export async function subscribe(input: SubscribeInput): Promise<{ status: "confirmation_sent" }> {
  const { subscriptionId, confirmationDue } = await recordSubscription(input);
  if (confirmationDue) await requestConfirmationMail(subscriptionId!);
  return { status: "confirmation_sent" };
}

/**
 * The row behind `subscribe`: which subscription the request is, and whether
 * it waits for a (new) confirmation mail. Null id when the address has too
 * many unconfirmed subscriptions already (nothing is written).
 */
export async function recordSubscription(input: SubscribeInput): Promise<{ subscriptionId: string | null; confirmationDue: boolean }> {
  if (input.personId !== undefined && !(await publicPersonById(input.personId))) throw errors.notFound("Person");
  return db().$transaction(async (tx) => {
    // Raw SQL: Prisma has no advisory locks. One address's requests are taken one at a time, so two at once never make two rows.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK_SPACE}::int, hashtext(${input.email}))`;
    const rows = await tx.subscription.findMany({
      where: { email: input.email, ...(input.personId !== undefined ? { personId: input.personId } : { searchQuery: { not: null } }) },
      select: { id: true, searchQuery: true, confirmedAt: true, unsubscribedAt: true },
      orderBy: { createdAt: "asc" },
    });
    const same = input.query === undefined ? rows[0] : rows.find((row) => sameSearch(row.searchQuery!, input.query!));
    if (same) {
      // Already receiving: nothing to do.
      if (same.confirmedAt && !same.unsubscribedAt) return { subscriptionId: same.id, confirmationDue: false };
      // Waiting, or cancelled and asked for again: confirm (again) before any mail but this one.
      await tx.subscription.update({ where: { id: same.id }, data: { locale: input.locale, confirmedAt: null, unsubscribedAt: null } });
      return { subscriptionId: same.id, confirmationDue: true };
    }
    const pendingToday = await tx.subscription.count({
      where: { email: input.email, confirmedAt: null, createdAt: { gte: new Date(Date.now() - 24 * 3600_000) } },
    });
    // Someone is filling this mailbox with requests: stop writing to it.
    if (pendingToday >= MAX_PENDING_PER_ADDRESS) return { subscriptionId: null, confirmationDue: false };
    const created = await tx.subscription.create({
      data: {
        email: input.email,
        personId: input.personId ?? null,
        searchQuery: input.query ?? null,
        locale: input.locale,
        // The real link hashes are set when the first mail is made (lib/subscriptions/jobs.ts).
        confirmTokenHash: placeholderTokenHash(),
        unsubscribeTokenHash: placeholderTokenHash(),
      },
      select: { id: true },
    });
    return { subscriptionId: created.id, confirmationDue: true };
  });
}

/** Two searches are the same when they fold to the same words (case, accents and spacing aside). */
function sameSearch(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

/** The link in the confirmation mail: confirmed the first time, nothing written after. Unknown or tampered: 404. */
export async function confirmSubscription(token: string): Promise<ConfirmResult> {
  const hash = hashLinkToken(token.trim());
  const confirmed = await db().subscription.updateMany({
    where: { confirmTokenHash: hash, confirmedAt: null, unsubscribedAt: null },
    data: { confirmedAt: new Date() },
  });
  if (confirmed.count === 1) return "confirmed";
  const known = await db().subscription.findFirst({ where: { confirmTokenHash: hash, unsubscribedAt: null }, select: { id: true } });
  if (!known) throw errors.notFound("Subscription");
  return "already_confirmed";
}

/**
 * The link in every mail: no more mail for this subscription (idempotent).
 * The confirmation link stops working too, so an old confirmation mail cannot
 * undo this.
 */
export async function unsubscribe(token: string): Promise<"unsubscribed"> {
  const hash = hashLinkToken(token.trim());
  const row = await db().subscription.findFirst({ where: { unsubscribeTokenHash: hash }, select: { id: true } });
  if (!row) throw errors.notFound("Subscription");
  await db().subscription.updateMany({
    where: { id: row.id, unsubscribedAt: null },
    data: { unsubscribedAt: new Date(), confirmTokenHash: placeholderTokenHash() },
  });
  return "unsubscribed";
}

/**
 * Makes the confirmation link of a waiting subscription and hands it to
 * `deliver` (which sends the mail), with the row locked: the new link's hash
 * is kept only if the mail went out, so a failed send leaves the previous
 * mail's link working. Returns false when there is nothing to confirm.
 */
export async function withNewConfirmToken(
  subscriptionId: string,
  unsubscribeTokenHash: string,
  deliver: (confirmToken: string) => Promise<void>,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    // Raw SQL because Prisma has no SELECT … FOR UPDATE: two sends for one subscription wait for each other.
    const [row] = await tx.$queryRaw<{ confirmedAt: Date | null; unsubscribedAt: Date | null }[]>`
      SELECT "confirmedAt", "unsubscribedAt" FROM "Subscription" WHERE id = ${subscriptionId}::uuid FOR UPDATE`;
    if (!row || row.confirmedAt || row.unsubscribedAt) return false;
    const { token, hash } = newConfirmToken();
    await tx.subscription.update({ where: { id: subscriptionId }, data: { confirmTokenHash: hash, unsubscribeTokenHash } });
    await deliver(token);
    return true;
  }, MAIL_TRANSACTION);
}

/** Keeps the stored hash of a subscription's unsubscribe link in step with the link its next mail carries. */
export async function storeUnsubscribeHash(subscriptionId: string, hash: string): Promise<void> {
  await db().subscription.updateMany({ where: { id: subscriptionId, NOT: { unsubscribeTokenHash: hash } }, data: { unsubscribeTokenHash: hash } });
}

/** One notification row per subscription and release (the unique pair): a second run adds nothing. */
export async function recordDeliveries(releaseId: string, subscriptionIds: readonly string[]): Promise<number> {
  if (subscriptionIds.length === 0) return 0;
  const created = await db().notificationDelivery.createMany({
    data: subscriptionIds.map((subscriptionId) => ({ subscriptionId, releaseId })),
    skipDuplicates: true, // INSERT … ON CONFLICT DO NOTHING
  });
  return created.count;
}

export type DeliveryOutcome = "sent" | "already_sent" | "skipped" | "missing";

/**
 * Sends one notification at most once. The row is locked while `deliver`
 * sends, so two workers never both send it; once sent, `sentAt` is set and
 * later attempts do nothing. A failed send is counted (attempts, lastError
 * without addresses) and thrown again, so that the job queue retries it.
 */
export async function sendDeliveryOnce(
  deliveryId: string,
  deliver: (delivery: { subscriptionId: string; releaseId: string }) => Promise<"sent" | "skipped">,
): Promise<DeliveryOutcome> {
  let failure: Error | null = null;
  const outcome = await db().$transaction(async (tx): Promise<DeliveryOutcome | "failed"> => {
    // Raw SQL because Prisma has no SELECT … FOR UPDATE.
    const [row] = await tx.$queryRaw<{ subscriptionId: string; releaseId: string; sentAt: Date | null }[]>`
      SELECT "subscriptionId", "releaseId", "sentAt" FROM "NotificationDelivery" WHERE id = ${deliveryId}::uuid FOR UPDATE`;
    if (!row) return "missing";
    if (row.sentAt) return "already_sent";
    try {
      if ((await deliver(row)) === "skipped") return "skipped";
    } catch (error) {
      failure = new Error(redactAddresses((error as Error).message ?? String(error)).slice(0, 1000));
      await tx.notificationDelivery.update({ where: { id: deliveryId }, data: { attempts: { increment: 1 }, lastError: failure.message } });
      return "failed";
    }
    await tx.notificationDelivery.update({
      where: { id: deliveryId },
      data: { attempts: { increment: 1 }, lastError: null, sentAt: new Date() },
    });
    return "sent";
  }, MAIL_TRANSACTION);
  if (outcome === "failed") throw failure!;
  return outcome;
}
