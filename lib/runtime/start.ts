import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { disconnectDb } from "../db/client.ts";
import { loadDemo, DEMO_USERS } from "../demo/load.ts";
import { refreshSearchKeys } from "../search/mutations.ts";
import { env } from "../env.ts";
import { startWorkers, stopWorkers } from "../jobs/workers.ts";
import { buildIsStale, runBuild, webServerCommand } from "./build.ts";
import { openDatabase, type DatabaseHandle } from "./database.ts";
import { sessionSecret } from "./secret.ts";

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, demo data
 * (unless CONSTANCIA_DEMO=0), a production build when missing or stale, then
 * the web server on localhost:PORT (lib/runtime/web.ts: Next's production
 * server behind the public cache). Ctrl-C stops the server, then the database.
 * `--dev` runs `next dev` instead of a build.
 */
const root = process.cwd();
const dev = process.argv.includes("--dev");
const say = (line: string) => console.log(`[constancia] ${line}`);
// No telemetry: these machines have no network, and the people using Constancia did not ask for it.
process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main(): Promise<void> {
  const port = env.port();
  const dataDir = env.dataDir();
  await fs.mkdir(dataDir, { recursive: true });

  const database = await openDatabase({ log: (line) => say(line) });
  let server: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    // Workers finish the job in hand (a mail being sent) before the database goes away.
    await stopWorkers().catch((error: Error) => console.error(`[constancia] stopping the job workers: ${error.message}`));
    await disconnectDb();
    await database.release();
    say("stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    await refreshSearchKeys({ log: say });
    if (env.demo()) {
      await loadDemo({ log: say });
    }
    await disconnectDb();
    if (!dev && buildIsStale(root)) {
      say("building the app (first start, or the sources changed)…");
      await runBuild(root);
    }
    // This process runs the background jobs (mail); the web server only queues them.
    await startWorkers();
  } catch (error) {
    console.error(`[constancia] could not start: ${(error as Error).message}`);
    await stop(1);
    return;
  }

  const url = `http://localhost:${port}`;
  const web = webServerCommand(root, { dev, hostname: "localhost", port });
  server = spawn(web.command, web.args, {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      CONSTANCIA_DATA_DIR: dataDir,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
      NEXTAUTH_SECRET: await sessionSecret(dataDir),
      ...(dev ? {} : { NODE_ENV: "production" }),
    },
  });
  // Next's own banner is noise next to our one line; keep its warnings and errors.
  server.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (/warn|error/i.test(line)) console.log(line);
  });
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`[constancia] the web server stopped (exit ${code}).`);
      void stop(code ?? 1);
    }
  });

  if (await waitForHealth(url, 120_000)) {
    announce(url, dataDir, database);
  } else {
    console.error(`[constancia] the web server did not answer at ${url} within 2 minutes.`);
    await stop(1);
  }
}

function announce(url: string, dataDir: string, database: DatabaseHandle): void {
  if (env.demo()) {
    say("demo accounts (demo mode only; they skip the second factor that real moderators and admins need):");
    for (const user of DEMO_USERS) say(`  ${user.role.padEnd(9)} ${user.email}  /  ${user.password}`);
  }
  const where = database.source === "external" ? "DATABASE_URL" : `embedded PostgreSQL in ${path.join(dataDir, "pg")}`;
  say(`Constancia is ready at ${url} — data: ${where}, files in ${dataDir}. Ctrl-C stops it.`);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

main().catch((error) => {
  console.error(`[constancia] could not start: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
