import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { MIGRATION_LOCK_TOML, MIGRATIONS_DIR, diffMigrationsToSchema, withShadowServer } from "./schema-engine.ts";

/**
 * `npm run db:new-migration -- <name>`: what `prisma migrate dev --create-only`
 * does, with the WebAssembly engine. Replays prisma/migrations on a throw-away
 * shadow database, diffs it to prisma/schema.prisma and writes the difference
 * to prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql. Review the
 * file (and add by hand what the schema cannot say, such as CHECK
 * constraints) before applying it with `npm run db:migrate`.
 *
 * Unlike `migrate dev`, no data-loss warnings are written at the top: the
 * engine's createMigration does not accept an external shadow database in this
 * build, so this is its `diff`. Read DROP statements carefully.
 */
async function main(): Promise<number> {
  const name = migrationName(process.argv.slice(2).join(" "));
  const sql = await withShadowServer((databaseUrl) => diffMigrationsToSchema({ databaseUrl }));
  if (sql === null) {
    console.log("no changes: prisma/schema.prisma already matches the migrations.");
    return 0;
  }
  const directory = path.join(MIGRATIONS_DIR, `${utcTimestamp(new Date())}_${name}`);
  if (existsSync(directory)) throw new Error(`${directory} already exists; wait a second and run again.`);
  await fs.mkdir(directory, { recursive: true });
  await fs.writeFile(path.join(directory, "migration.sql"), sql);
  // Prisma writes the lock file with the first migration; keep an existing one as it is.
  const lockFile = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lockFile)) await fs.writeFile(lockFile, MIGRATION_LOCK_TOML);
  console.log(`Created ${path.relative(process.cwd(), path.join(directory, "migration.sql"))}`);
  return 0;
}

/** Prisma's folder-name rules, roughly: lower-case words joined by "_", at most 200 characters. */
function migrationName(raw: string): string {
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!name) throw new Error("Give the migration a name: npm run db:new-migration -- <name>");
  return name;
}

/** yyyymmddHHMMSS in UTC, as `prisma migrate dev` names folders. */
function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:new-migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
