import { jobBoss } from "./boss.ts";
import { QUEUES, type JobPayloads, type QueueName } from "./queues.ts";

export interface EnqueueOptions {
  /** A job id (see job-id.ts): a second job with the same id, while the first is kept, is not created. */
  id?: string;
  /** With singletonSeconds: at most one job per key in each window of that many seconds. */
  singletonKey?: string;
  singletonSeconds?: number;
}

/**
 * Puts one job on a queue, with the queue's retry policy. Resolves to the job
 * id, or null when pg-boss kept no new job because an equal one exists (same
 * id, or same singleton key in the same window). Throws when the database
 * cannot be reached: callers decide whether that may fail what they do.
 */
export async function enqueue<Q extends QueueName>(queue: Q, data: JobPayloads[Q], options: EnqueueOptions = {}): Promise<string | null> {
  const boss = await jobBoss();
  return boss.send(queue, data, { ...QUEUES[queue], ...options });
}

/** Whether a job with this id was ever sent to the queue and is still kept (waiting, running, done or failed, or archived). */
export async function jobExists(queue: QueueName, id: string): Promise<boolean> {
  const boss = await jobBoss();
  return (await boss.getJobById(queue, id, { includeArchive: true })) !== null;
}
