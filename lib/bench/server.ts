import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { webServerCommand } from "../runtime/build.ts";

/** What the benchmarks that start the web server share: starting it, its memory, and waiting for it to answer. */

/** Peak resident memory of the server process and its children, sampled every 100 ms from /proc. */
export class MemorySampler {
  private peakKb = 0;
  private readonly timer: NodeJS.Timeout;

  /** `tree: false` samples the process alone, without its children. */
  constructor(
    private readonly pid: number,
    private readonly options: { tree?: boolean } = {},
  ) {
    this.timer = setInterval(() => this.sample(), 100);
  }

  private sample() {
    this.peakKb = Math.max(this.peakKb, this.options.tree === false ? ownRssKb(this.pid) : treeRssKb(this.pid));
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakKb / 1024;
  }
}

/** The ids of a process's children. */
export function childrenOf(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return children ? children.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function ownRssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function treeRssKb(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    for (const child of children ? children.split(/\s+/) : []) total += treeRssKb(Number(child));
  } catch {
    // The process ended between two reads.
  }
  return total;
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s.`);
}

/**
 * The web server as `npm start` runs it (lib/runtime/web.ts: Next behind the
 * public cache), on a benchmark database; answers once it is up.
 */
export async function startWebServer(root: string, options: { port: number; env: Record<string, string>; stdout?: "ignore" | "inherit" }): Promise<ChildProcess> {
  const web = webServerCommand(root, { hostname: "localhost", port: options.port });
  const server = spawn(web.command, web.args, {
    cwd: root,
    stdio: ["ignore", options.stdout ?? "ignore", "inherit"],
    env: { ...process.env, NEXTAUTH_URL: `http://localhost:${options.port}`, ...options.env, NODE_ENV: "production" },
  });
  await waitFor(`http://localhost:${options.port}/api/health`, 120_000);
  return server;
}
