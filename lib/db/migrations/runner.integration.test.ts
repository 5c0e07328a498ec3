import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { withDatabase } from "../../testing/database.ts";
import { MigrationError, applyMigrations } from "./runner.ts";

// Each test gets its own fresh database on the run's server (DATABASE_URL is
// the already-migrated shared one, which these tests leave alone).
const serverUrl = process.env.DATABASE_URL!;
const created: string[] = [];
const tempDirs: string[] = [];

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `constancia_test_migrations_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return withDatabase(serverUrl, name);
}

async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** A migrations folder of our own: name → SQL. */
async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "constancia-migrations-"));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    await fs.mkdir(path.join(dir, name));
    await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const rows = await query(url, "SELECT to_regclass($1) AS t", [`public."${table}"`]);
  return rows[0]?.t !== null;
}

afterAll(async () => {
  await admin(async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  for (const dir of tempDirs) await fs.rm(dir, { recursive: true, force: true });
});

describe("applyMigrations on a real database", () => {
  it("applies every migration of prisma/migrations to a fresh database and records it as Prisma does", async () => {
    const url = await freshDatabase();
    const dir = path.resolve("prisma", "migrations");
    const names = (await fs.readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(names.length).toBeGreaterThan(0);

    const { applied } = await applyMigrations(url);
    expect(applied).toEqual(names);

    const rows = await query(
      url,
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs, id
         FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const bytes = await fs.readFile(path.join(dir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(await tableExists(url, "Person")).toBe(true);

    // A second run finds nothing to do.
    expect(await applyMigrations(url)).toEqual({ applied: [] });
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(names.length);
  });

  it("creates _prisma_migrations with Prisma's exact columns", async () => {
    const url = await freshDatabase();
    await applyMigrations(url, { migrationsDir: await migrationsDir({ "20260101000000_a": "SELECT 1;" }) });
    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.character_maximum_length, c.is_nullable])).toEqual([
      ["id", "character varying", 36, "NO"],
      ["checksum", "character varying", 64, "NO"],
      ["finished_at", "timestamp with time zone", null, "YES"],
      ["migration_name", "character varying", 255, "NO"],
      ["logs", "text", null, "YES"],
      ["rolled_back_at", "timestamp with time zone", null, "YES"],
      ["started_at", "timestamp with time zone", null, "NO"],
      ["applied_steps_count", "integer", null, "NO"],
    ]);
  });

  it("refuses to go on when an applied migration was modified", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "20260101000000_a": `CREATE TABLE "a" (id int);` });
    await applyMigrations(url, { migrationsDir: dir });
    await fs.writeFile(path.join(dir, "20260101000000_a", "migration.sql"), `CREATE TABLE "a" (id bigint);`);
    await fs.mkdir(path.join(dir, "20260102000000_b"));
    await fs.writeFile(path.join(dir, "20260102000000_b", "migration.sql"), `CREATE TABLE "b" (id int);`);

    const error = await applyMigrations(url, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/20260101000000_a was modified/);
    // Nothing after it was applied either.
    expect(await tableExists(url, "b")).toBe(false);
  });

  it("accepts the same file checked out with Windows line endings", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "20260101000000_a": `CREATE TABLE "a" (id int);\nCREATE TABLE "c" (id int);\n` });
    await applyMigrations(url, { migrationsDir: dir });
    await fs.writeFile(path.join(dir, "20260101000000_a", "migration.sql"), `CREATE TABLE "a" (id int);\r\nCREATE TABLE "c" (id int);\r\n`);
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [] });
  });

  it("refuses when an applied migration is missing from disk", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "20260101000000_a": "SELECT 1;", "20260102000000_b": "SELECT 2;" });
    await applyMigrations(url, { migrationsDir: dir });
    await fs.rm(path.join(dir, "20260102000000_b"), { recursive: true });
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/20260102000000_b is applied .* missing/);
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toBeInstanceOf(MigrationError);
  });

  it("refuses when a previous migration failed (left unfinished by Prisma or a crash), until it is marked rolled back", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "20260101000000_a": "SELECT 1;" });
    await applyMigrations(url, { migrationsDir: dir });
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES (gen_random_uuid(), $1, '20260102000000_b', 'boom')`,
      ["0".repeat(64)],
    );
    await fs.mkdir(path.join(dir, "20260102000000_b"));
    await fs.writeFile(path.join(dir, "20260102000000_b", "migration.sql"), `CREATE TABLE "b" (id int);`);

    const error = await applyMigrations(url, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe("20260102000000_b");
    expect((error as Error).message).toMatch(/failed or was interrupted/);

    // `prisma migrate resolve --rolled-back` does this; the migration is then applied again.
    await query(url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '20260102000000_b'`);
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: ["20260102000000_b"] });
    expect(await tableExists(url, "b")).toBe(true);
  });

  it("rolls a failing migration back completely and names it and the SQL error", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({
      "20260101000000_good": `CREATE TABLE "good" (id int);`,
      "20260102000000_bad": `CREATE TABLE "half" (id int);\nINSERT INTO "half" VALUES (1);\nALTER TABLE "nope" ADD COLUMN x int;\n`,
      "20260103000000_later": `CREATE TABLE "later" (id int);`,
    });

    const error = await applyMigrations(url, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe("20260102000000_bad");
    expect((error as Error).message).toMatch(/20260102000000_bad failed and was rolled back/);
    expect((error as Error).message).toMatch(/relation "nope" does not exist/);

    expect(await tableExists(url, "good")).toBe(true);
    expect(await tableExists(url, "half")).toBe(false);
    expect(await tableExists(url, "later")).toBe(false);
    const rows = await query(url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(["20260101000000_good"]);

    // Fixed, it applies on the next run without any manual step.
    await fs.writeFile(path.join(dir, "20260102000000_bad", "migration.sql"), `CREATE TABLE "half" (id int);`);
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({
      applied: ["20260102000000_bad", "20260103000000_later"],
    });
  });

  it("applies each migration once when two processes start at the same time", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    const all = results.flatMap((r) => r.applied);
    const names = (await query(url, `SELECT migration_name FROM "_prisma_migrations"`)).map((r) => r.migration_name);
    expect(all.sort()).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    // One run did the work; the others waited for the lock and found nothing left.
    expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
  });
});

describe("CHECK constraints of the initial migration", () => {
  let url: string;

  async function expectRefused(sql: string, constraint: string) {
    await expect(query(url, sql)).rejects.toMatchObject({ code: "23514", constraint });
  }

  async function setup() {
    url ??= await freshDatabase().then(async (u) => {
      await applyMigrations(u);
      await query(
        u,
        `INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ('00000000-0000-7000-8000-000000000001', 'Org', 'org', now());
         INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "updatedAt")
           VALUES ('00000000-0000-7000-8000-000000000002', 'a@example.org', 'A', 'x', 'admin', '00000000-0000-7000-8000-000000000001', now());
         INSERT INTO "Person" (id, "givenNames", surnames, "organizationId", "updatedAt")
           VALUES ('00000000-0000-7000-8000-000000000003', 'Ana', 'Pérez', '00000000-0000-7000-8000-000000000001', now());
         INSERT INTO "Release" (id, "personId", "organizationId", "releasedOn", "updatedAt")
           VALUES ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000001', '2026-01-12', now());`,
      );
      return u;
    });
  }

  const announcement = (columns: string, values: string) =>
    `INSERT INTO "Announcement" (id, claimant, "claimantKind", "statedOn", measure, basis, "updatedAt", ${columns})
     VALUES (gen_random_uuid(), 'Gobierno', 'government', '2026-01-10', 'released', 'window', now(), ${values})`;

  it("Announcement: ranges need min <= max and both ends, other qualifiers a value, counts >= 0, coverage in order", async () => {
    await setup();
    await expectRefused(announcement(`qualifier, min, max`, `'range', 10, 5`), "Announcement_min_max_check");
    await expectRefused(announcement(`qualifier, min`, `'range', 10`), "Announcement_qualifier_check");
    await expectRefused(announcement(`qualifier`, `'exact'`), "Announcement_qualifier_check");
    await expectRefused(announcement(`qualifier, value`, `'about', -1`), "Announcement_counts_check");
    await expectRefused(
      announcement(`qualifier, value, "coversFrom", "coversTo"`, `'exact', 3, '2026-02-01', '2026-01-01'`),
      "Announcement_covers_check",
    );
    // And the good ones go in.
    await query(url, announcement(`qualifier, min, max`, `'range', 5, 10`));
    await query(url, announcement(`qualifier, value, "coversFrom", "coversTo"`, `'at_least', 0, '2026-01-01', '2026-01-01'`));
  });

  it("Evidence needs a url or a file", async () => {
    await setup();
    const evidence = (extra: string, value: string) =>
      `INSERT INTO "Evidence" (id, "releaseId", kind, description${extra}) VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000004', 'press_report', 'x'${value})`;
    await expectRefused(evidence("", ""), "Evidence_url_or_file_check");
    await query(url, evidence(", url", ", 'https://example.org/news'"));
  });

  it("a rejecting Review, or a request for evidence, needs a reason", async () => {
    await setup();
    const review = (decision: string, reason: string) =>
      `INSERT INTO "Review" (id, "releaseId", "reviewerId", round, decision, reason)
       VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000002', ${Math.floor(Math.random() * 1e6) + 1}, '${decision}', ${reason})`;
    await expectRefused(review("reject", "NULL"), "Review_reason_check");
    await expectRefused(review("reject", "'   '"), "Review_reason_check");
    await expectRefused(review("request_evidence", "NULL"), "Review_reason_check");
    await query(url, review("reject", "'no evidence'"));
    await query(url, review("approve", "NULL"));
  });

  it("Person.birthYear is plausible and Release.reviewRound starts at 1", async () => {
    await setup();
    await expectRefused(
      `UPDATE "Person" SET "birthYear" = 1850 WHERE id = '00000000-0000-7000-8000-000000000003'`,
      "Person_birthYear_check",
    );
    await expectRefused(
      `UPDATE "Release" SET "reviewRound" = 0 WHERE id = '00000000-0000-7000-8000-000000000004'`,
      "Release_reviewRound_check",
    );
    await query(url, `UPDATE "Person" SET "birthYear" = 1980 WHERE id = '00000000-0000-7000-8000-000000000003'`);
  });

  it("maker-checker in the database: the reporter never reviews; verified needs evidence, an approval and verifiedAt", async () => {
    await setup();
    const release = `'00000000-0000-7000-8000-000000000005'`;
    await query(
      url,
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "updatedAt")
         VALUES ('00000000-0000-7000-8000-000000000006', 'b@example.org', 'B', 'x', 'moderator', '00000000-0000-7000-8000-000000000001', now());
       INSERT INTO "Release" (id, "personId", "organizationId", "releasedOn", "reportedById", "updatedAt")
         VALUES (${release}, '00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000001', '2026-01-12', '00000000-0000-7000-8000-000000000002', now());`,
    );
    const review = (reviewer: string) =>
      `INSERT INTO "Review" (id, "releaseId", "reviewerId", round, decision) VALUES (gen_random_uuid(), ${release}, '${reviewer}', 1, 'approve')`;
    await expect(query(url, review("00000000-0000-7000-8000-000000000002"))).rejects.toMatchObject({ code: "23514" });
    const verify = `UPDATE "Release" SET status = 'verified', "verifiedAt" = now() WHERE id = ${release}`;
    await expect(query(url, verify)).rejects.toThrow(/no evidence/);
    await query(url, `INSERT INTO "Evidence" (id, "releaseId", kind, description, url) VALUES (gen_random_uuid(), ${release}, 'press_report', 'x', 'https://example.org/n')`);
    await expect(query(url, verify)).rejects.toThrow(/no approval/);
    await query(url, review("00000000-0000-7000-8000-000000000006"));
    await expectRefused(`UPDATE "Release" SET status = 'verified' WHERE id = ${release}`, "Release_verified_at_check");
    await query(url, verify);
  });

  it("a release date and its precision agree: no date exactly when it is unknown", async () => {
    await setup();
    const release = `'00000000-0000-7000-8000-000000000004'`;
    await expectRefused(`UPDATE "Release" SET "releasedOn" = NULL WHERE id = ${release}`, "Release_released_precision_check");
    await expectRefused(
      `UPDATE "Release" SET "releasedPrecision" = 'unknown' WHERE id = ${release}`,
      "Release_released_precision_check",
    );
    await query(url, `UPDATE "Release" SET "releasedOn" = NULL, "releasedPrecision" = 'unknown' WHERE id = ${release}`);
    await query(url, `UPDATE "Release" SET "releasedOn" = '2026-01-01', "releasedPrecision" = 'month' WHERE id = ${release}`);
  });
});
