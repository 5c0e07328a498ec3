import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { rateLimitJobHandlers } from "./jobs.ts";
import { consumeRateLimit } from "./mutations.ts";

describe("prune-rate-limits", () => {
  it("drops windows that ended more than a day ago and keeps the current ones", async () => {
    const key = `prune-test:${randomUUID()}`;
    await db().rateLimitBucket.create({ data: { key, windowStart: new Date(Date.now() - 2 * 24 * 3600 * 1000), count: 5 } });
    await consumeRateLimit(key, 10, 60);
    await rateLimitJobHandlers["prune-rate-limits"]({}, { id: "test" });
    const left = await db().rateLimitBucket.findMany({ where: { key } });
    expect(left).toHaveLength(1);
    expect(left[0]!.windowStart.getTime()).toBeGreaterThan(Date.now() - 120_000);
  });
});
