import { resumableImportJob } from "../jobs/import-job.ts";
import type { JobHandlers } from "../jobs/queues.ts";
import { processNameListImport } from "./import.ts";

/**
 * The worker's side of name lists: lib/jobs/handlers.ts registers these.
 * A failed attempt is retried by pg-boss (lib/jobs/queues.ts) and resumes
 * where the last committed batch ended; the last attempt marks the import
 * failed.
 */
export const nameJobHandlers: Pick<JobHandlers, "match-name-list"> = {
  "match-name-list": resumableImportJob("match-name-list", (importId) => processNameListImport(importId)),
};
