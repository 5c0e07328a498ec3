import { isImportTakenOver, noteImportFailure } from "../imports/mutations.ts";
import { jobBoss } from "./boss.ts";
import type { JobHandler, QueueName } from "./queues.ts";

/**
 * The handler of a resumable import job (name lists, spreadsheets): runs the
 * import; when another run of the same import is ahead, leaves the work to
 * it; otherwise notes the failure (marking the import failed on the last
 * attempt) and throws, so that pg-boss retries it from the last committed
 * batch (lib/imports/mutations.ts).
 */
export function resumableImportJob<Q extends "match-name-list" | "import-people">(
  queue: Q,
  process: (importId: string) => Promise<unknown>,
): JobHandler<Q> {
  return (async ({ importId }: { importId: string }, job: { id: string }) => {
    try {
      await process(importId);
    } catch (error) {
      if (isImportTakenOver(error)) return;
      const message = (error as Error)?.message ?? String(error);
      await noteImportFailure(importId, message, await isLastAttempt(queue, job.id)).catch(() => undefined);
      throw error;
    }
  }) as JobHandler<Q>;
}

async function isLastAttempt(queue: QueueName, jobId: string): Promise<boolean> {
  try {
    const job = await (await jobBoss()).getJobById(queue, jobId);
    return !job || job.retryCount >= job.retryLimit;
  } catch {
    return false;
  }
}
