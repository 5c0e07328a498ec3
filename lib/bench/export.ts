/**
 * The export benchmark (issue 7: 200,000 verified releases exported at
 * ≥ 20,000 rows/s in each format, with flat memory).
 *
 * - `benchExport(baseUrl, { serverPid })`: downloads each public format of
 *   `GET /api/v1/releases/export` in full from a running server, and reports
 *   rows (verified releases in the file), bytes, rows/s, and the server's
 *   resident memory (sampled every 100 ms: before, and the peak during each
 *   download). `npm run bench:import` calls it.
 * - `seedExportBenchData(url, releases)`: SYNTHETIC people, each with one
 *   verified release, written in SQL (a fixed share withheld or initials-only).
 * - Run alone (`tsx lib/bench/export.ts [--releases 200000] [--port 3993]`):
 *   a throwaway database, the seed, the web server (as `npm start` runs it), the downloads, a table.
 */
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildIsStale, runBuild } from "../runtime/build.ts";
import { createBenchDatabase } from "./database.ts";
import { MemorySampler, startWebServer } from "./server.ts";
import { textTable } from "./stats.ts";

export const EXPORT_TARGET_ROWS_PER_SECOND = 20_000;
export const EXPORT_FORMATS = ["csv", "json", "pfif"] as const;
export type ExportBenchFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportBenchResult {
  format: ExportBenchFormat;
  /** Verified releases in the file: CSV lines after the header, JSON objects, PFIF notes. */
  rows: number;
  /** Bytes of the file as received (after any Content-Encoding is undone). */
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** Time to the first byte of the body (ms). */
  firstByteMs: number;
  /** Server resident memory (MB, with its children) just before the download, and the peak during it; null without a pid. */
  rssBeforeMb: number | null;
  peakRssMb: number | null;
}

/** How many rows a chunk of each format holds, counted without parsing (each writer puts one row a line). */
const ROW_MARKERS: Record<ExportBenchFormat, string> = { csv: "\r\n", json: "\n{", pfif: "<pfif:note>" };

function countOccurrences(text: string, marker: string): number {
  let count = 0;
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + marker.length)) count++;
  return count;
}

function currentRssMb(pid: number): number {
  const sampler = new MemorySampler(pid);
  return sampler.stop();
}

/**
 * Downloads each format once to warm up (unless `warmUp` is false), then once
 * measured. `encoding` "identity" asks the server not to compress (the raw
 * export speed); "gzip" is what a browser would ask for.
 */
export async function benchExport(
  baseUrl: string,
  options: {
    serverPid?: number;
    formats?: readonly ExportBenchFormat[];
    encoding?: "identity" | "gzip";
    warmUp?: boolean;
    say?: (line: string) => void;
  } = {},
): Promise<ExportBenchResult[]> {
  const say = options.say ?? (() => {});
  const results: ExportBenchResult[] = [];
  for (const format of options.formats ?? EXPORT_FORMATS) {
    if (options.warmUp !== false) await download(baseUrl, format, options.encoding ?? "identity");
    const rssBeforeMb = options.serverPid ? currentRssMb(options.serverPid) : null;
    const sampler = options.serverPid ? new MemorySampler(options.serverPid) : null;
    const measured = await download(baseUrl, format, options.encoding ?? "identity");
    const peakRssMb = sampler ? sampler.stop() : null;
    const result: ExportBenchResult = {
      format,
      ...measured,
      rowsPerSecond: measured.rows / measured.seconds,
      rssBeforeMb,
      peakRssMb,
    };
    say(
      `  ${format}: ${result.rows.toLocaleString("en")} rows, ${(result.bytes / 2 ** 20).toFixed(1)} MB in ${result.seconds.toFixed(2)} s ` +
        `= ${Math.round(result.rowsPerSecond).toLocaleString("en")} rows/s` +
        (peakRssMb !== null ? `; server RSS ${rssBeforeMb!.toFixed(0)} → peak ${peakRssMb.toFixed(0)} MB` : ""),
    );
    results.push(result);
  }
  return results;
}

