import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations/<name>/migration.sql folders with `pg`, because the
 * native engine behind `prisma migrate deploy` cannot be downloaded here. It
 * keeps Prisma's own bookkeeping (`_prisma_migrations`, same columns, same
 * checksums, same advisory lock) so that `prisma migrate status|deploy` on a
 * machine with the real CLI sees the same history.
 *
 * One difference, on purpose: each migration runs in a transaction together
 * with its `_prisma_migrations` row, so a failing migration leaves nothing
 * behind, not even a "failed" row to resolve by hand; fix the file and run
 * again. (So a migration must not contain statements that refuse to run in a
 * transaction, such as CREATE INDEX CONCURRENTLY.)
 */

export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    message: string,
    readonly migration?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ApplyOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

// The key `prisma migrate` itself locks: our runner and the real CLI exclude each other too.
const PRISMA_MIGRATE_LOCK = 72707369;

// Prisma's own DDL for its history table.
const CREATE_HISTORY_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

interface MigrationFile {
  name: string;
  script: Buffer;
  checksum: string;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function applyMigrations(databaseUrl: string, options: ApplyOptions = {}): Promise<{ applied: string[] }> {
  const migrationsDir = path.resolve(options.migrationsDir ?? path.join("prisma", "migrations"));
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(migrationsDir);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Session-level lock, held from the first read of the history to the last
    // write: a second process waits here, then finds everything applied.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_HISTORY_TABLE);
    const history = await client.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const applied = checkHistory(history.rows, migrations);

    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      log(`Applying migration ${migration.name}`);
      await applyOne(client, migration);
      done.push(migration.name);
    }
    log(done.length === 0 ? "No pending migrations." : `Applied ${done.length} migration(s).`);
    return { applied: done };
  } finally {
    // Ending the session releases the advisory lock too, even after an error.
    await client.end().catch(() => undefined);
  }
}

/** Every `<name>/migration.sql` under the folder, in name order (Prisma's order). */
async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  if (!existsSync(migrationsDir)) throw new MigrationError(`No migrations folder at ${migrationsDir}.`);
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  names.sort((a, b) => a.localeCompare(b));
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    if (!existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql (${file}).`, name);
    const script = await fs.readFile(file);
    migrations.push({ name, script, checksum: sha256(script) });
  }
  return migrations;
}

/**
 * Refuses a history this runner cannot safely continue; returns the names
 * already applied. Rolled-back rows (`prisma migrate resolve --rolled-back`)
 * do not count as applied, as in Prisma.
 */
function checkHistory(rows: HistoryRow[], migrations: MigrationFile[]): Set<string> {
  const onDisk = new Map(migrations.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    const name = row.migration_name;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${name} failed or was interrupted in an earlier run and may be partly applied. ` +
          `Repair the database, then mark it with \`prisma migrate resolve --rolled-back ${name}\` ` +
          `(or --applied), or set rolled_back_at on its _prisma_migrations row.`,
        name,
      );
    }
    const file = onDisk.get(name);
    if (!file) {
      throw new MigrationError(
        `Migration ${name} is applied to this database but missing from the migrations folder. ` +
          `Restore it (check out the branch that has it); migrations are never deleted once applied.`,
        name,
      );
    }
    if (!checksumMatches(file.script, row.checksum)) {
      throw new MigrationError(
        `Migration ${name} was modified after it was applied (checksum ${row.checksum} in the database, ` +
          `${file.checksum} on disk). Restore the original file and put the change in a new migration.`,
        name,
      );
    }
    applied.add(name);
  }
  return applied;
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, migration.checksum, migration.name],
    );
    // No parameters: pg sends the simple query protocol, which runs the whole
    // multi-statement script at once, as Prisma does.
    await client.query(migration.script.toString("utf8"));
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    const position = (error as { position?: string }).position;
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back: ${detail}` +
        (position ? ` (at character ${position} of migration.sql)` : ""),
      migration.name,
      { cause: error },
    );
  }
}

/** Prisma's checksum: SHA-256 of the file's bytes, lower-case hex. */
function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Like Prisma, a checksum also matches the file with its line endings
 * converted (git may check a file out with CRLF on Windows).
 */
function checksumMatches(script: Buffer, checksum: string): boolean {
  const text = script.toString("utf8");
  return [script, text.replace(/\r\n/g, "\n"), text.replace(/\n/g, "\r\n")].some((variant) => sha256(variant) === checksum);
}
