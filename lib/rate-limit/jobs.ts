import type { JobHandlers } from "../jobs/queues.ts";
import { pruneRateLimits } from "./mutations.ts";

/** How long a finished rate-limit window is kept: the longest window (an hour) and a margin. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Every public search and tip counts in RateLimitBucket, one row per client
 * and window: without pruning the table grows by a row per visitor a minute.
 */
export const rateLimitJobHandlers: Pick<JobHandlers, "prune-rate-limits"> = {
  "prune-rate-limits": async () => {
    await pruneRateLimits(new Date(Date.now() - KEEP_MS));
  },
};
