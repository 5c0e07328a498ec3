/**
 * `npm run bench:review`: the review queue's first page and an approval, on a
 * database of 100,000 people, 120,000 releases (30,000 waiting for review) and
 * 200,000 pieces of evidence, through the app (lib/reviews) and in bare SQL
 * (lib/bench/review-bare.ts), measured in the same run. See BENCHMARKS.md.
 *
 * Options: --scale 0.1 (a smaller database of the same proportions),
 * --samples 300 (queue samples per variant and side), --approvals 250
 * (approvals per side), --warmup 30, --extra-sql "CREATE INDEX …" (statements
 * run after the load and before ANALYZE, to try an index or a setting out
 * before proposing a migration).
 *
 * A benchmark measures, it does not judge: it prints PASS/MISS against the
 * targets and exits 0; it exits non-zero only when something fails.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import type pg from "pg";
import type { Actor } from "../auth/actor.ts";
import { disconnectDb } from "../db/client.ts";
import { queueFacets, reviewQueue, waitingForReviewer } from "../reviews/data.ts";
import { reviewRelease } from "../reviews/mutations.ts";
import { queueQuerySchema } from "../reviews/schema.ts";
import { captureAppSql, compareStatements } from "./capture.ts";
import { createBenchDatabase } from "./database.ts";
import { barePool, bareApprove, bareQueuePage, queueIdSql, type QueueFilter } from "./review-bare.ts";
import { FULL_SHAPE, loadReviewBenchData, scaledShape, type BenchUser } from "./review-data.ts";
import { formatMs, summarize, textTable, type Summary } from "./stats.ts";

const TARGETS = { queueP95: 100, approvalP95: 50 };
const EVIDENCE_KIND_FILTER = "court_document";

const { values: options } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    samples: { type: "string", default: "300" },
    approvals: { type: "string", default: "250" },
    warmup: { type: "string", default: "30" },
    "extra-sql": { type: "string" },
  },
});
const scale = positive("scale", options.scale);
const queueSamples = Math.round(positive("samples", options.samples));
const approvalSamples = Math.round(positive("approvals", options.approvals));
const warmup = Math.round(positive("warmup", options.warmup));

const say = (line = "") => console.log(line);

async function main(): Promise<void> {
  const shape = scale === 1 ? FULL_SHAPE : scaledShape(scale);
  say(`bench:review — ${new Date().toISOString()}`);
  say(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, load average ${loadAverage()}`,
  );
  const bench = await createBenchDatabase(say);
  say(`Database: ${bench.name} on ${bench.server}`);
  try {
    say(`\nLoading ${shape.persons.toLocaleString("en")} persons, ${shape.releases.toLocaleString("en")} releases (${shape.pending.toLocaleString("en")} pending), ${shape.evidence.toLocaleString("en")} evidence:`);
    const data = await loadReviewBenchData(bench.url, shape, say, options["extra-sql"]);
    say(`  ${"total".padEnd(44)} ${(data.totalMs / 1000).toFixed(1).padStart(6)} s`);
    say(`  rows: ${Object.entries(data.counts).map(([table, count]) => `${table} ${count.toLocaleString("en")}`).join(", ")}`);

    // The app's Prisma client (lib/db/client.ts) reads DATABASE_URL on its first use.
    process.env.DATABASE_URL = bench.url;
    const pool = barePool(bench.url);
    try {
      await runBenchmarks(bench.url, pool, data.moderators);
    } finally {
      await pool.end();
      await disconnectDb();
    }
  } finally {
    await bench.drop();
  }
}

type UserActor = Extract<Actor, { userId: string }>;

interface Variant {
  name: string;
  filter: QueueFilter;
}

interface Candidate {
  id: string;
  reportedById: string | null;
  reviewers: string[];
  approvals: number;
}

async function runBenchmarks(url: string, pool: pg.Pool, moderators: BenchUser[]): Promise<void> {
  const actors: UserActor[] = moderators.map((moderator) => ({
    kind: "user",
    userId: moderator.id,
    role: "moderator",
    organizationId: moderator.organizationId,
  }));
  const moderatorAt = (i: number) => actors[i % actors.length]!;

  // The facility with the most releases waiting, and one evidence kind, for the filtered variants.
  const { rows: facilities } = await pool.query<{ facility: string; waiting: string }>(
    `SELECT facility, count(*) AS waiting FROM "Release" WHERE status IN ('reported', 'disputed') AND "deletedAt" IS NULL AND facility IS NOT NULL
     GROUP BY facility ORDER BY count(*) DESC, facility LIMIT 1`,
  );
  const facility = facilities[0]!;
  const { rows: kindRows } = await pool.query<{ waiting: string }>(
    `SELECT count(DISTINCT r.id) AS waiting FROM "Release" r JOIN "Evidence" e ON e."releaseId" = r.id AND e."deletedAt" IS NULL AND e.kind = $1::"EvidenceKind"
     WHERE r.status IN ('reported', 'disputed') AND r."deletedAt" IS NULL`,
    [EVIDENCE_KIND_FILTER],
  );
  const variants: Variant[] = [
    { name: "queue, first page", filter: {} },
    { name: `queue, first page, facility (${Number(facility.waiting).toLocaleString("en")} waiting)`, filter: { facility: facility.facility } },
    {
      name: `queue, first page, evidence kind (${Number(kindRows[0]!.waiting).toLocaleString("en")} waiting)`,
      filter: { evidenceKind: EVIDENCE_KIND_FILTER },
    },
  ];
  say(`\nQueue variants: waiting "mine", limit 25; facility = "${facility.facility}"; evidence kind = ${EVIDENCE_KIND_FILTER}.`);

  const appQueue = (viewerId: string, filter: QueueFilter) =>
    reviewQueue(viewerId, queueQuerySchema.parse({ waiting: "mine", limit: 25, ...filter }));

  // Approval candidates: releases waiting, with evidence, in a stable pseudo-random order.
  const { rows: candidateRows } = await pool.query<Candidate>(
    `SELECT r.id, r."reportedById",
            coalesce(array_agg(v."reviewerId") FILTER (WHERE v.id IS NOT NULL), '{}') AS reviewers,
            count(v.id) FILTER (WHERE v.decision = 'approve')::int AS approvals
     FROM "Release" r JOIN "Person" p ON p.id = r."personId"
     LEFT JOIN "Review" v ON v."releaseId" = r.id AND v.round = r."reviewRound"
     WHERE r.status IN ('reported', 'disputed') AND r."deletedAt" IS NULL AND p."deletedAt" IS NULL
       AND EXISTS (SELECT 1 FROM "Evidence" e WHERE e."releaseId" = r.id AND e."deletedAt" IS NULL)
     GROUP BY r.id
     ORDER BY md5(r.id::text)
     LIMIT $1`,
    [4 + 2 * (warmup + approvalSamples) + 500],
  );
  const used = new Set<string>();
  let turn = 0;
  /** The next (moderator, release) pair: distinct releases, moderators in turn, never the reporter nor a reviewer of the round. */
  const nextApproval = (predicate: (candidate: Candidate) => boolean = () => true) => {
    const actor = moderatorAt(turn++);
    const candidate = candidateRows.find(
      (row) => !used.has(row.id) && row.reportedById !== actor.userId && !row.reviewers.includes(actor.userId) && predicate(row),
    );
    if (!candidate) throw new Error("Ran out of releases to approve: lower --approvals.");
    used.add(candidate.id);
    return { actor, releaseId: candidate.id };
  };

  // ── 1. What the app sends, and whether the bare SQL is the same ──
  say("\nChecking that the bare SQL is what the app sends (Prisma query log):");
  let sqlAgrees = true;
  for (const variant of variants) {
    const viewer = moderatorAt(0).userId;
    const { result: appPage, queries } = await captureAppSql(url, () => appQueue(viewer, variant.filter));
    const trace: string[] = [];
    const barePage = await bareQueuePage(pool, viewer, variant.filter, 25, trace);
    const diff = compareStatements(queries.map((query) => query.sql), trace);
    const samePage = JSON.stringify(appPage) === JSON.stringify(barePage);
    sqlAgrees &&= diff.onlyApp.length === 0 && diff.onlyBare.length === 0 && samePage;
    say(
      `  ${variant.name}: app sent ${queries.length} statements, bare ${trace.length}; ` +
        `${diff.onlyApp.length + diff.onlyBare.length === 0 ? "same statements" : "DIFFERENT statements"}; ` +
        `${samePage ? "same page" : "DIFFERENT page"} (${appPage.items.length} items)`,
    );
    printDifferences(diff);
  }
  for (const path of [
    { name: "approval that verifies (second approval)", predicate: (row: Candidate) => row.approvals === 1 },
    { name: "approval that does not verify (first approval)", predicate: (row: Candidate) => row.approvals === 0 },
  ]) {
    const app = nextApproval(path.predicate);
    const { result, queries } = await captureAppSql(url, () => reviewRelease(app.actor, app.releaseId, { decision: "approve" }));
    const bare = nextApproval(path.predicate);
    const trace: string[] = [];
    const bareResult = await bareApprove(pool, { userId: bare.actor.userId, role: bare.actor.role }, bare.releaseId, trace);
    // The pg adapter sends BEGIN without logging it.
    const diff = compareStatements(queries.map((query) => query.sql), trace.filter((sql) => sql !== "BEGIN"));
    sqlAgrees &&= diff.onlyApp.length === 0 && diff.onlyBare.length === 0 && result.release.status === bareResult.status;
    say(
      `  ${path.name}: app sent ${queries.length + 1} statements (with BEGIN), bare ${trace.length}; ` +
        `${diff.onlyApp.length + diff.onlyBare.length === 0 ? "same statements" : "DIFFERENT statements"}; ` +
        `status after: app ${result.release.status}, bare ${bareResult.status}`,
    );
    printDifferences(diff);
  }
  if (!sqlAgrees) say("  WARNING: the bare SQL no longer matches the app's; update lib/bench/review-bare.ts (figures below compare unlike work).");

  // ── 2. The queue ──
  say(`\nQueue: warm-up ${warmup} rounds, then ${queueSamples} samples per variant and side, app and bare interleaved…`);
  for (let i = 0; i < warmup; i++) {
    for (const variant of variants) {
      const viewer = moderatorAt(i).userId;
      await appQueue(viewer, variant.filter);
      await bareQueuePage(pool, viewer, variant.filter);
    }
  }
  const queueTimes = variants.map(() => ({ app: recorder(), bare: recorder() }));
  const loadBefore = loadAverage();
  for (let i = 0; i < queueSamples; i++) {
    for (const [v, variant] of variants.entries()) {
      const viewer = moderatorAt(i).userId;
      const app = () => timed(queueTimes[v]!.app, () => appQueue(viewer, variant.filter));
      const bare = () => timed(queueTimes[v]!.bare, () => bareQueuePage(pool, viewer, variant.filter));
      // Alternate which side goes first, so that neither always runs on a cache the other warmed.
      if (i % 2 === 0) {
        await app();
        await bare();
      } else {
        await bare();
        await app();
      }
    }
  }

  // ── 2b. The rest of what the review page (app/revision/page.tsx) reads on every render, for information ──
  const pageSamples = Math.min(queueSamples, 100);
  say(`\nThe review page's other reads (no target, app only): warm-up 5, then ${pageSamples} samples each…`);
  const pageReads = [
    { name: "queueFacets()", run: (_viewer: string) => queueFacets() },
    { name: "waitingForReviewer(id)", run: (viewer: string) => waitingForReviewer(viewer) },
    {
      name: "page /revision: queue + facets + count, concurrently",
      run: (viewer: string) => Promise.all([appQueue(viewer, {}), queueFacets(), waitingForReviewer(viewer)]),
    },
  ];
  const pageTimes = pageReads.map(() => recorder());
  for (let i = 0; i < 5; i++) for (const read of pageReads) await read.run(moderatorAt(i).userId);
  for (let i = 0; i < pageSamples; i++) {
    for (const [r, read] of pageReads.entries()) await timed(pageTimes[r]!, () => read.run(moderatorAt(i).userId));
  }

  // ── 3. EXPLAIN of the queue's id query ──
  say("\nEXPLAIN (ANALYZE, BUFFERS) of the queue's id query (the first of its statements), one moderator:");
  for (const variant of variants) {
    const query = queueIdSql(moderatorAt(0).userId, variant.filter, 26);
    await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values); // warm
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
    const plan = rows.map((row) => row["QUERY PLAN"]);
    const planning = plan.find((line) => line.startsWith("Planning Time"))?.replace("Planning Time: ", "") ?? "?";
    const execution = plan.find((line) => line.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
    const indexes = [...new Set(plan.flatMap((line) => [...line.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)/g)].map((m) => m[1]!)))];
    say(`\n  ${variant.name}: planning ${planning}, execution ${execution}`);
    say(`  top node: ${plan[0]?.trim()}`);
    say(`  indexes: ${indexes.join(", ") || "none"}`);
    for (const line of plan) say(`    ${line}`);
  }

  // ── 4. Approvals ──
  say(`\nApprovals: warm-up ${warmup} per side, then ${approvalSamples} per side, app and bare interleaved, each on its own release…`);
  const approve = {
    app: async (pair: ReturnType<typeof nextApproval>) => (await reviewRelease(pair.actor, pair.releaseId, { decision: "approve" })).release.status,
    bare: async (pair: ReturnType<typeof nextApproval>) =>
      (await bareApprove(pool, { userId: pair.actor.userId, role: pair.actor.role }, pair.releaseId)).status,
  };
  for (let i = 0; i < warmup; i++) {
    await approve.app(nextApproval());
    await approve.bare(nextApproval());
  }
  const approvalTimes = { app: recorder(), bare: recorder() };
  const verified = { app: 0, bare: 0 };
  for (let i = 0; i < approvalSamples; i++) {
    const appPair = nextApproval();
    const barePair = nextApproval();
    const sides = i % 2 === 0 ? (["app", "bare"] as const) : (["bare", "app"] as const);
    for (const side of sides) {
      const pair = side === "app" ? appPair : barePair;
      let status = "";
      await timed(approvalTimes[side], async () => void (status = await approve[side](pair)));
      if (status === "verified") verified[side] += 1;
    }
  }
  const loadAfter = loadAverage();

  // ── 5. Figures ──
  const rows: string[][] = [];
  const verdicts: string[] = [];
  const add = (name: string, times: { app: Recorder; bare: Recorder }, target: number) => {
    const app = summarize(times.app.wall);
    const bare = summarize(times.bare.wall);
    const verdict = app.p95 <= target ? "PASS" : "MISS";
    verdicts.push(`${verdict}  ${name}: app p95 ${formatMs(app.p95)} ms (target ≤ ${target} ms), app ÷ bare at p95 ${(app.p95 / bare.p95).toFixed(2)}×`);
    rows.push(figureRow(name, "app", app, meanOf(times.app.cpu), `${(app.p95 / bare.p95).toFixed(2)}×`, `${verdict} ≤ ${target}`));
    rows.push(figureRow("", "bare SQL", bare, meanOf(times.bare.cpu), "", ""));
  };
  variants.forEach((variant, v) => add(variant.name, queueTimes[v]!, TARGETS.queueP95));
  add("approval", approvalTimes, TARGETS.approvalP95);

  say(`\nResults (milliseconds; load average ${loadBefore} before the queue samples, ${loadAfter} after the approvals):\n`);
  for (const [r, read] of pageReads.entries()) rows.push(figureRow(read.name, "app", summarize(pageTimes[r]!.wall), meanOf(pageTimes[r]!.cpu), "", "(no target)"));
  say(textTable(["scenario", "side", "n", "p50", "p95", "p99", "max", "node CPU", "p95 app÷bare", "target (app p95)"], rows));
  say("\n(node CPU: mean CPU time, user + system, that this Node process spent per operation: Prisma's and the app's own work,\n" +
    " or pg's for bare SQL; on a loaded machine each CPU millisecond costs several milliseconds of wall time.)");
  say(`\nApprovals that verified their release (second approval): app ${verified.app} of ${approvalSamples}, bare ${verified.bare} of ${approvalSamples}.`);
  say("");
  for (const verdict of verdicts) say(verdict);
  if (!sqlAgrees) say("WARNING: the bare SQL differs from the app's (see above).");
}

function figureRow(name: string, side: string, summary: Summary, cpu: number, ratio: string, target: string): string[] {
  const cells = [summary.p50, summary.p95, summary.p99, summary.max, cpu].map(formatMs);
  return [name, side, String(summary.n), ...cells, ratio, target];
}

interface Recorder {
  /** Wall-clock milliseconds per operation. */
  wall: number[];
  /** CPU milliseconds (user + system) of this process per operation. */
  cpu: number[];
}

const recorder = (): Recorder => ({ wall: [], cpu: [] });
const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function printDifferences(diff: { onlyApp: string[]; onlyBare: string[] }): void {
  for (const sql of diff.onlyApp) say(`    only the app sent: ${sql}`);
  for (const sql of diff.onlyBare) say(`    only bare sent:    ${sql}`);
}

async function timed(into: Recorder, work: () => Promise<unknown>): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  into.wall.push(wall);
  into.cpu.push((used.user + used.system) / 1000);
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number (got "${raw}").`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

