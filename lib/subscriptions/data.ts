import { db } from "../db/client.ts";
import { publicPersonById } from "../persons/data.ts";
import { hashLinkToken } from "./tokens.ts";

/**
 * Reads of subscriptions. E-mail addresses leave this file only towards the
 * mail sender (jobs.ts); nothing here is shaped for a page or an answer that
 * would show one.
 */

/** What a subscription is about, in words the public may read. */
export type SubscriptionSubject = { kind: "person"; personId: string; name: string } | { kind: "search"; query: string };

export type SubscriptionState = "pending" | "confirmed" | "unsubscribed";

export interface LinkView {
  state: SubscriptionState;
  /** Null when the person may no longer be shown (withheld, deleted since). */
  subject: SubscriptionSubject | null;
}

const stateOf = (row: { confirmedAt: Date | null; unsubscribedAt: Date | null }): SubscriptionState =>
  row.unsubscribedAt ? "unsubscribed" : row.confirmedAt ? "confirmed" : "pending";

/** The subscription a subscriber's link points at, for the confirm and unsubscribe pages (GET: reads only). */
export async function subscriptionByLink(kind: "confirm" | "unsubscribe", token: string): Promise<LinkView | null> {
  const hash = hashLinkToken(token.trim());
  const row = await db().subscription.findFirst({
    where: kind === "confirm" ? { confirmTokenHash: hash } : { unsubscribeTokenHash: hash },
    select: { personId: true, searchQuery: true, confirmedAt: true, unsubscribedAt: true },
  });
  if (!row) return null;
  return { state: stateOf(row), subject: await subjectOf(row) };
}

export async function subjectOf(row: { personId: string | null; searchQuery: string | null }): Promise<SubscriptionSubject | null> {
  if (row.searchQuery !== null) return { kind: "search", query: row.searchQuery };
  if (row.personId === null) return null;
  const person = await publicPersonById(row.personId);
  return person ? { kind: "person", personId: person.id, name: person.name } : null;
}

/** One subscription with its address, for the mail sender only. */
export async function subscriptionForMail(subscriptionId: string) {
  const row = await db().subscription.findUnique({
    where: { id: subscriptionId },
    select: { id: true, email: true, locale: true, personId: true, searchQuery: true, confirmedAt: true, unsubscribedAt: true },
  });
  return row ? { ...row, state: stateOf(row) } : null;
}

/** A release and the fields of its person that decide who is told, or null if it is not (or no longer) verified and live. */
export async function verifiedReleaseForNotice(releaseId: string) {
  const release = await db().release.findFirst({
    where: { id: releaseId, status: "verified", deletedAt: null, person: { deletedAt: null, mergedIntoId: null } },
    select: {
      id: true,
      verifiedAt: true,
      person: {
        select: { id: true, givenNames: true, surnames: true, otherSpellings: true, cedulaDigits: true, disclosure: true },
      },
    },
  });
  return release;
}

/** Confirmed subscriptions, not cancelled, that get mail. */
const active = { confirmedAt: { not: null }, unsubscribedAt: null } as const;

export async function activePersonSubscriptions(personId: string) {
  return db().subscription.findMany({ where: { ...active, personId }, select: { id: true, email: true }, orderBy: { id: "asc" } });
}

export async function activeSearchSubscriptions() {
  const rows = await db().subscription.findMany({
    where: { ...active, searchQuery: { not: null } },
    select: { id: true, email: true, searchQuery: true },
    orderBy: { id: "asc" },
  });
  return rows.map(({ searchQuery, ...row }) => ({ ...row, query: searchQuery! }));
}

/** Deliveries of a release not sent yet, to subscriptions that still get mail. */
export async function unsentDeliveryIds(where: { releaseId: string } | { createdSince: Date }): Promise<string[]> {
  const rows = await db().notificationDelivery.findMany({
    where: {
      sentAt: null,
      subscription: active,
      // The sweep skips what the sender would skip anyway.
      release: { status: "verified", deletedAt: null, person: { deletedAt: null, disclosure: { not: "withheld" } } },
      ...("releaseId" in where ? { releaseId: where.releaseId } : { createdAt: { gte: where.createdSince } }),
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.id);
}

/** Releases verified in a time window, for the sweep. */
export async function releasesVerifiedBetween(from: Date, to: Date) {
  return db().release.findMany({
    where: { status: "verified", deletedAt: null, verifiedAt: { gte: from, lte: to } },
    select: { id: true, verifiedAt: true },
    orderBy: { verifiedAt: "asc" },
  });
}
