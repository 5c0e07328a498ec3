import { jobBoss } from "../jobs/boss.ts";
import type { JobHandlers } from "../jobs/queues.ts";
import { isImportTakenOver, noteImportFailure, processNameListImport } from "./import.ts";

/**
 * The worker's side of name lists: lib/jobs/handlers.ts registers these.
 * A failed attempt is retried by pg-boss (lib/jobs/queues.ts) and resumes
 * where the last committed batch ended; the last attempt marks the import
 * failed.
 */
export const nameJobHandlers: Pick<JobHandlers, "match-name-list"> = {
  "match-name-list": async ({ importId }, job) => {
    try {
      await processNameListImport(importId);
    } catch (error) {
      // Another run of the same import is ahead of this one: it finishes the work.
      if (isImportTakenOver(error)) return;
      const message = (error as Error)?.message ?? String(error);
      await noteImportFailure(importId, message, await isLastAttempt(job.id)).catch(() => undefined);
      throw error;
    }
  },
};

async function isLastAttempt(jobId: string): Promise<boolean> {
  try {
    const job = await (await jobBoss()).getJobById("match-name-list", jobId);
    return !job || job.retryCount >= job.retryLimit;
  } catch {
    return false;
  }
}
