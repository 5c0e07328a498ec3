import type { JobHandlers } from "../jobs/queues.ts";

/** The worker's side of name lists: lib/jobs/handlers.ts registers these. (Being written: see lib/names.) */
export const nameJobHandlers: Pick<JobHandlers, "match-name-list"> = {
  "match-name-list": async () => {
    throw new Error("name-list matching is not wired yet");
  },
};
