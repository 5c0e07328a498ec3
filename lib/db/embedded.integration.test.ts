import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isAlive, runningEmbeddedUrl, startEmbeddedPostgres } from "./embedded.ts";

/** Starts the embedded database in another process (as `npm start` does) and resolves once it is up. */
async function startInChild(dataDir: string) {
  const script = path.join(dataDir, "..", `hold-${path.basename(dataDir)}.mts`);
  await fs.writeFile(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve("lib/db/embedded.ts"))};
     await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
     console.log("up");
     setInterval(() => {}, 1000);`,
  );
  // `node --import tsx`, not the tsx binary: the pid must be the process that owns postgres.
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk) => String(chunk).includes("up") && resolve());
    child.on("exit", (code) => reject(new Error(`child exited ${code}`)));
  });
  return child;
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
}

describe("embedded PostgreSQL lifecycle", () => {
  it("keeps data across restarts, refuses a second owner, and recovers from a SIGKILLed owner", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "constancia-pg-"));
    try {
      // First start initialises; data written now must be there after a restart.
      const first = await startEmbeddedPostgres({ dataDir });
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
      await client.end();
      await first.stop();

      // Another process owns it now: the CLI can find its URL, a second server is refused.
      const owner = await startInChild(dataDir);
      expect(await runningEmbeddedUrl(dataDir)).toMatch(/^postgresql:\/\//);
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/Another Constancia process/);

      // The owner is killed without a chance to clean up: postgres outlives it.
      const leftover = await postmasterPid(dataDir);
      owner.kill("SIGKILL");
      await new Promise((resolve) => owner.once("exit", resolve));
      expect(isAlive(leftover)).toBe(true);
      expect(await runningEmbeddedUrl(dataDir)).toBeNull();

      // The next start stops the leftover and comes up on the same data.
      const again = await startEmbeddedPostgres({ dataDir });
      expect(isAlive(leftover)).toBe(false);
      const check = new pg.Client({ connectionString: again.url });
      await check.connect();
      expect((await check.query("SELECT value FROM kept")).rows).toEqual([{ value: "still here" }]);
      await check.end();
      await again.stop();
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
