import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { consumeRateLimit, storedKey } from "./mutations.ts";

/**
 * The per-client counters, on PostgreSQL: hits that arrive together are
 * written together, and must still each count once, in order, judged by the
 * count just after them — against another instance counting the same bucket
 * at the same time too.
 */
const otherInstance = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });

afterAll(async () => {
  await otherInstance.end();
});

async function storedCount(key: string): Promise<number> {
  const rows = await db().rateLimitBucket.findMany({ where: { key: storedKey(key) } });
  return rows.reduce((sum, row) => sum + row.count, 0);
}

describe("consumeRateLimit", () => {
  it("counts 25 simultaneous hits on one key once each, and allows exactly the limit", async () => {
    const key = `test-burst:${randomUUID()}`;
    const decisions = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(key, 10, 3600)));
    expect(decisions.map((decision) => decision.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    // Arrival order: the first ten callers are the ones let through.
    expect(decisions.slice(0, 10).every((decision) => decision.allowed)).toBe(true);
    expect(decisions.every((decision) => decision.retryAfterSeconds >= 1 && decision.retryAfterSeconds <= 3600)).toBe(true);
    expect(await storedCount(key)).toBe(25);
  });

  it("keeps the keys of one batch apart", async () => {
    const [a, b] = [`test-a:${randomUUID()}`, `test-b:${randomUUID()}`];
    const decisions = await Promise.all([a, b, a, a, b].map((key) => consumeRateLimit(key, 2, 3600)));
    expect(decisions.map((decision) => decision.count)).toEqual([1, 1, 2, 3, 2]);
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false, true]);
    expect([await storedCount(a), await storedCount(b)]).toEqual([3, 2]);
  });

  it("holds across instances: another writer counting the same bucket at the same time", async () => {
    const key = `test-shared:${randomUUID()}`;
    const windowStart = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const [ours] = await Promise.all([
      Promise.all(Array.from({ length: 15 }, () => consumeRateLimit(key, 20, 3600))),
      Promise.all(
        Array.from({ length: 15 }, () =>
          otherInstance.query(
            `INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ($1, $2, 1)
             ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1`,
            [key, windowStart],
          ),
        ),
      ),
    ]);
    expect(await storedCount(key)).toBe(30);
    const counts = ours.map((decision) => decision.count);
    expect(new Set(counts).size).toBe(15);
    expect(Math.max(...counts)).toBeLessThanOrEqual(30);
    // Each is judged by the shared count, the other instance's hits included.
    expect(ours.every((decision) => decision.allowed === decision.count <= 20)).toBe(true);
  });

  it("counts a key longer than the column (a long e-mail address) under a digest, and apart from its neighbours", async () => {
    const long = `signin:email:${"a".repeat(240)}${randomUUID()}@example.org`;
    const neighbour = `${long.slice(0, -1)}x`;
    const decisions = await Promise.all([consumeRateLimit(long, 5, 3600), consumeRateLimit(long, 5, 3600), consumeRateLimit(neighbour, 5, 3600)]);
    expect(decisions.map((decision) => decision.count)).toEqual([1, 2, 1]);
    expect(storedKey(long)).toHaveLength(200);
    expect(storedKey(long)).not.toBe(storedKey(neighbour));
    expect(await storedCount(long)).toBe(2);
  });

  it("rejects the hits of a write that fails, and counts the next ones", async () => {
    const key = `test-recover:${randomUUID()}`;
    // A window that is not a number cannot be written: the batch fails, the counter must not stay stuck.
    await expect(consumeRateLimit(key, 5, Number.NaN)).rejects.toThrow();
    const after = await consumeRateLimit(key, 5, 60);
    expect(after).toMatchObject({ allowed: true, count: 1 });
  });
});
