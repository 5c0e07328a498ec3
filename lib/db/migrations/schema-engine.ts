import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
// Not in package.json: the exact version adapter-pg 7.10.1 depends on (hoisted).
// It holds the error-capturing wrapper the engine expects around an adapter.
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlQueryable,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded.ts";

/**
 * Prisma's own schema engine, the WebAssembly build, driven through
 * @prisma/adapter-pg: it computes migration SQL exactly as `prisma migrate dev`
 * would, on machines where the native engine cannot be downloaded.
 *
 * Pinned pair: @prisma/schema-engine-wasm 8.1.0-2.59be4fda… with
 * @prisma/adapter-pg 7.10.1. The work-arounds below are for that pair; re-check
 * them when either moves.
 */

export const MIGRATIONS_DIR = path.resolve("prisma", "migrations");
export const SCHEMA_PATH = path.resolve("prisma", "schema.prisma");

export class SchemaEngineError extends Error {
  override name = "SchemaEngineError";
}

// ───────────────────────────── loading the engine ─────────────────────────────

let loaded: Promise<typeof import("@prisma/schema-engine-wasm").SchemaEngine> | null = null;

/**
 * The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`
 * (a bundler convention Node does not support), so the module is instantiated
 * by hand with the JS glue as its imports, as that entry point would do.
 */
function loadEngine() {
  loaded ??= (async () => {
    // The engine's panic hook writes the panic message to this global; without
    // it a panic becomes "cannot read properties of undefined" and hides the cause.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
    g.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();

    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const glue = engineBindings as unknown as Record<string, unknown> & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const { instance } = await WebAssembly.instantiate(await fs.readFile(wasmPath), {
      "./schema_engine_bg.js": glue as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineBindings.SchemaEngine;
  })();
  return loaded;
}

class PanicRegistry {
  message = "";
  get() {
    return this.message;
  }
  set_message(value: string) {
    this.message = `RuntimeError: ${value}`;
  }
}

// ───────────────────────────── the adapter, with work-arounds ─────────────────────────────

/**
 * Work-around 1: adapter-pg 7.10.1 has no column type for PostgreSQL's internal
 * `"char"` (OID 18): it throws UnsupportedNativeDataType, and the engine's
 * introspection reads such catalog columns (pg_constraint.contype, …) and wants
 * them as a Character. So, below the adapter, a pg client relabels those result
 * columns as `text` (their text value is the one letter) and remembers which
 * they were, keyed by the rows array that the adapter passes on unchanged; above
 * it, queryRaw turns those columns' type into Character. A WeakMap, not a
 * "last query" variable: queries on a pool run concurrently.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumns = new WeakMap<unknown[], number[]>();

function relabelCharColumns<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    const { fields, rows } = (one ?? {}) as Partial<pg.QueryResult>;
    const indexes = (fields ?? []).flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
    if (indexes.length === 0 || !rows) continue;
    for (const i of indexes) fields![i]!.dataTypeID = TEXT_OID;
    charColumns.set(rows, indexes);
  }
  return result;
}

/** Both ways adapter-pg calls pg are covered: the pool's callback form and a checked-out client's promise form. */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: Error | null, result: unknown) => void;
      return query.call(this, ...args.slice(0, -1), (error: Error | null, result: unknown) =>
        callback(error, error ? result : relabelCharColumns(result)),
      );
    }
    const returned = query.apply(this, args);
    return returned instanceof Promise ? returned.then(relabelCharColumns) : returned;
  }
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const i of charColumns.get(resultSet.rows) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

/**
 * Opens an adapter on `url` with a pool of our own (so the work-arounds apply),
 * closed with the adapter; `afterDispose` runs once the pool is closed.
 */
async function openAdapter(url: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, max: 4, Client: CharAsTextClient as unknown as new () => pg.Client });
  const adapter = withCharColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));

  // adapter-pg's executeScript splits the script on every ";" and runs the
  // pieces one by one, which breaks on a ";" inside a string, a comment or a
  // function body. The native engine sends a migration script whole (simple
  // query protocol, several statements at once): do the same. With no
  // parameters, pg uses the simple protocol.
  adapter.executeScript = async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };

  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await afterDispose?.();
  };
  return adapter;
}

