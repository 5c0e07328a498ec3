import type PgBoss from "pg-boss";
import { redactAddresses } from "../mail/message.ts";
import { jobBoss, stopJobs } from "./boss.ts";
import { jobHandlers } from "./handlers.ts";
import { QUEUE_NAMES, QUEUES, SCHEDULES, type JobHandler, type JobPayloads, type QueueName } from "./queues.ts";

// The instances that already have their workers, so that a second call does not double them.
const working = new WeakSet<PgBoss>();

/**
 * Runs the handlers of every queue in this process (the launcher calls it once
 * the database is ready) and registers the periodic jobs. Each worker takes one
 * job at a time; pg-boss hands a job to one worker only, across processes.
 */
export async function startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  const boss = await jobBoss("work");
  if (working.has(boss)) return;
  working.add(boss);
  for (const queue of QUEUE_NAMES) await work(boss, queue, jobHandlers[queue] as JobHandler<QueueName>, options.pollingIntervalSeconds);
  for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron, {}, { ...QUEUES[queue], tz: "UTC" });
}

/** Stops the workers (each finishes the job it holds) and the process's job connections. */
export const stopWorkers = stopJobs;

async function work(boss: PgBoss, queue: QueueName, handler: JobHandler<QueueName>, pollingIntervalSeconds = 2): Promise<void> {
  await boss.work<JobPayloads[QueueName]>(queue, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
    for (const job of jobs) {
      try {
        await handler(job.data, { id: job.id });
      } catch (error) {
        // pg-boss keeps the thrown error with the job for days, every property of it: keep only the
        // message, without addresses (a mail server's refusal quotes the recipient).
        const message = redactAddresses((error as Error)?.message ?? String(error));
        console.error(`[constancia] job ${queue} ${job.id} failed: ${message}`);
        throw new Error(message);
      }
    }
  });
}
