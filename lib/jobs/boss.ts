import PgBoss from "pg-boss";
import { env } from "../env.ts";
import { QUEUE_NAMES, QUEUES } from "./queues.ts";

/**
 * The one pg-boss instance of the process, created on first use (the launcher
 * and the tests decide DATABASE_URL before the first job, not before the import).
 *
 * - "send": the Next.js server, the CLI and tests that only enqueue. No
 *   maintenance and no clock, so that web processes never do background work.
 * - "work": the launcher (lib/runtime/start.ts), which runs the handlers. It
 *   also runs pg-boss's maintenance (expiring stuck jobs, archiving) and its
 *   clock (SCHEDULES).
 *
 * Asking for "work" when a "send" instance exists replaces it; asking for
 * "send" when either exists returns that one.
 */
export type BossMode = "send" | "work";

interface Held {
  mode: BossMode;
  ready: Promise<PgBoss>;
}

// On globalThis, not in module scope: Next.js may load this module more than once in one process.
const holder = globalThis as unknown as { constanciaJobs?: Held };

export function jobBoss(mode: BossMode = "send"): Promise<PgBoss> {
  const held = holder.constanciaJobs;
  if (held && (held.mode === "work" || mode === "send")) return held.ready;
  const previous = held?.ready;
  const ready = (async () => {
    if (previous) await (await previous.catch(() => null))?.stop({ graceful: true, timeout: 5_000 });
    return open(mode);
  })();
  const entry: Held = { mode, ready };
  holder.constanciaJobs = entry;
  // A failed start is not kept: the next call tries again (the database may have been restarting).
  ready.catch(() => {
    if (holder.constanciaJobs === entry) holder.constanciaJobs = undefined;
  });
  return ready;
}

/** Stops the instance (workers finish their current job, up to `timeoutMs`) and closes its connections. */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  const held = holder.constanciaJobs;
  holder.constanciaJobs = undefined;
  const boss = await held?.ready.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

const ADMIN_SHUTDOWN = "57P01";

async function open(mode: BossMode): Promise<PgBoss> {
  const connectionString = env.databaseUrl();
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job queue needs the database.");
  const work = mode === "work";
  const boss = new PgBoss({
    connectionString,
    application_name: `constancia-jobs-${mode}`,
    max: work ? 4 : 2,
    supervise: work,
    schedule: work,
  });
  // Without a listener an "error" event would crash the process; pg-boss reports polling failures here and retries.
  boss.on("error", (error: Error & { queue?: string; code?: string }) => {
    // 57P01: PostgreSQL is shutting down and closed our idle connections (at the end of `npm start`): expected, not news.
    if (error.code === ADMIN_SHUTDOWN) return;
    console.error(`[constancia] job queue${error.queue ? ` ${error.queue}` : ""}: ${error.message}`);
  });
  await boss.start();
  // pg-boss 10 drops jobs sent to a queue that does not exist: every process makes sure they all do
  // (createQueue does nothing for a queue that exists).
  for (const name of QUEUE_NAMES) await boss.createQueue(name, { name, ...QUEUES[name] });
  return boss;
}
