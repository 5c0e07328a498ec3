import os from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../generated/prisma/client.ts";
import { env } from "../env.ts";

/**
 * The one Prisma client of the process. Only `lib/<domain>/data.ts` and
 * `mutations.ts` (and the infrastructure under lib/db) import it.
 *
 * Created on first use rather than at import, because the launcher and the
 * tests decide DATABASE_URL before the first query, not before the import.
 */
const globalForPrisma = globalThis as unknown as { constanciaPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.constanciaPrisma) {
    const url = env.databaseUrl();
    if (!url) throw new Error("DATABASE_URL is not set: start Constancia with `npm start`, which provides one.");
    globalForPrisma.constanciaPrisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: poolSize() }),
      // Writes queue on the audit chain's lock; under load the default 2 s wait for a
      // connection is too short, and a failed write is worse than a slow one.
      transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    });
  }
  return globalForPrisma.constanciaPrisma;
}

/** Closes the client (CLI and tests); the next db() opens a new one. */
export async function disconnectDb(): Promise<void> {
  const client = globalForPrisma.constanciaPrisma;
  globalForPrisma.constanciaPrisma = undefined;
  await client?.$disconnect();
}

export type Tx = Prisma.TransactionClient;
export type { PrismaClient, Prisma };

/** Connections in the process's pool: CONSTANCIA_DB_POOL, else 10 (the CLI, the worker, the tests; the web server sets its own). */
function poolSize(): number {
  const raw = Number(process.env.CONSTANCIA_DB_POOL ?? "10");
  return Number.isInteger(raw) && raw > 0 ? raw : 10;
}

/**
 * The web server's pool when CONSTANCIA_DB_POOL is not set: twice the cores,
 * at least 4. More connections than the cores can serve only make queries
 * wait inside PostgreSQL, each costing more CPU there: on 2 cores, 32 clients
 * searching a million people got about 300 answers a second with 4 to 6
 * connections, 260 with 10 and 210 with 20 (BENCHMARKS.md, bench:search).
 */
export function webServerPoolSize(): number {
  return Math.max(4, 2 * os.availableParallelism());
}
