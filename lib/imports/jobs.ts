import { jobBoss } from "../jobs/boss.ts";
import type { JobHandlers } from "../jobs/queues.ts";
import { isImportTakenOver, noteImportFailure } from "../names/import.ts";
import { processPeopleImport } from "./process.ts";

/**
 * The worker's side of people imports (registered in lib/jobs/handlers.ts).
 * A failed attempt is retried by pg-boss and resumes after the last
 * committed batch; the last attempt marks the import failed.
 */
export const importJobHandlers: Pick<JobHandlers, "import-people"> = {
  "import-people": async ({ importId }, job) => {
    try {
      await processPeopleImport(importId);
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
    const job = await (await jobBoss()).getJobById("import-people", jobId);
    return !job || job.retryCount >= job.retryLimit;
  } catch {
    return false;
  }
}
