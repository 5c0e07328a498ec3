/**
 * `npm run bench:tally`: the tally (lib/tally) at 1,000,000 people, 200,000
 * releases with their status history and 1,000 announcements (a few with name
 * lists). See BENCHMARKS.md. It measures, in one run:
 *
 * 1. The full tally, uncached, for as-of days spread over the whole period:
 *    the app's computation (SQL through Prisma + the arithmetic in
 *    TypeScript + rule 4) against the bare SQL alone (the very statements the
 *    app sends, captured from Prisma's query log, replayed through `pg`).
 * 2. Cached answers through the real server (as `npm start` runs it, HTTP):
 *    `GET /api/v1/tally` and the public page `/anuncios`, 32 clients.
 * 3. Invalidation: a release verified by two moderators through the app's own
 *    functions must show in the very next answer.
 * 4. Matching a 10,000-name list against the million people (lib/names).
 *
 * Options: --persons 1000000, --releases 200000, --announcements 1000,
 * --days 60 (as-of days sampled), --seconds 15, --clients 32, --lines 10000,
 * --port 3991. It exits non-zero only when something fails, never for a MISS.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { systemActor } from "../auth/actor.ts";
import { createUser } from "../auth/mutations.ts";
import { disconnectDb } from "../db/client.ts";
import { todayInCaracas } from "../dates.ts";
import { reviewRelease } from "../reviews/mutations.ts";
import { buildIsStale, runBuild } from "../runtime/build.ts";
import { LABELLED_SET_PATH, type LabelledSet } from "../search/labelled-set.ts";
import { readTallyFacts } from "../tally/facts.ts";
import { clearTallyCache, tallyAsOf } from "../tally/service.ts";
import { captureAppSql, type CapturedQuery } from "./capture.ts";
import { createBenchDatabase } from "./database.ts";
import { loadSearchBenchData } from "./search-data.ts";
import { closeHttpClient, httpGet } from "./http-client.ts";
import { MemorySampler, startWebServer } from "./server.ts";
import { formatMs, summarize, textTable, type Summary } from "./stats.ts";
import { FULL_TALLY_SHAPE, loadTallyBenchData } from "./tally-data.ts";
import { benchNameListMatching } from "./tally-names.ts";

const TARGETS = { uncachedP95: 200, cachedRps: 500, listSeconds: 60 };

const { values: options } = parseArgs({
  options: {
    persons: { type: "string", default: "1000000" },
    releases: { type: "string", default: "200000" },
    announcements: { type: "string", default: "1000" },
    days: { type: "string", default: "60" },
    seconds: { type: "string", default: "15" },
    clients: { type: "string", default: "32" },
    lines: { type: "string", default: "10000" },
    port: { type: "string", default: "3991" },
    // For checking the data and the uncached part quickly: no build, no server, no list.
    "uncached-only": { type: "boolean", default: false },
    // Keep the loaded database (its URL is printed) to study plans; drop it by hand.
    keep: { type: "boolean", default: false },
  },
});
const uncachedOnly = options["uncached-only"] === true;
const n = (name: Exclude<keyof typeof options, "uncached-only" | "keep">) => {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number (got "${options[name]}").`);
  return value;
};
const root = path.resolve(import.meta.dirname, "../..");
const say = (line = "") => console.log(line);

async function main(): Promise<void> {
  say(`bench:tally — ${new Date().toISOString()}`);
  say(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`,
  );
  if (!uncachedOnly && buildIsStale(root)) {
    say("Building the app (next build)…");
    await runBuild(root);
  }
  const bench = await createBenchDatabase(say);
  say(`Database: ${bench.name} on ${bench.server}`);
  let server: ChildProcess | null = null;
  const pool = new pg.Pool({ connectionString: bench.url, max: 10 });
  pool.on("error", () => {});
  try {
    say(`\nLoading ${n("persons").toLocaleString("en")} people:`);
    const labelled = JSON.parse(readFileSync(LABELLED_SET_PATH, "utf8")) as LabelledSet;
    const people = await loadSearchBenchData(bench.url, n("persons"), labelled, say);
    say(`  done in ${(people.ms / 1000).toFixed(0)} s`);
    const data = await loadTallyBenchData(
      bench.url,
      { ...FULL_TALLY_SHAPE, releases: n("releases"), announcements: n("announcements") },
      say,
    );
    say(
      `  done in ${(data.ms / 1000).toFixed(0)} s: ${data.counts.releases.toLocaleString("en")} releases, ` +
        `${data.counts.statusChanges.toLocaleString("en")} status changes, ${data.counts.announcements} announcements ` +
        `(${data.counts.revisions} versions), ${data.counts.listLines.toLocaleString("en")} list lines; ${data.firstDay} to ${data.lastDay}`,
    );
    process.env.DATABASE_URL = bench.url;

    // ── 1. uncached
    const days = asOfDays(data.firstDay, todayInCaracas(), n("days"));
    say(`\nFull tally, uncached, ${days.length} as-of days from ${days[0]} to ${days.at(-1)} (one pass to warm up, one measured):`);
    const captured: CapturedQuery[][] = [];
    for (const day of days) captured.push((await captureAppSql(bench.url, () => readTallyFacts(day))).queries);
    const appRun = async (day: string) => {
      clearTallyCache();
      await tallyAsOf(day);
    };
    // The app runs its statements side by side (Promise.all): so does the replay.
    const bareRun = async (index: number) => {
      await Promise.all(captured[index]!.map((q) => pool.query(q.sql, JSON.parse(q.params) as unknown[])));
    };
    for (const [index, day] of days.entries()) {
      await appRun(day);
      await bareRun(index);
    }
    const app: number[] = [];
    const bare: number[] = [];
    for (const [index, day] of days.entries()) {
      app.push(await timed(() => appRun(day)));
      bare.push(await timed(() => bareRun(index)));
    }
    const appSummary = summarize(app);
    const bareSummary = summarize(bare);
    const latest = (await tallyAsOf(days.at(-1)!)).tally;
    say(
      `  (today: ${latest.releases.verified.toLocaleString("en")} verified, ${latest.releases.reported.toLocaleString("en")} reported, ` +
        `${latest.announcements.length} announcements, ${latest.series.length} series points)`,
    );

    // Where the time goes: each statement of the middle day alone, best of three.
    const middle = captured[Math.floor(captured.length / 2)]!;
    say(`  statements of ${days[Math.floor(days.length / 2)]}, each alone (best of 3):`);
    for (const q of middle) {
      let best = Infinity;
      for (let i = 0; i < 3; i++) best = Math.min(best, await timed(() => pool.query(q.sql, JSON.parse(q.params) as unknown[])));
      say(`    ${formatMs(best).padStart(7)} ms  ${q.sql.replace(/\s+/g, " ").slice(0, 110)}`);
    }

    if (uncachedOnly) {
      say(`\nuncached p50 ${formatMs(appSummary.p50)} / p95 ${formatMs(appSummary.p95)} ms; bare SQL p50 ${formatMs(bareSummary.p50)} / p95 ${formatMs(bareSummary.p95)} ms`);
      return;
    }

    // ── 2. cached, through the server (started as `npm start` starts it: Next behind the public cache)
    const port = n("port");
    server = await startWebServer(root, { port, env: { DATABASE_URL: bench.url, NEXTAUTH_SECRET: "bench-tally-secret-not-for-use" } });
    const base = `http://localhost:${port}`;
    const memory = new MemorySampler(server.pid!);
    const get = async (pathname: string, headers: Record<string, string> = {}) => {
      const answer = await httpGet(`${base}${pathname}`, { headers });
      if (answer.status !== 200) throw new Error(`${pathname} answered ${answer.status}`);
      return answer;
    };
    const clients = n("clients");
    const seconds = n("seconds");
    const pages = ["/api/v1/tally", "/anuncios"] as const;
    const cached: Record<string, { single: Summary; concurrent: { rps: number; summary: Summary }; bytes: number; servedBy: string }> = {};
    for (const page of pages) {
      const first = await get(page); // fills the cache
      say(`\n${page}, cached: 200 sequential requests, then ${clients} clients for ${seconds} s…`);
      const samples: number[] = [];
      for (let i = 0; i < 200; i++) samples.push(await timed(() => get(page)));
      const concurrent = await concurrently(clients, seconds, async () => void (await get(page)));
      const last = await get(page);
      cached[page] = { single: summarize(samples), concurrent, bytes: first.bytes, servedBy: String(last.headers["x-constancia-cache"] ?? "Next") };
      say(`  ${first.bytes.toLocaleString("en")} bytes as ${String(first.headers["content-encoding"] ?? "identity")}; answered by: ${cached[page]!.servedBy}`);
    }
    const peakMb = memory.stop();

    // ── 3. invalidation, for the API and the page
    say("\nInvalidation: a release verified by two moderators through lib/reviews, then one request each…");
    const verifiedOnPage = async () => {
      const html = (await httpGet(`${base}/anuncios`, { headers: { "accept-encoding": "identity" }, keep: true })).body!.toString("utf8");
      return Number(/data-testid="headline-verified" data-value="(\d+)"/.exec(html)?.[1] ?? NaN);
    };
    const verifiedInApi = async () =>
      (JSON.parse((await httpGet(`${base}/api/v1/tally`, { headers: { "accept-encoding": "identity" }, keep: true })).body!.toString("utf8")) as { releases: { verified: number } }).releases.verified;
    const invalidation = await checkInvalidation(pool, async () => ({ api: await verifiedInApi(), page: await verifiedOnPage() }));

    // ── 4. a name list
    say(`\nMatching a ${n("lines").toLocaleString("en")}-name list against the million…`);
    const list = await benchNameListMatching(bench.url, n("lines"), labelled, say);

    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "—");
    say("");
    say(
      textTable(
        ["measure", "app", "bare SQL", "ratio", "target", "verdict"],
        [
          ["full tally uncached p50 (ms)", formatMs(appSummary.p50), formatMs(bareSummary.p50), ratio(appSummary.p50, bareSummary.p50), "", ""],
          ["full tally uncached p95 (ms)", formatMs(appSummary.p95), formatMs(bareSummary.p95), ratio(appSummary.p95, bareSummary.p95), `≤ ${TARGETS.uncachedP95}`, verdict(appSummary.p95 <= TARGETS.uncachedP95)],
          ...pages.flatMap((page) => {
            const c = cached[page]!;
            return [
              [`${page} cached, one client p95 (ms)`, formatMs(c.single.p95), "", "", "", ""],
              [`${page} cached, ${clients} clients req/s`, c.concurrent.rps.toFixed(0), "", "", `≥ ${TARGETS.cachedRps}`, verdict(c.concurrent.rps >= TARGETS.cachedRps)],
              [`${page} cached, ${clients} clients p95 (ms)`, formatMs(c.concurrent.summary.p95), "", "", "", ""],
            ];
          }),
          ["verified release shows at once (API and page)", invalidation.ok ? "yes" : "no", "", "", "yes", verdict(invalidation.ok)],
          [`${list.lines.toLocaleString("en")}-name list matched (s)`, list.seconds.toFixed(1), "", "", `≤ ${TARGETS.listSeconds}`, verdict(list.seconds <= TARGETS.listSeconds)],
          ["server peak RSS (MB)", peakMb.toFixed(0), "", "", "", ""],
        ],
      ),
    );
    say(
      `Invalidation: verified in the API ${invalidation.before.api} → ${invalidation.after.api}, on the page ${invalidation.before.page} → ${invalidation.after.page} ` +
        `(expected one more in both).`,
    );
    for (const page of pages) say(`${page}: ${cached[page]!.bytes.toLocaleString("en")} bytes compressed; the last answer came from: ${cached[page]!.servedBy}.`);
    say(`List: ${list.summary}`);
  } finally {
    closeHttpClient();
    await pool.end();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await disconnectDb();
    if (options.keep) say(`Kept ${bench.url}`);
    else await bench.drop();
  }
}

/** `count` days evenly spread from `first` to `last`, both included. */
function asOfDays(first: string, last: string, count: number): string[] {
  const a = Date.parse(`${first}T00:00:00Z`);
  const b = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(a + Math.round(((b - a) * i) / Math.max(1, count - 1) / 86_400_000) * 86_400_000).toISOString().slice(0, 10),
  );
}

