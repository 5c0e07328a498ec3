import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAlive } from "../db/embedded.ts";

/**
 * `npm start` as a new user runs it: the launcher on a fresh data directory,
 * then again on the same one, then stopped with SIGINT (what Ctrl-C sends).
 */
function launch(dataDir: string, port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/runtime/start.ts"], {
    env: { ...process.env, DATABASE_URL: "", CONSTANCIA_DATA_DIR: dataDir, PORT: String(port), CONSTANCIA_DEMO: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Constancia is ready at")) {
        clearInterval(timer);
        resolve(output);
      }
    }, 200);
    child.on("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`launcher exited ${code} before it was ready:\n${output}`));
    });
  });
  return { child, ready, output: () => output };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGINT");
  return exited;
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
}

describe("npm start", () => {
  it("serves the demo on a fresh data directory, reuses it on the next start, and stops the database on SIGINT", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "constancia-start-"));
    const port = 3400 + (process.pid % 500);
    try {
      const first = launch(dataDir, port);
      const firstOutput = await first.ready;
      expect(firstOutput).toContain(`Constancia is ready at http://localhost:${port}`);
      expect(firstOutput).toContain(`embedded PostgreSQL in ${path.join(dataDir, "pg")}`);
      expect(firstOutput).toMatch(/Demo data .* loaded/);
      expect(firstOutput).toContain("admin@demo.constancia.org");
      const health = await fetch(`http://localhost:${port}/api/health`);
      expect(health.status).toBe(200);
      const home = await (await fetch(`http://localhost:${port}/`)).text();
      expect(home).toContain('lang="es"');

      const postgres = await postmasterPid(dataDir);
      await stop(first.child);
      expect(isAlive(postgres)).toBe(false);
      await expect(fs.access(path.join(dataDir, "runtime.json"))).rejects.toThrow();

      const second = launch(dataDir, port);
      const secondOutput = await second.ready;
      expect(secondOutput).toContain("Demo data already loaded");
      expect(secondOutput).not.toContain("building the app");
      expect(secondOutput).toContain("No pending migrations");
      await stop(second.child);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
