import { db } from "../db/client.ts";

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSeconds: number;
  count: number;
}

/**
 * Counts one hit for `key` in a fixed window and says whether it is within
 * `limit`. Stored in PostgreSQL so that limits hold across app instances.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
  const windowMs = windowSeconds * 1000;
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  // Raw SQL: one atomic INSERT … ON CONFLICT … RETURNING, so that concurrent
  // hits never read-then-write the same counter.
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
  return { allowed: count <= limit, retryAfterSeconds, count };
}

/** Drops windows that ended long ago; called now and then, never needed for correctness. */
export async function pruneRateLimits(olderThan: Date): Promise<number> {
  const result = await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return result.count;
}
