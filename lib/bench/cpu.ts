import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time used by each kind of process on the machine over a stretch of a
 * benchmark (from /proc, Linux only): the web server, PostgreSQL's backends,
 * the load generator (this process). On a machine where all three share the
 * cores, this says where a request's CPU goes.
 */
export type ProcessKind = "web server" | "PostgreSQL" | "load generator" | "other";

export interface CpuUse {
  kind: ProcessKind;
  /** Cores used on average over the stretch. */
  cores: number;
  /** Milliseconds of CPU for each request answered in the stretch. */
  msPerRequest: number;
}

/** A reading of every process's CPU ticks; `cpuSince` turns two readings into use per kind. */
export function readCpuTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks;
}

/** CPU used per kind of process between two readings, `seconds` apart, for `requests` answered. */
export function cpuSince(before: Map<number, number>, after: Map<number, number>, seconds: number, requests: number, webPids: ReadonlySet<number>): CpuUse[] {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const byKind = new Map<ProcessKind, number>();
  for (const [pid, now] of after) {
    const used = now - (before.get(pid) ?? 0);
    if (used <= 0) continue;
    const kind = kindOf(pid, webPids);
    byKind.set(kind, (byKind.get(kind) ?? 0) + used / ticksPerSecond);
  }
  return [...byKind]
    .map(([kind, cpuSeconds]) => ({ kind, cores: cpuSeconds / seconds, msPerRequest: requests > 0 ? (cpuSeconds * 1000) / requests : 0 }))
    .sort((a, b) => b.cores - a.cores);
}

function kindOf(pid: number, webPids: ReadonlySet<number>): ProcessKind {
  if (pid === process.pid) return "load generator";
  if (webPids.has(pid)) return "web server";
  try {
    if (readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("postgres")) return "PostgreSQL";
  } catch {
    // Gone.
  }
  return "other";
}
