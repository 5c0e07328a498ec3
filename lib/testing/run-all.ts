import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * `npm test`: every check, in order, each one run even when an earlier one
 * failed, then one closing line "N passed, N failed". Steps:
 *   typecheck · migrations/schema drift · unit · integration (real PostgreSQL) · browser (Chromium)
 * `npm test -- --only unit,integration` runs a subset.
 */
const reports = path.resolve(".test-data", "reports");
const bin = (name: string) => path.resolve("node_modules", ".bin", name);

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Reads passed/failed counts from the step's JSON report; absent for checks that count as one test. */
  counts?: () => { passed: number; failed: number; skipped: number };
  env?: Record<string, string>;
}

const vitestCounts = (file: string) => () => {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
};

const playwrightCounts = (file: string) => () => {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
};

const vitest = (project: string): Step => {
  const file = path.join(reports, `${project}.json`);
  return {
    name: project,
    command: bin("vitest"),
    args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
    counts: vitestCounts(file),
  };
};

const STEPS: Step[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "drift", command: bin("tsx"), args: ["lib/db/migrations/drift-cli.ts"] },
  vitest("unit"),
  vitest("integration"),
  {
    name: "e2e",
    command: bin("playwright"),
    args: ["test"],
    counts: playwrightCounts(path.join(reports, "e2e.json")),
  },
];

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: "inherit", env: { ...process.env, ...step.env } });
    child.on("error", () => resolve(127));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const onlyIndex = process.argv.indexOf("--only");
  const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? "").split(",")) : null;
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const lines: string[] = [];
  for (const step of STEPS.filter((s) => !only || only.has(s.name))) {
    console.log(`\n━━ ${step.name} ━━`);
    const started = Date.now();
    const code = await run(step);
    let counts = { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
    if (step.counts) {
      try {
        counts = step.counts();
        // A runner that crashed before reporting a failure still failed.
        if (code !== 0 && counts.failed === 0) counts.failed = 1;
      } catch {
        counts = { passed: 0, failed: 1, skipped: 0 };
      }
    }
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    lines.push(`${code === 0 && counts.failed === 0 ? "ok  " : "FAIL"} ${step.name.padEnd(11)} ${counts.passed} passed, ${counts.failed} failed (${seconds}s)`);
  }
  console.log(`\n${lines.join("\n")}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

if (!existsSync("package.json")) {
  console.error("Run npm test from the repository root.");
  process.exit(2);
}
main().then((code) => process.exit(code));
