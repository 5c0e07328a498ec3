import { importJobHandlers } from "../imports/jobs.ts";
import { nameJobHandlers } from "../names/jobs.ts";
import { rateLimitJobHandlers } from "../rate-limit/jobs.ts";
import { subscriptionJobHandlers } from "../subscriptions/jobs.ts";
import type { JobHandlers } from "./queues.ts";

/**
 * Which code runs the jobs of each queue, for the worker process. Kept apart
 * from enqueue.ts so that processes that only send jobs (the web server) do
 * not load the handlers and what they use (the mail transport).
 */
export const jobHandlers: JobHandlers = {
  ...subscriptionJobHandlers,
  ...rateLimitJobHandlers,
  ...nameJobHandlers,
  ...importJobHandlers,
};
