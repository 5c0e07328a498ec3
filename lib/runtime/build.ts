import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "prisma", "next.config.js", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["node_modules", "generated", ".next"]);

/** True when there is no production build, or a source file changed after it was made. */
export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function nextBin(root: string): string {
  return path.join(root, "node_modules", ".bin", process.platform === "win32" ? "next.cmd" : "next");
}

/**
 * How the web server is started: in production lib/runtime/web.ts (Next's
 * server behind the public cache), run through tsx like the launcher; in
 * development `next dev`. The launcher and the benchmarks start it the same way.
 */
export function webServerCommand(root: string, options: { dev?: boolean; hostname: string; port: number }): { command: string; args: string[] } {
  if (options.dev) return { command: nextBin(root), args: ["dev", "-H", options.hostname, "-p", String(options.port)] };
  return {
    command: process.execPath,
    args: ["--import", "tsx", path.join(root, "lib", "runtime", "web.ts"), "--hostname", options.hostname, "--port", String(options.port)],
  };
}

export async function runBuild(root: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(nextBin(root), ["build"], { cwd: root, stdio: "inherit", env: process.env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}).`))));
  });
}
