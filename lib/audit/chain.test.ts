import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, eventHash, verifyChain, type StoredEvent } from "./chain.ts";

function chain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const content = {
      at: new Date(Date.UTC(2026, 0, i)),
      actorId: `user-${i % 3}`,
      actorKind: "user",
      action: "release.review",
      entityType: "Release",
      entityId: `r-${i}`,
      before: { status: "reported" },
      after: { status: i % 2 ? "verified" : "reported", approvals: i },
    };
    const hash = eventHash(prev, content);
    events.push({ id: BigInt(i), prevHash: prev, hash, ...content });
    prev = hash;
  }
  return events;
}

describe("audit chain", () => {
  it("accepts an untouched chain", () => {
    expect(verifyChain(chain(20))).toEqual({ ok: true, events: 20 });
    expect(verifyChain([])).toEqual({ ok: true, events: 0 });
  });

  it("finds an edited event", () => {
    const events = chain(10);
    events[4] = { ...events[4]!, after: { status: "verified", approvals: 99 } };
    expect(verifyChain(events)).toEqual({ ok: false, events: 5, brokenAt: 5n, reason: "hash_mismatch" });
  });

  it("finds an edited actor or time", () => {
    const events = chain(6);
    events[2] = { ...events[2]!, actorId: "someone-else" };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 3n });
    const again = chain(6);
    again[3] = { ...again[3]!, at: new Date(Date.UTC(2025, 0, 1)) };
    expect(verifyChain(again)).toMatchObject({ ok: false, brokenAt: 4n });
  });

  it("finds a deleted event", () => {
    const events = chain(8);
    events.splice(3, 1);
    expect(verifyChain(events)).toEqual({ ok: false, events: 4, brokenAt: 5n, reason: "prev_hash_mismatch" });
  });

  it("finds a re-hashed event whose successor still points at the old hash", () => {
    const events = chain(5);
    const forged = { ...events[1]!, after: { status: "verified" } };
    forged.hash = eventHash(forged.prevHash, forged);
    events[1] = forged;
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 3n, reason: "prev_hash_mismatch" });
  });

  it("hashes content independently of key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
});
