import { PrismaPg } from "@prisma/adapter-pg";
import { disconnectDb } from "../db/client.ts";
import { PrismaClient } from "../generated/prisma/client.ts";

/**
 * What SQL the app sends for a piece of work, as Prisma reports it (query
 * log events). For the duration of `work`, the process's Prisma client (the
 * one lib/db/client.ts's db() returns, kept on globalThis) is a client built
 * the same way but with query logging on; afterwards it is closed, and the
 * next db() call builds the ordinary client again.
 *
 * Prisma's log leaves out the BEGIN that its pg adapter sends to open an
 * interactive transaction (the COMMIT is logged).
 */
export interface CapturedQuery {
  sql: string;
  params: string;
}

const globalForPrisma = globalThis as unknown as { constanciaPrisma?: PrismaClient };

export async function captureAppSql<T>(url: string, work: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  await disconnectDb();
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    log: [{ emit: "event", level: "query" }],
  });
  const queries: CapturedQuery[] = [];
  client.$on("query", (event) => queries.push({ sql: event.query, params: event.params }));
  globalForPrisma.constanciaPrisma = client;
  try {
    const result = await work();
    return { result, queries };
  } finally {
    await disconnectDb();
  }
}

/** SQL text with runs of white space made one space, for comparing statements. */
export function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, " ").trim();
}

/**
 * Compares the statements two runs sent, as multisets (the app sends some
 * queries concurrently, so their order varies): the ones only one side sent.
 */
export function compareStatements(app: readonly string[], bare: readonly string[]): { onlyApp: string[]; onlyBare: string[] } {
  const remaining = new Map<string, number>();
  for (const sql of bare.map(normalizeSql)) remaining.set(sql, (remaining.get(sql) ?? 0) + 1);
  const onlyApp: string[] = [];
  for (const sql of app.map(normalizeSql)) {
    const count = remaining.get(sql) ?? 0;
    if (count > 0) remaining.set(sql, count - 1);
    else onlyApp.push(sql);
  }
  const onlyBare = [...remaining].flatMap(([sql, count]) => Array<string>(count).fill(sql));
  return { onlyApp, onlyBare };
}
