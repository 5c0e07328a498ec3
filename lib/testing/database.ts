import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { EmbeddedDatabaseError, startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded.ts";
import { applyMigrations } from "../db/migrations/runner.ts";

/**
 * A fresh, migrated database for one test run: on DATABASE_URL's server when it
 * is set (a new database beside the given one), otherwise on an embedded
 * PostgreSQL kept under .test-data/ (the cluster is reused between runs, the
 * database is new each time). Real PostgreSQL either way.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  let server: EmbeddedDatabase | null = null;
  let baseUrl = process.env.DATABASE_URL;
  let privateDir: string | null = null;
  if (!baseUrl) {
    try {
      server = await startEmbeddedPostgres({ dataDir: path.resolve(".test-data", `pg-${label}`) });
    } catch (error) {
      if (!(error instanceof EmbeddedDatabaseError)) throw error;
      // Another test run holds the shared cluster: use a private one for this run.
      privateDir = path.resolve(".test-data", `pg-${label}-${process.pid}`);
      server = await startEmbeddedPostgres({ dataDir: privateDir });
    }
    baseUrl = server.url;
  }
  const name = `constancia_test_${label}_${randomBytes(4).toString("hex")}`.replace(/[^a-z0-9_]/g, "_");
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(baseUrl, name);
  await applyMigrations(url);
  return {
    url,
    async drop() {
      await adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await server?.stop();
      if (privateDir) await fs.rm(privateDir, { recursive: true, force: true });
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
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