/**
 * Work-arounds 2 and 3, the shadow database. adapter-pg's connectToShadowDb
 * creates `prisma_migrate_shadow_db_<uuid>` and then opens a pool on
 * `{ ...config, database }`; with a `connectionString` in the config, pg lets
 * the string win, so the "shadow" pool is the main database and the engine
 * would reset it. Here the shadow URL is built with the new database's name.
 * Its disposal also drops the database before ending the pool (DROP fails while
 * connections are open) and never closes the connection it created it with:
 * here the pool ends first, then the database is dropped from a short-lived
 * admin connection.
 */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  /** Shadow databases not yet dropped, so that a run cut short by an error or a panic still drops them. */
  private readonly shadows = new Set<string>();

  constructor(private readonly url: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return openAdapter(this.url);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await adminQuery(this.url, `CREATE DATABASE "${name}"`);
    this.shadows.add(name);
    return openAdapter(withDatabase(this.url, name), () => this.dropShadow(name));
  }

  async dropShadow(name: string): Promise<void> {
    // WITH (FORCE): after a panic the engine's pool may still hold connections.
    await adminQuery(this.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    this.shadows.delete(name);
  }

  async dropLeftovers(): Promise<void> {
    for (const name of [...this.shadows]) await this.dropShadow(name).catch(() => undefined);
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ───────────────────────────── running the engine ─────────────────────────────

/**
 * Runs `work` with an engine connected to `databaseUrl` (whose server also
 * hosts the throw-away shadow databases), freeing it afterwards. Engine
 * failures and panics become SchemaEngineError with the engine's message.
 */
export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const Engine = await loadEngine();
  const debug = process.env.DEBUG_SCHEMA_ENGINE ? (log: string) => console.error(`[schema-engine] ${log}`) : () => {};
  const factory = new MigrationAdapterFactory(databaseUrl);

  // A Rust panic surfaces as an uncaught WebAssembly.RuntimeError outside the
  // pending promise, which would then never settle: turn it into a rejection
  // so that the caller's clean-up (shadow databases, embedded server) runs.
  let onPanic: (error: unknown) => void = () => {};
  const panicked = new Promise<never>((_, reject) => {
    onPanic = (error) => reject(engineError(error));
  });
  panicked.catch(() => undefined);
  process.on("uncaughtException", onPanic);

  let engine: SchemaEngine | undefined;
  try {
    engine = await Promise.race([Engine.new({ datamodels: undefined }, debug, bindMigrationAwareSqlAdapterFactory(factory)), panicked]);
    return await Promise.race([work(engine), panicked]);
  } catch (error) {
    throw engineError(error);
  } finally {
    process.off("uncaughtException", onPanic);
    try {
      engine?.free();
    } catch {
      // After a panic the instance may be unusable; nothing more to free.
    }
    await factory.dropLeftovers();
  }
}

function engineError(error: unknown): Error {
  if (error instanceof SchemaEngineError) return error;
  if (error instanceof WebAssembly.RuntimeError) {
    const registry = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY;
    return new SchemaEngineError(`The schema engine panicked: ${registry?.get() || error.message}`);
  }
  const message =
    error instanceof Error
      ? error.message
      : typeof error === "object" && error !== null && "message" in error
        ? String((error as { message: unknown }).message)
        : JSON.stringify(error);
  return new SchemaEngineError(message);
}

/** migration_lock.toml exactly as the Prisma CLI writes it. */
export const MIGRATION_LOCK_TOML =
  "# Please do not edit this file manually\n" +
  "# It should be added in your version-control system (e.g., Git)\n" +
  'provider = "postgresql"\n';

/**
 * The migrations folder in the shape the engine wants (as the Prisma CLI
 * builds it): every `<name>/migration.sql`, in name order. The engine takes the
 * database kind from the lock file, so a folder without one (before the first
 * migration) is described with Prisma's default lock file.
 */
export async function readMigrationsList(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const entries = existsSync(baseDir) ? await fs.readdir(baseDir, { withFileTypes: true }) : [];
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await fs.readFile(lockPath, "utf8") : MIGRATION_LOCK_TOML },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(baseDir, name, "migration.sql");
        const content = await fs.readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/**
 * The SQL that takes a database built by the migrations folder (replayed on a
 * shadow database) to the Prisma schema, or null when they already agree.
 */
export async function diffMigrationsToSchema(options: {
  databaseUrl: string;
  migrationsDir?: string;
  schemaPath?: string;
}): Promise<string | null> {
  const schemaPath = path.resolve(options.schemaPath ?? SCHEMA_PATH);
  const migrations = await readMigrationsList(options.migrationsDir);
  const schema = { files: [{ path: schemaPath, content: await fs.readFile(schemaPath, "utf8") }] };
  return withSchemaEngine(options.databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      // Asks the engine to say "non-empty" with exit code 2, rather than parsing its SQL.
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  });
}

/**
 * A server for shadow databases: DATABASE_URL's server when set (only
 * CREATE/DROP DATABASE of throw-away databases: that database itself is only read), otherwise an
 * embedded PostgreSQL under .test-data/pg-migrations-dev, stopped afterwards.
 */
export async function withShadowServer<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return work(url);
  const server = await startEmbeddedPostgres({ dataDir: path.resolve(".test-data", "pg-migrations-dev") });
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

