import { db } from "../db/client.ts";

/**
 * A small cache of computed tallies, keyed by as-of day and stamped with the
 * newest audit event id. Every change that can move a figure (a status
 * change, an edited release or person, an announcement, a list link) writes
 * an audit event in its own transaction, so a new event means "recompute";
 * reading the stamp is one index lookup, cheap enough for every request, and
 * it holds across several app instances (each keeps its own cache, all read
 * the same stamp). The stamp is read before computing: a change committed
 * meanwhile can only make the cached value newer than its stamp, never older.
 */
const MAX_ENTRIES = 64;

interface Entry<T> {
  stamp: bigint;
  value: Promise<T>;
}

export async function changeStamp(): Promise<bigint> {
  const row = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}

export function stampedCache<T>(compute: (key: string) => Promise<T>) {
  const entries = new Map<string, Entry<T>>();
  return {
    async get(key: string): Promise<T> {
      const stamp = await changeStamp();
      const hit = entries.get(key);
      if (hit && hit.stamp === stamp) {
        // Most recently used last, so that the oldest is dropped first.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const value = compute(key);
      entries.set(key, { stamp, value });
      // A failed computation is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
