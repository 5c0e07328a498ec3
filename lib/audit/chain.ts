import { createHash } from "node:crypto";

/**
 * The audit trail is a hash chain: each event's hash covers its own content and
 * the previous event's hash, so that editing, deleting or reordering any past
 * event breaks every link after it. Pure functions, unit-tested beside this file.
 */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedContent {
  at: Date;
  actorId: string | null;
  actorKind: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export function eventHash(prevHash: string, event: ChainedContent): string {
  const payload = canonicalJson({
    prevHash,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorKind: event.actorKind,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
  });
  return createHash("sha256").update(payload).digest("hex");
}

export interface StoredEvent extends ChainedContent {
  id: bigint;
  prevHash: string;
  hash: string;
}

export type ChainCheck =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: bigint; reason: "prev_hash_mismatch" | "hash_mismatch" };

/**
 * Walks events in id order, starting from `previousHash` (the hash before the
 * first event given), and reports the first broken link.
 */
export function verifyChain(events: Iterable<StoredEvent>, previousHash = GENESIS_HASH, counted = 0): ChainCheck {
  let prev = previousHash;
  let count = counted;
  for (const event of events) {
    count += 1;
    if (event.prevHash !== prev) return { ok: false, events: count, brokenAt: event.id, reason: "prev_hash_mismatch" };
    if (eventHash(event.prevHash, event) !== event.hash) {
      return { ok: false, events: count, brokenAt: event.id, reason: "hash_mismatch" };
    }
    prev = event.hash;
  }
  return { ok: true, events: count };
}

/**
 * JSON with object keys sorted at every level, so that the same content always
 * hashes the same whatever order the database returns JSONB keys in.
 * Dates become ISO strings and bigints decimal strings, as they are stored.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = normalise(item);
    }
    return out;
  }
  return value;
}

/** What is stored in the before/after columns: the same normalised form that is hashed. */
export function auditSnapshot(value: unknown): unknown {
  return value === undefined ? null : normalise(value);
}
