/**
 * `npm run bench:import` (issue 7): a 100,000-row CSV imported through the
 * API in ≤ 120 s with server memory ≤ 500 MB, then the same file again (every
 * row unchanged); and the public export of 200,000 verified releases at
 * ≥ 20,000 rows/s in each format with flat memory (lib/bench/export.ts).
 *
 * Method: a throwaway database (lib/bench/database.ts) with 200,000 SYNTHETIC
 * people each with one verified release (seedExportBenchData); the app
 * started as `npm start` starts it (lib/runtime/start.ts: the web server and
 * the job workers that run imports, no demo data); a moderator with an API
 * token; the CSV sent to `POST /api/v1/imports`, and `GET
 * /api/v1/imports/{id}` polled every 250 ms until done. Time is from the POST
 * to "done"; memory is the resident memory of the server's process tree
 * (the launcher with its workers, and the web server), sampled every 100 ms.
 *
 * Options: --rows 100000 --releases 200000 --port 3994 --keep
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { systemActor } from "../auth/actor.ts";
import { createApiToken, createUser } from "../auth/mutations.ts";
import { db, disconnectDb } from "../db/client.ts";
import { buildIsStale, runBuild } from "../runtime/build.ts";
import { markSearchKeysCurrent } from "../search/mutations.ts";
import { createBenchDatabase } from "./database.ts";
import { benchExport, EXPORT_TARGET_ROWS_PER_SECOND, exportBenchTable, seedExportBenchData } from "./export.ts";
import { childrenOf, MemorySampler, waitFor } from "./server.ts";
import { textTable } from "./stats.ts";

const TARGETS = { importSeconds: 120, importRssMb: 500, exportRowsPerSecond: EXPORT_TARGET_ROWS_PER_SECOND };
const { values: options } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    releases: { type: "string", default: "200000" },
    port: { type: "string", default: "3994" },
    keep: { type: "boolean", default: false },
  },
});
const root = process.cwd();
const say = (line: string) => console.log(line);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

const GIVEN = ["José", "María", "Luis", "Ana", "Carlos", "Carmen", "Jesús", "Rosa", "Pedro", "Yolanda", "Jhonny", "Yusmary", "Wilmer", "Daniela", "Andrés", "Génesis"];
const SURNAMES = ["Pérez", "González", "Rodríguez", "Hernández", "García", "Martínez", "López", "Díaz", "Sánchez", "Ramírez", "Torres", "Rojas", "Mendoza", "Gutiérrez", "Castillo", "Núñez"];
const CONDITIONS = ["condicional", "plena", "casa por cárcel", "", "medidas cautelares"];

/** The sheet an NGO would send: their own ids, Spanish words, day-first dates; SYNTHETIC names. */
function syntheticCsv(rows: number): string {
  const lines = ["external_id;given_names;surnames;cedula;sex;nationality;birth_year;arrested_on;released_on;release_conditions;disclosure;notes"];
  for (let i = 0; i < rows; i++) {
    const given = `${GIVEN[i % GIVEN.length]} ${GIVEN[(i * 7 + 3) % GIVEN.length]}`;
    const surnames = `${SURNAMES[(i * 13) % SURNAMES.length]} ${SURNAMES[(i * 5 + 1) % SURNAMES.length]} B${i.toString(36)}`;
    const day = (i % 28) + 1;
    lines.push(
      [
        `BENCH-${i}`,
        given,
        surnames,
        i % 4 === 0 ? "" : `V-${70_000_000 + i}`,
        i % 2 ? "F" : "M",
        i % 10 === 0 ? "CO" : "VE",
        String(1950 + (i % 55)),
        `${String(day).padStart(2, "0")}/0${(i % 9) + 1}/2024`,
        i % 3 === 0 ? "" : `${String(day).padStart(2, "0")}/01/2026`,
        CONDITIONS[i % CONDITIONS.length],
        i % 5 === 0 ? "pública" : "iniciales",
        i % 20 === 0 ? "Fuente: familiares" : "",
      ].join(";"),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The processes of `npm start` as spawned here: tsx's launcher runs lib/runtime/start.ts in a
 * child node process (which runs the job workers, so the imports), and that one runs the web server (lib/runtime/web.ts).
 */
function serverProcesses(launcherPid: number): { workerPid: number; webPid: number | undefined } {
  const workerPid = childrenOf(launcherPid)[0] ?? launcherPid;
  return { workerPid, webPid: childrenOf(workerPid)[0] };
}

interface ImportRun {
  seconds: number;
  /** The whole server (launcher, workers and web server), the job worker (the launcher alone) and the web server. */
  peakRssMb: number;
  workerPeakMb: number;
  webPeakMb: number;
  view: Record<string, unknown>;
}

async function runImport(base: string, token: string, csv: string, pid: number): Promise<ImportRun> {
  const memory = new MemorySampler(pid);
  const { workerPid, webPid } = serverProcesses(pid);
  const worker = new MemorySampler(workerPid, { tree: false });
  const web = webPid ? new MemorySampler(webPid) : null;
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/imports?dryRun=false`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv; charset=utf-8", "X-File-Name": "bench.csv" },
    body: csv,
  });
  if (response.status !== 202) throw new Error(`POST /api/v1/imports answered ${response.status}: ${await response.text()}`);
  const { importId } = (await response.json()) as { importId: string };
  let view: Record<string, unknown> = {};
  let lastLog = 0;
  for (;;) {
    const progress = await fetch(`${base}/api/v1/imports/${importId}`, { headers: { Authorization: `Bearer ${token}` } });
    view = (await progress.json()) as Record<string, unknown>;
    if (view.status === "done" || view.status === "failed") break;
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      say(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${view.processed}/${view.total} rows`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, peakRssMb: memory.stop(), workerPeakMb: worker.stop(), webPeakMb: web?.stop() ?? 0, view: { ...view, errors: Array.isArray(view.errors) ? view.errors.length : view.errors } };
}

async function main(): Promise<void> {
  const rows = Number(options.rows);
  const releases = Number(options.releases);
  say(`bench:import — ${new Date().toISOString()}`);
  say(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`,
  );
  if (buildIsStale(root)) {
    say("Building the app (next build)…");
    await runBuild(root);
  }
  const bench = await createBenchDatabase(say);
  say(`Database: ${bench.name} on ${bench.server}`);
  let server: ChildProcess | null = null;
  try {
    say(`\nSeeding ${releases.toLocaleString("en")} people with a verified release (SYNTHETIC)…`);
    const seeded = await seedExportBenchData(bench.url, releases, say);
    say(`  done in ${(seeded.ms / 1000).toFixed(0)} s (${seeded.exported.toLocaleString("en")} exportable)`);

    process.env.DATABASE_URL = bench.url;
    const organization = await db().organization.findFirstOrThrow({ orderBy: { createdAt: "asc" }, select: { id: true } });
    const cli = systemActor("cli");
    const moderator = await createUser(cli, { email: `bench-import-${Date.now()}@example.org`, role: "moderator", organizationId: organization.id });
    const token = (await createApiToken(cli, moderator.id, { name: "bench" })).token;
    // The seeded people are exported, never searched: starting the app need not recompute their search keys.
    await markSearchKeysCurrent();
    await disconnectDb();

    const port = Number(options.port);
    // Exactly what `npm start` runs (its node flags included: the job worker's heap limit).
    const startArgs = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/).slice(1);
    server = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), ...startArgs], {
      cwd: root,
      // The launcher's own lines (migrations, search keys, "ready") say where a slow start spends its time.
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: bench.url, PORT: String(port), CONSTANCIA_DEMO: "0", NODE_ENV: "production" },
    });
    const base = `http://localhost:${port}`;
    await waitFor(`${base}/api/health`, 900_000);
    const idle = serverProcesses(server.pid!);
    const idleWorker = new MemorySampler(idle.workerPid, { tree: false }).stop();
    const idleWeb = idle.webPid ? new MemorySampler(idle.webPid).stop() : 0;

    const csv = syntheticCsv(rows);
    say(`\nImporting a ${rows.toLocaleString("en")}-row CSV (${(Buffer.byteLength(csv) / 2 ** 20).toFixed(1)} MB)…`);
    const first = await runImport(base, token, csv, server.pid!);
    say(`  ${JSON.stringify(first.view)}`);
    say("\nThe same file again (every row unchanged)…");
    const again = await runImport(base, token, csv, server.pid!);
    say(`  ${JSON.stringify(again.view)}`);

    say(`\nExporting (${seeded.exported.toLocaleString("en")} verified releases), each format warmed up once, then measured:`);
    // Exports are served by the web server: its memory is the one that must stay flat.
    const exports = await benchExport(base, { serverPid: serverProcesses(server.pid!).webPid ?? server.pid!, say });

    say("");
    say(
      textTable(
        ["measure", "result", "target", "verdict"],
        [
          [`${rows.toLocaleString("en")}-row CSV imported (s)`, first.seconds.toFixed(1), `≤ ${TARGETS.importSeconds}`, verdict(first.seconds <= TARGETS.importSeconds && first.view.status === "done")],
          ["  rows/s", (rows / first.seconds).toFixed(0), "", ""],
          ["  job worker peak RSS (MB)", first.workerPeakMb.toFixed(0), `≤ ${TARGETS.importRssMb}`, verdict(first.workerPeakMb <= TARGETS.importRssMb)],
          ["  web server peak RSS (MB)", first.webPeakMb.toFixed(0), `≤ ${TARGETS.importRssMb}`, verdict(first.webPeakMb <= TARGETS.importRssMb)],
          ["  both together, peak (MB)", first.peakRssMb.toFixed(0), "", ""],
          ["the same file again (s)", again.seconds.toFixed(1), "", again.view.unchanged === rows - Number(first.view.errors ?? 0) ? "all unchanged" : "CHANGED"],
          ["  job worker / web server peak RSS (MB)", `${again.workerPeakMb.toFixed(0)} / ${again.webPeakMb.toFixed(0)}`, "", ""],
          ["idle before: worker / web server (MB)", `${idleWorker.toFixed(0)} / ${idleWeb.toFixed(0)}`, "", ""],
          ...exports.map((result) => [
            `export ${result.format} rows/s`,
            result.rowsPerSecond.toFixed(0),
            `≥ ${TARGETS.exportRowsPerSecond}`,
            verdict(result.rowsPerSecond >= TARGETS.exportRowsPerSecond),
          ]),
        ],
      ),
    );
    say("");
    say(exportBenchTable(exports));
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await disconnectDb();
    if (options.keep) say(`Kept ${bench.url}`);
    else await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