async function checkInvalidation(pool: pg.Pool, verifiedNow: () => Promise<{ api: number; page: number }>) {
  const actor = systemActor("cli");
  const { rows } = await pool.query<{ id: string; organizationId: string }>(
    `SELECT r.id, r."organizationId" FROM "Release" r JOIN "Person" p ON p.id = r."personId"
      WHERE r.status = 'reported' AND r."deletedAt" IS NULL AND r."reportedById" IS NULL ORDER BY r.id LIMIT 1`,
  );
  const release = rows[0]!;
  // Evidence first (no approval without it), as a volunteer's link would be.
  await pool.query(
    `INSERT INTO "Evidence" (id, "releaseId", kind, url, description, "createdAt") VALUES (uuidv7(), $1, 'ngo_list', 'https://example.org/lista', 'Lista de la ONG', now())`,
    [release.id],
  );
  const moderators = [];
  for (const label of ["a", "b"]) {
    const user = await createUser(actor, { email: `bench-moderator-${label}-${process.pid}@example.org`, role: "moderator", organizationId: release.organizationId });
    moderators.push({ kind: "token" as const, userId: user.id, role: "moderator" as const, organizationId: release.organizationId });
  }
  const before = await verifiedNow();
  for (const moderator of moderators) await reviewRelease(moderator, release.id, { decision: "approve" });
  const after = await verifiedNow();
  return { ok: after.api === before.api + 1 && after.page === before.page + 1 && before.api === before.page, before, after };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function concurrently(clients: number, seconds: number, work: () => Promise<void>): Promise<{ rps: number; summary: Summary }> {
  const samples: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) samples.push(await timed(work));
    }),
  );
  return { rps: samples.length / ((performance.now() - started) / 1000), summary: summarize(samples) };
}

const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
