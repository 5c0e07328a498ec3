import { env } from "../env.ts";
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded.ts";
import { applyMigrations } from "../db/migrations/runner.ts";

/**
 * Where the database is, for the server and the CLI alike: DATABASE_URL when
 * set; otherwise the embedded PostgreSQL of CONSTANCIA_DATA_DIR — the running
 * instance's when the server is up, or one started here (and stopped by
 * `release`) when it is not. Migrations are applied either way (idempotent).
 */
export interface DatabaseHandle {
  url: string;
  /** "external" (DATABASE_URL), "shared" (a running server's embedded database) or "embedded" (started here). */
  source: "external" | "shared" | "embedded";
  release(): Promise<void>;
}

export async function openDatabase(options: { log?: (line: string) => void; port?: number } = {}): Promise<DatabaseHandle> {
  const external = env.databaseUrl();
  let handle: DatabaseHandle;
  if (external) {
    handle = { url: external, source: "external", release: async () => undefined };
  } else {
    const shared = await runningEmbeddedUrl(env.dataDir());
    if (shared) {
      handle = { url: shared, source: "shared", release: async () => undefined };
    } else {
      const server: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: env.dataDir(), port: options.port });
      handle = { url: server.url, source: "embedded", release: () => server.stop() };
    }
  }
  try {
    await applyMigrations(handle.url, { log: options.log });
  } catch (error) {
    await handle.release();
    throw error;
  }
  process.env.DATABASE_URL = handle.url;
  return handle;
}
