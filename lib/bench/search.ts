/**
 * `npm run bench:search`: the public search (GET /api/v1/search) on a database
 * of 1,000,000 people, through the real web server (as `npm start` runs it, HTTP, rate
 * limit counted in PostgreSQL, matching and ranking in TypeScript) and, in the
 * same run, the bare SQL the app sends for the same queries (captured from
 * Prisma's query log and replayed through `pg`), so the cost of everything
 * around the SQL shows as a ratio. See BENCHMARKS.md.
 *
 * Workload: the labelled set's queries (lib/search/labelled-set.json: names
 * with accents missing, reordered, typos, sound-alikes, initials, particles,
 * cédulas in every format, names not on record), whose people are loaded
 * among the million.
 *
 * Options: --persons 1000000, --single 1000 (sequential requests), --seconds 20
 * (length of the 32-client run), --clients 32, --port 3990.
 *
 * A benchmark measures, it does not judge: it prints PASS/MISS against the
 * targets and exits 0; it exits non-zero only when something fails.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { db, disconnectDb, webServerPoolSize } from "../db/client.ts";
import { buildIsStale, runBuild } from "../runtime/build.ts";
import { searchPeople } from "../search/data.ts";
import { LABELLED_SET_PATH, type LabelledSet } from "../search/labelled-set.ts";
import { captureAppSql, type CapturedQuery } from "./capture.ts";
import { createBenchDatabase } from "./database.ts";
import { loadSearchBenchData } from "./search-data.ts";
import { closeHttpClient, httpGet } from "./http-client.ts";
import { childrenOf, MemorySampler, startWebServer } from "./server.ts";
import { cpuSince, readCpuTicks } from "./cpu.ts";
import { formatMs, summarize, textTable, type Summary } from "./stats.ts";

const TARGETS = { singleP95: 50, concurrentRps: 300, concurrentP95: 250, serverMb: 500 };

const { values: options } = parseArgs({
  options: {
    persons: { type: "string", default: "1000000" },
    single: { type: "string", default: "1000" },
    seconds: { type: "string", default: "20" },
    clients: { type: "string", default: "32" },
    port: { type: "string", default: "3990" },
  },
});
const personsWanted = whole("persons", options.persons);
const singleRequests = whole("single", options.single);
const seconds = whole("seconds", options.seconds);
const clients = whole("clients", options.clients);
const port = whole("port", options.port);
const root = path.resolve(import.meta.dirname, "../..");
const say = (line = "") => console.log(line);

async function main(): Promise<void> {
  say(`bench:search — ${new Date().toISOString()}`);
  say(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`,
  );
  // The build first: a broken build should fail the run before ten minutes of loading, not after.
  if (buildIsStale(root)) {
    say("Building the app (next build)…");
    await runBuild(root);
  }
  const labelled = JSON.parse(readFileSync(LABELLED_SET_PATH, "utf8")) as LabelledSet;
  const queries = labelled.queries.map((query) => query.text);
  const bench = await createBenchDatabase(say);
  say(`Database: ${bench.name} on ${bench.server}`);
  let server: ChildProcess | null = null;
  let bare: pg.Pool | null = null;
  try {
    say(`\nLoading ${personsWanted.toLocaleString("en")} people:`);
    const data = await loadSearchBenchData(bench.url, personsWanted, labelled, say);
    say(
      `  done in ${(data.ms / 1000).toFixed(0)} s; vocabulary ${data.vocabulary.keys.toLocaleString("en")} keys, ` +
        `${data.vocabulary.variants.toLocaleString("en")} one-deletion variants`,
    );

    // What the app sends to PostgreSQL for each query: captured once, replayed as the bare side.
    process.env.DATABASE_URL = bench.url;
    const captured = await captureEach(bench.url, queries);
    say(`Captured the SQL of ${queries.length} queries (${captured.reduce((sum, list) => sum + list.length, 0)} statements).`);

    // The web server as `npm start` runs it (lib/runtime/web.ts); searches are never cached: its direct route
    // answers them through the route handler (lib/runtime/direct-routes.ts).
    server = await startWebServer(root, {
      port,
      env: {
        DATABASE_URL: bench.url,
        // Counted like any client's, but high enough that the benchmark's own clients are never refused.
        CONSTANCIA_SEARCH_RATE_LIMIT: "1000000",
        CONSTANCIA_CEDULA_SEARCH_RATE_LIMIT: "1000000",
        NEXTAUTH_SECRET: "bench-search-secret-not-for-use",
      },
    });
    const base = `http://localhost:${port}`;
    const memory = new MemorySampler(server.pid!);

    const request = async (text: string, client: number) => {
      const answer = await httpGet(`${base}/api/v1/search?q=${encodeURIComponent(text)}&limit=10`, {
        headers: { "x-forwarded-for": `10.0.${client >> 8}.${client & 255}` },
        keep: true,
      });
      if (answer.status !== 200) throw new Error(`search "${text}" answered ${answer.status}: ${answer.body!.toString("utf8").slice(0, 200)}`);
    };
    // The bare side gets as many connections as the app's pool (CONSTANCIA_DB_POOL, else the web server's
    // default): beyond what the cores can serve, more connections only make PostgreSQL slower.
    const connections = Number(process.env.CONSTANCIA_DB_POOL) || webServerPoolSize();
    say(`Database connections, app and bare SQL alike: ${connections}.`);
    const pool = new pg.Pool({ connectionString: bench.url, max: connections });
    pool.on("error", () => {}); // an idle connection dropped with the database at the end
    bare = pool;
    const replay = async (index: number) => {
      for (const statement of captured[index]!) await pool.query(statement.sql, JSON.parse(statement.params) as unknown[]);
    };

    say("\nWarming up (one pass over the workload on each side)…");
    for (let index = 0; index < queries.length; index++) {
      await request(queries[index]!, 0);
      await replay(index);
    }

    say(`One client, ${singleRequests} sequential requests:`);
    const appSingle = await sequential(singleRequests, (index) => request(queries[index % queries.length]!, 1));
    const bareSingle = await sequential(singleRequests, (index) => replay(index % queries.length));

    say(`${clients} concurrent clients for ${seconds} s each side:`);
    const webPids = new Set([server.pid!, ...childrenOf(server.pid!)]);
    const cpuBefore = readCpuTicks();
    const appConcurrent = await concurrent(clients, seconds, (client, index) =>
      request(queries[(client * 97 + index) % queries.length]!, client + 2),
    );
    const appCpu = cpuSince(cpuBefore, readCpuTicks(), appConcurrent.seconds, Math.round(appConcurrent.rps * appConcurrent.seconds), webPids);
    const bareConcurrent = await concurrent(clients, seconds, (client, index) => replay((client * 97 + index) % queries.length));
    const peakMb = memory.stop();

    const ratio = (app: number, bareValue: number) => (bareValue > 0 ? `${(app / bareValue).toFixed(1)}×` : "—");
    say("");
    say(
      textTable(
        ["measure", "app (HTTP)", "bare SQL", "ratio", "target", "verdict"],
        [
          ["one client p50 (ms)", formatMs(appSingle.p50), formatMs(bareSingle.p50), ratio(appSingle.p50, bareSingle.p50), "", ""],
          ["one client p95 (ms)", formatMs(appSingle.p95), formatMs(bareSingle.p95), ratio(appSingle.p95, bareSingle.p95), `≤ ${TARGETS.singleP95}`, verdict(appSingle.p95 <= TARGETS.singleP95)],
          [`${clients} clients, requests/s`, appConcurrent.rps.toFixed(0), bareConcurrent.rps.toFixed(0), ratio(bareConcurrent.rps, appConcurrent.rps), `≥ ${TARGETS.concurrentRps}`, verdict(appConcurrent.rps >= TARGETS.concurrentRps)],
          [`${clients} clients p95 (ms)`, formatMs(appConcurrent.summary.p95), formatMs(bareConcurrent.summary.p95), ratio(appConcurrent.summary.p95, bareConcurrent.summary.p95), `≤ ${TARGETS.concurrentP95}`, verdict(appConcurrent.summary.p95 <= TARGETS.concurrentP95)],
          ["server peak RSS (MB)", peakMb.toFixed(0), "", "", `≤ ${TARGETS.serverMb}`, verdict(peakMb <= TARGETS.serverMb)],
        ],
      ),
    );
    say("(ratio: app ÷ bare for times, bare ÷ app for throughput: how many times the bare SQL alone is faster.)");
    say(`\nCPU while ${clients} clients searched the app (${os.cpus().length} cores shared by all):`);
    for (const use of appCpu.filter((one) => one.cores >= 0.005)) {
      say(`  ${use.kind.padEnd(15)} ${use.cores.toFixed(2)} cores, ${use.msPerRequest.toFixed(2)} ms a request`);
    }
  } finally {
    closeHttpClient();
    await bare?.end();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await disconnectDb();
    await bench.drop();
  }
}

const MARKER = "SELECT 'bench:search boundary'";

/** The statements each query sends, from one capture: a marker statement separates one query's from the next's. */
async function captureEach(url: string, texts: readonly string[]): Promise<CapturedQuery[][]> {
  const { queries: log } = await captureAppSql(url, async () => {
    for (const text of texts) {
      await searchPeople(text, 10);
      await db().$executeRawUnsafe(MARKER);
    }
  });
  const perQuery: CapturedQuery[][] = [[]];
  for (const entry of log) {
    if (entry.sql === MARKER) perQuery.push([]);
    else perQuery[perQuery.length - 1]!.push(entry);
  }
  perQuery.pop();
  if (perQuery.length !== texts.length) throw new Error(`Captured ${perQuery.length} queries' SQL, expected ${texts.length}.`);
  return perQuery;
}

async function sequential(count: number, work: (index: number) => Promise<void>): Promise<Summary> {
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    await work(index);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

async function concurrent(
  clientCount: number,
  durationSeconds: number,
  work: (client: number, index: number) => Promise<void>,
): Promise<{ rps: number; seconds: number; summary: Summary }> {
  const samples: number[] = [];
  const started = performance.now();
  const until = started + durationSeconds * 1000;
  await Promise.all(
    Array.from({ length: clientCount }, async (_, client) => {
      for (let index = 0; performance.now() < until; index++) {
        const at = performance.now();
        await work(client, index);
        samples.push(performance.now() - at);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { rps: samples.length / elapsed, seconds: elapsed, summary: summarize(samples) };
}

function verdict(pass: boolean): string {
  return pass ? "PASS" : "MISS";
}

function whole(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number (got "${raw}").`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
