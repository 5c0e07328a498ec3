/**
 * Every queue of the background job system (pg-boss, stored in PostgreSQL),
 * in one place: its name, the data its jobs carry and how its jobs are
 * retried. A new kind of background work (imports, issue 7) adds its queue
 * here, its handler in handlers.ts, and enqueues with enqueue.ts.
 *
 * Job data carries ids only: never an e-mail address or a secret, because
 * pg-boss keeps jobs (and their errors) in its tables for days.
 */
export interface JobPayloads {
  /** A release became verified: find who asked to be told, and queue one mail each. */
  "release-verified": { releaseId: string };
  /** Send one notification (NotificationDelivery row); never twice. */
  "send-notification": { deliveryId: string };
  /** Send the double opt-in mail of a subscription, with a fresh confirmation link. */
  "send-confirmation": { subscriptionId: string };
  /** Periodic catch-up for work whose enqueueing was lost (a crash between commit and send). */
  "notification-sweep": Record<string, never>;
  /** Match a loaded name list (Import of kind announcement_names) against the people on record, resumably. */
  "match-name-list": { importId: string };
  /** Validate and write a people import (Import of kind people, dry run or not) in batches, resumably. */
  "import-people": { importId: string };
  /** Drop rate-limit windows that ended long ago (RateLimitBucket grows by a row per client a minute). */
  "prune-rate-limits": Record<string, never>;
}

export type QueueName = keyof JobPayloads;

export interface QueuePolicy {
  /** Retries after the first attempt fails. */
  retryLimit: number;
  /** Seconds before the first retry; with backoff, each retry waits about twice as long as the one before. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still running after this long is treated as failed (and retried). */
  expireInSeconds: number;
}

export const QUEUES: Record<QueueName, QueuePolicy> = {
  "release-verified": { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 300 },
  // Mail servers can be down for hours: about 30 s, 1 min, 2 min … up to ~4 h between the last tries.
  "send-notification": { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 180 },
  "send-confirmation": { retryLimit: 6, retryDelay: 30, retryBackoff: true, expireInSeconds: 180 },
  // The next sweep comes soon enough: no retries.
  "notification-sweep": { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 300 },
  "prune-rate-limits": { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 300 },
  // A retry resumes where the last attempt stopped (lines already matched are kept).
  "match-name-list": { retryLimit: 5, retryDelay: 15, retryBackoff: true, expireInSeconds: 1800 },
  // Same for imports: a retry starts after the last committed batch; nothing of a batch is written twice.
  // A worker that died (a restart) holds its job until it expires: 15 minutes, well above the
  // 2 minutes a 100,000-row file takes (a run still alive then is not harmed: the batches are guarded).
  "import-people": { retryLimit: 5, retryDelay: 15, retryBackoff: true, expireInSeconds: 900 },
};

export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** Work sent by pg-boss's own clock (cron syntax, UTC), run by whichever worker process takes it first. */
export const SCHEDULES: readonly { queue: QueueName; cron: string }[] = [
  { queue: "notification-sweep", cron: "*/10 * * * *" },
  { queue: "prune-rate-limits", cron: "17 * * * *" },
];

/** What runs one job of a queue. Throwing fails the attempt: pg-boss retries it as the queue's policy says. */
export type JobHandler<Q extends QueueName> = (data: JobPayloads[Q], job: { id: string }) => Promise<void>;
export type JobHandlers = { [Q in QueueName]: JobHandler<Q> };
