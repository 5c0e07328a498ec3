import path from "node:path";
import { defineConfig } from "prisma/config";

// Every prisma CLI command first tries to download the native schema engine,
// which these machines cannot reach. `generate`, `validate` and `format` do not
// use it, so any executable will do (see shared/STACK-NOTES.md); migrations are
// generated and applied by lib/db/migrations with the WebAssembly engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // Not env("DATABASE_URL"): that throws when unset and breaks `postinstall` in a bare checkout.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/constancia" },
});
