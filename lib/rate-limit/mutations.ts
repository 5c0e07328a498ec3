import { createHash } from "node:crypto";
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
 *
 * Hits that arrive while a count is being written wait for it and are then
 * written together, in one statement (a busy server sends one a round trip
 * instead of one a request: the public search's count was a tenth of its
 * cost, bench:search). Each hit still counts once, in the order it arrived,
 * and is judged by the bucket's count as it stood after it.
 */
export function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
  const windowMs = windowSeconds * 1000;
  const now = Date.now();
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
  return new Promise<number>((resolve, reject) => {
    const stored = storedKey(key);
    waiting.push({ bucket: `${windowStart}|${stored}`, key: stored, windowStart, resolve, reject });
    if (!writing) void writeWaiting();
  }).then((count) => ({ allowed: count <= limit, retryAfterSeconds, count }));
}

/** The column holds 200 characters: a longer key (a long e-mail address) keeps its start and a digest of the whole. */
const KEY_COLUMN_LENGTH = 200;

export function storedKey(key: string): string {
  if (key.length <= KEY_COLUMN_LENGTH) return key;
  return `${key.slice(0, KEY_COLUMN_LENGTH - 65)}#${createHash("sha256").update(key).digest("hex")}`;
}

interface Hit {
  /** The bucket: window start and key. */
  bucket: string;
  key: string;
  windowStart: number;
  /** Receives the bucket's count just after this hit. */
  resolve: (count: number) => void;
  reject: (error: unknown) => void;
}

let waiting: Hit[] = [];
let writing = false;

/** Writes every waiting hit in one statement, then the hits that came meanwhile, until none waits. */
async function writeWaiting(): Promise<void> {
  writing = true;
  try {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      await writeBatch(batch);
    }
  } finally {
    writing = false;
  }
}

async function writeBatch(batch: readonly Hit[]): Promise<void> {
  const hitsPerBucket = new Map<string, Hit[]>();
  for (const hit of batch) {
    const hits = hitsPerBucket.get(hit.bucket);
    if (hits) hits.push(hit);
    else hitsPerBucket.set(hit.bucket, [hit]);
  }
  const buckets = [...hitsPerBucket.values()];
  try {
    // Raw SQL: one atomic INSERT … ON CONFLICT … RETURNING for every bucket of
    // the batch (each once: a statement may not update a row twice), so that
    // concurrent hits, here or in another instance, never read-then-write a counter.
    const rows = await db().$queryRaw<{ key: string; windowStart: Date; count: number }[]>`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
      SELECT * FROM unnest(
        ${buckets.map((hits) => hits[0]!.key)}::text[],
        ${buckets.map((hits) => new Date(hits[0]!.windowStart).toISOString())}::timestamptz[],
        ${buckets.map((hits) => hits.length)}::int[])
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + excluded."count"
      RETURNING "key", "windowStart", "count"`;
    const countOf = new Map(rows.map((row) => [`${row.windowStart.getTime()}|${row.key}`, Number(row.count)]));
    for (const hits of buckets) {
      const total = countOf.get(hits[0]!.bucket);
      if (total === undefined) throw new Error("The rate-limit count was not returned.");
      // In arrival order: the last hit sees the total, each one before it one less.
      hits.forEach((hit, index) => hit.resolve(total - (hits.length - 1 - index)));
    }
  } catch (error) {
    for (const hits of buckets) for (const hit of hits) hit.reject(error);
  }
}

/** Drops windows that ended long ago; called now and then, never needed for correctness. */
export async function pruneRateLimits(olderThan: Date): Promise<number> {
  const result = await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return result.count;
}