async function download(baseUrl: string, format: ExportBenchFormat, encoding: "identity" | "gzip") {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/releases/export?format=${format}`, { headers: { "Accept-Encoding": encoding } });
  if (response.status !== 200 || !response.body) throw new Error(`export ${format} answered ${response.status}`);
  const decoder = new TextDecoder();
  const marker = ROW_MARKERS[format];
  let bytes = 0;
  let rows = 0;
  let tail = "";
  let firstByteMs = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
    // Keep the end of the previous chunk (shorter than the marker, so never a whole one), so that a
    // marker split across two chunks is counted once. (No marker overlaps itself.)
    const text = tail + decoder.decode(chunk, { stream: true });
    rows += countOccurrences(text, marker);
    tail = text.slice(-(marker.length - 1));
  }
  const seconds = (performance.now() - started) / 1000;
  // CSV: every line ends with CRLF, the header's included.
  if (format === "csv") rows -= 1;
  return { rows, bytes, seconds, firstByteMs };
}

/** Summary lines for BENCHMARKS.md and the benches' tables. */
export function exportBenchTable(results: readonly ExportBenchResult[]): string {
  return textTable(
    ["format", "rows", "MB", "s", "rows/s", "first byte (ms)", "server RSS before → peak (MB)", "target", "verdict"],
    results.map((r) => [
      r.format,
      r.rows.toLocaleString("en"),
      (r.bytes / 2 ** 20).toFixed(1),
      r.seconds.toFixed(2),
      Math.round(r.rowsPerSecond).toLocaleString("en"),
      r.firstByteMs.toFixed(0),
      r.peakRssMb === null ? "—" : `${r.rssBeforeMb!.toFixed(0)} → ${r.peakRssMb.toFixed(0)}`,
      `≥ ${EXPORT_TARGET_ROWS_PER_SECOND.toLocaleString("en")}`,
      r.rowsPerSecond >= EXPORT_TARGET_ROWS_PER_SECOND ? "ok" : "MISS",
    ]),
  );
}

/**
 * SYNTHETIC data: `releases` people, each with one verified release, in one
 * organization; names drawn from short lists (no real person), 5 % withheld
 * (left out of the export), 15 % initials-only, the rest public. Returns how
 * many verified releases the public export should hold.
 */
export async function seedExportBenchData(url: string, releases: number, log: (line: string) => void = () => {}): Promise<{ exported: number; ms: number }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SELECT setseed(0.2026)");
    const { rows: existing } = await client.query<{ id: string }>(`SELECT id FROM "Organization" ORDER BY "createdAt" LIMIT 1`);
    const organizationId =
      existing[0]?.id ??
      (
        await client.query<{ id: string }>(
          `INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES (uuidv7(), 'Observatorio de prueba (bench)', 'bench-export', now()) RETURNING id`,
        )
      ).rows[0]!.id;
    log(`  ${releases.toLocaleString("en")} people with a verified release…`);
    await client.query(
      `CREATE TEMP TABLE seed AS
         SELECT uuidv7() AS person_id, uuidv7() AS release_id, i,
                (ARRAY['José Luis','María Gabriela','Carlos Eduardo','Ana Teresa','Luis Alberto','Rosa Elena','Pedro Pablo','Daniela','Jesús Rafael','Yolanda'])[1 + i % 10] AS given,
                (ARRAY['Pérez Rodríguez','González Díaz','Hernández Rojas','Martínez Silva','De la Cruz Mendoza','Ramírez Torres','Salazar Lugo','Bravo Núñez','Medina Ortega','Castillo Peña'])[1 + (i / 10) % 10]
                  || ' ' || (i % 9973)::text AS family,
                CASE WHEN random() < 0.05 THEN 'withheld' WHEN random() < 0.16 THEN 'initials' ELSE 'public' END::"Disclosure" AS disclosure,
                DATE '2025-12-01' + (random() * 330)::int AS day,
                random() AS draw
           FROM generate_series(1, $1::int) AS i`,
      [releases],
    );
    await client.query(
      `INSERT INTO "Person" (id, "givenNames", surnames, disclosure, "organizationId", "updatedAt")
         SELECT person_id, given, family, disclosure, $1, now() FROM seed`,
      [organizationId],
    );
    await client.query(
      `INSERT INTO "Release" (id, "personId", "organizationId", "releasedOn", "releasedPrecision", conditions, status, "verifiedAt", "updatedAt")
         SELECT release_id, person_id, $1,
                CASE WHEN draw < 0.97 THEN day END,
                (CASE WHEN draw < 0.90 THEN 'day' WHEN draw < 0.97 THEN 'month' ELSE 'unknown' END)::"DatePrecision",
                (ARRAY['full','conditional','house_arrest','expelled','unknown'])[1 + (i % 5)]::"ReleaseConditions",
                'verified', day::timestamptz + interval '20 hours', now()
           FROM seed`,
      [organizationId],
    );
    await client.query(`ANALYZE "Person"; ANALYZE "Release"`);
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM seed WHERE disclosure <> 'withheld'`);
    return { exported: Number(rows[0]!.n), ms: performance.now() - started };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      releases: { type: "string", default: "200000" },
      port: { type: "string", default: "3993" },
      encoding: { type: "string", default: "identity" },
    },
  });
  const releases = Number(values.releases);
  const encoding = values.encoding === "gzip" ? "gzip" : "identity";
  const say = (line = "") => console.log(line);
  const root = path.resolve(import.meta.dirname, "../..");
  say(`bench:export — ${new Date().toISOString()}`);
  say(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`,
  );
  if (buildIsStale(root)) {
    say("Building the app (next build)…");
    await runBuild(root);
  }
  const bench = await createBenchDatabase(say);
  let server: ChildProcess | null = null;
  try {
    const seeded = await seedExportBenchData(bench.url, releases, say);
    say(`  done in ${(seeded.ms / 1000).toFixed(0)} s: ${seeded.exported.toLocaleString("en")} releases the export should hold`);
    const port = Number(values.port);
    server = await startWebServer(root, { port, env: { DATABASE_URL: bench.url, NEXTAUTH_SECRET: "bench-export-secret-not-for-use" } });
    const base = `http://localhost:${port}`;
    say(`\nDownloading each format (one warm-up, one measured; Accept-Encoding: ${encoding}):`);
    const results = await benchExport(base, { serverPid: server.pid!, encoding, say });
    say("");
    say(exportBenchTable(results));
    const wrong = results.filter((r) => r.rows !== seeded.exported);
    if (wrong.length > 0) {
      say(`Row counts differ from the ${seeded.exported} expected: ${wrong.map((r) => `${r.format} ${r.rows}`).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await bench.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
