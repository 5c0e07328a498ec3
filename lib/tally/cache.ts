import { newestAuditEventId } from "../audit/data.ts";

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

let reading: Promise<bigint> | null = null;
let next: Promise<bigint> | null = null;

/**
 * The change stamp, from a read that began after the call. Callers that come
 * while a read is under way wait for the next one and share it: under load the
 * database sees one stamp read at a time (not one per request), yet no caller
 * is answered from a read that began before it asked, so a change committed
 * before the call is always seen (the "verified, then the very next answer"
 * promise of the public tally and its cached pages).
 */
export function changeStamp(): Promise<bigint> {
  if (!reading) return startReading();
  next ??= reading.then(settled, settled).then(() => {
    next = null;
    return startReading();
  });
  return next;
}

function startReading(): Promise<bigint> {
  const read = newestAuditEventId();
  reading = read;
  const done = () => {
    if (reading === read) reading = null;
  };
  read.then(done, done);
  return read;
}

const settled = () => undefined;

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
