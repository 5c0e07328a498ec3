import { env } from "../env.ts";
import { enqueue, jobExists } from "../jobs/enqueue.ts";
import type { JobHandler } from "../jobs/queues.ts";
import { sendMail } from "../mail/transport.ts";
import { publicPersonById } from "../persons/data.ts";
import { sessionSecret } from "../runtime/secret.ts";
import {
  activePersonSubscriptions,
  activeSearchSubscriptions,
  releasesVerifiedBetween,
  subjectOf,
  subscriptionForMail,
  unsentDeliveryIds,
  verifiedReleaseForNotice,
} from "./data.ts";
import { queueReleaseVerified, releaseVerifiedJobId } from "./enqueue.ts";
import { confirmUrl, personPageUrl, unsubscribeUrl } from "./links.ts";
import { confirmationMail, noticeMail } from "./mail.ts";
import { matchingSearches, searchFindsPerson } from "./matching.ts";
import { recordDeliveries, sendDeliveryOnce, storeUnsubscribeHash, withNewConfirmToken } from "./mutations.ts";
import { unsubscribeToken } from "./tokens.ts";

/**
 * The background work of "Avísame", run by the worker process (lib/jobs):
 *
 *   release verified ──► who asked (the person, or a search that finds them)
 *                        ──► one NotificationDelivery row each ──► one "send" job each
 *
 * Every step can run twice without harm: rows are unique per subscription and
 * release, send jobs are keyed by the row, and a row once sent is never sent again.
 */

/** The sweep looks back this far for work whose job was lost… */
export const SWEEP_WINDOW_MS = 2 * 24 * 3600_000;
/** …leaving alone what was verified in the last minute (its job is on its way). */
export const SWEEP_GRACE_MS = 60_000;

/** The unsubscribe link of a subscription (derived, see tokens.ts), its hash stored before the mail goes out. */
async function unsubscribeLinkFor(subscriptionId: string): Promise<{ url: string; hash: string }> {
  const { token, hash } = unsubscribeToken(subscriptionId, await sessionSecret(env.dataDir()));
  return { url: unsubscribeUrl(token), hash };
}

export const sendConfirmation: JobHandler<"send-confirmation"> = async ({ subscriptionId }) => {
  const subscription = await subscriptionForMail(subscriptionId);
  if (!subscription || subscription.state !== "pending") return;
  const subject = await subjectOf(subscription);
  if (!subject) return; // the person is no longer public: nothing we may write about
  const unsubscribe = await unsubscribeLinkFor(subscription.id);
  await withNewConfirmToken(subscription.id, unsubscribe.hash, async (token) => {
    await sendMail(
      confirmationMail({
        to: subscription.email,
        locale: subscription.locale,
        subject,
        confirmUrl: confirmUrl(token),
        unsubscribeUrl: unsubscribe.url,
        ref: subscription.id,
      }),
    );
  });
};

export const onReleaseVerified: JobHandler<"release-verified"> = async ({ releaseId }) => {
  const release = await verifiedReleaseForNotice(releaseId);
  if (!release || release.person.disclosure === "withheld") return;
  const [forPerson, searches] = await Promise.all([activePersonSubscriptions(release.person.id), activeSearchSubscriptions()]);
  const recipients = onePerAddress([...forPerson, ...matchingSearches(searches, release.person)]);
  await recordDeliveries(releaseId, recipients.map((recipient) => recipient.id));
  // Every unsent row, not only the new ones: a run that failed after writing rows is finished by its retry.
  for (const deliveryId of await unsentDeliveryIds({ releaseId })) {
    await enqueue("send-notification", { deliveryId }, { id: deliveryId });
  }
};

/** Someone who asked about the person and also has a search that finds them gets one mail (the person's). */
function onePerAddress<T extends { email: string }>(subscriptions: readonly T[]): T[] {
  const seen = new Set<string>();
  return subscriptions.filter(({ email }) => !seen.has(email) && Boolean(seen.add(email)));
}

export const sendNotification: JobHandler<"send-notification"> = async ({ deliveryId }) => {
  await sendDeliveryOnce(deliveryId, async ({ subscriptionId, releaseId }) => {
    const [subscription, release] = await Promise.all([subscriptionForMail(subscriptionId), verifiedReleaseForNotice(releaseId)]);
    // Cancelled since, or the release is no longer verified: nothing to say.
    if (!subscription || subscription.state !== "confirmed" || !release) return "skipped";
    // The name exactly as the public page shows it now (the disclosure may have changed since the job was queued).
    const person = await publicPersonById(release.person.id);
    if (!person) return "skipped";
    if (subscription.searchQuery !== null && !searchFindsPerson(subscription.searchQuery, release.person)) return "skipped";
    const unsubscribe = await unsubscribeLinkFor(subscription.id);
    await storeUnsubscribeHash(subscription.id, unsubscribe.hash);
    await sendMail(
      noticeMail({
        to: subscription.email,
        locale: subscription.locale,
        search: subscription.searchQuery,
        person: { name: person.name, pageUrl: personPageUrl(person.id) },
        unsubscribeUrl: unsubscribe.url,
        ref: deliveryId,
      }),
    );
    return "sent";
  });
};

/**
 * Catches what a crash between a commit and its enqueue lost: releases
 * verified lately whose "release verified" job was never sent, and unsent
 * notifications whose send job is gone. Sending again is harmless (job ids).
 */
export const sweep: JobHandler<"notification-sweep"> = async () => {
  const now = Date.now();
  const releases = await releasesVerifiedBetween(new Date(now - SWEEP_WINDOW_MS), new Date(now - SWEEP_GRACE_MS));
  for (const release of releases) {
    if (!(await jobExists("release-verified", releaseVerifiedJobId(release.id, release.verifiedAt!)))) {
      await queueReleaseVerified(release.id, release.verifiedAt!);
    }
  }
  for (const deliveryId of await unsentDeliveryIds({ createdSince: new Date(now - SWEEP_WINDOW_MS) })) {
    await enqueue("send-notification", { deliveryId }, { id: deliveryId });
  }
};

export const subscriptionJobHandlers = {
  "release-verified": onReleaseVerified,
  "send-notification": sendNotification,
  "send-confirmation": sendConfirmation,
  "notification-sweep": sweep,
} satisfies { [Q in "release-verified" | "send-notification" | "send-confirmation" | "notification-sweep"]: JobHandler<Q> };
