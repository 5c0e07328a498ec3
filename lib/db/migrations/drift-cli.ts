import { diffMigrationsToSchema, withShadowServer } from "./schema-engine.ts";

/**
 * `npm run db:drift`: do prisma/migrations and prisma/schema.prisma describe
 * the same database? The migrations are replayed on a throw-away shadow
 * database and diffed to the schema with Prisma's engine. Exit 0 with "no
 * drift", exit 1 with the SQL a new migration would need (run
 * `npm run db:new-migration -- <name>` to write it), exit 2 when the check
 * itself could not run. Hand-written CHECK constraints and extensions are
 * invisible to the engine's diff, so they never count as drift.
 */
async function main(): Promise<number> {
  const sql = await withShadowServer((databaseUrl) => diffMigrationsToSchema({ databaseUrl }));
  if (sql === null) {
    console.log("no drift");
    return 0;
  }
  console.error("Drift: prisma/schema.prisma and prisma/migrations disagree. A new migration would need:\n");
  console.log(sql.trimEnd());
  console.error("\nWrite it with: npm run db:new-migration -- <name>");
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:drift could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
