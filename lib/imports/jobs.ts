import { resumableImportJob } from "../jobs/import-job.ts";
import type { JobHandlers } from "../jobs/queues.ts";
import { processPeopleImport } from "./process.ts";

/**
 * The worker's side of people imports (registered in lib/jobs/handlers.ts).
 * A failed attempt is retried by pg-boss and resumes after the last
 * committed batch; the last attempt marks the import failed.
 */
export const importJobHandlers: Pick<JobHandlers, "import-people"> = {
  "import-people": resumableImportJob("import-people", (importId) => processPeopleImport(importId)),
};
