import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { EmbeddedDatabaseError, startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded.ts";
import { applyMigrations } from "../db/migrations/runner.ts";
import { withDatabase } from "../testing/database.ts";

/**
 * A throwaway, migrated database for one benchmark run, never the demo's:
 *
 * - with DATABASE_URL set: a new database `constancia_bench_<pid>` on that
 *   server, dropped at the end;
 * - otherwise: the embedded PostgreSQL kept under .test-data/pg-bench (the
 *   cluster is reused between runs, the database is new each time, and
 *   databases left by an interrupted run are dropped first, since that
 *   cluster holds nothing else).
 */
export interface BenchDatabase {
  url: string;
  name: string;
  /** "embedded PostgreSQL 18.x" or "DATABASE_URL's server (PostgreSQL 17.x)". */
  server: string;
  drop(): Promise<void>;
}

const PREFIX = "constancia_bench_";

export async function createBenchDatabase(log: (line: string) => void = () => {}): Promise<BenchDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let privateDir: string | null = null;
  let baseUrl = process.env.DATABASE_URL?.trim() || undefined;
  if (!baseUrl) {
    const dataDir = path.resolve(".test-data", "pg-bench");
    try {
      embedded = await startEmbeddedPostgres({ dataDir });
    } catch (error) {
      if (!(error instanceof EmbeddedDatabaseError)) throw error;
      // Another benchmark run holds the shared cluster: use a private one.
      privateDir = `${dataDir}-${process.pid}`;
      embedded = await startEmbeddedPostgres({ dataDir: privateDir });
    }
    baseUrl = embedded.url;
    await dropLeftovers(baseUrl, log);
  }
  const name = `${PREFIX}${process.pid}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(baseUrl, name);
  const version = await serverVersion(url);
  await applyMigrations(url);
  let dropped = false;
  return {
    url,
    name,
    server: embedded ? `embedded PostgreSQL ${version}` : `DATABASE_URL's server (PostgreSQL ${version})`,
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: unknown) =>
        log(`Could not drop ${name}: ${String(error)}`),
      );
      await embedded?.stop();
      if (privateDir) await fs.rm(privateDir, { recursive: true, force: true });
    },
  };
}

/** Only on the benchmark's own embedded cluster: bench databases of runs that were killed. */
async function dropLeftovers(baseUrl: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${PREFIX}%`]);
    for (const { datname } of rows) {
      log(`Dropping ${datname}, left by an earlier run.`);
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? "?";
  } finally {
    await client.end();
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
