import { describe, expect, it } from "vitest";
import { systemActor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { auditEventsFor, verifyAuditChain } from "./data.ts";
import { recordAudit } from "./mutations.ts";

const actor = systemActor("system");

async function writeEvents(count: number, entityId: string) {
  for (let i = 0; i < count; i++) {
    await db().$transaction((tx) =>
      recordAudit(tx, actor, { action: "test.write", entityType: "Test", entityId, before: { n: i }, after: { n: i + 1 } }),
    );
  }
}

describe("audit trail on a real database", () => {
  it("keeps an intact chain across many writers at once", async () => {
    const entityId = `concurrent-${Date.now()}`;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        db().$transaction((tx) => recordAudit(tx, actor, { action: "test.concurrent", entityType: "Test", entityId, after: { i } })),
      ),
    );
    const events = await auditEventsFor("Test", entityId);
    expect(events).toHaveLength(25);
    expect(new Set(events.map((event) => event.prevHash)).size).toBe(25);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("finds an event edited directly in the database, and the chain heals when it is restored", async () => {
    const entityId = `tamper-${Date.now()}`;
    await writeEvents(5, entityId);
    const events = await auditEventsFor("Test", entityId);
    const victim = events[2]!;
    // Raw SQL on purpose: this is what an attacker with database access would do.
    await db().$executeRaw`UPDATE "AuditEvent" SET "after" = '{"n": 999}'::jsonb WHERE "id" = ${victim.id}`;
    const broken = await verifyAuditChain();
    expect(broken).toMatchObject({ ok: false, brokenAt: victim.id, reason: "hash_mismatch" });

    await db().$executeRaw`UPDATE "AuditEvent" SET "after" = ${JSON.stringify(victim.after)}::jsonb WHERE "id" = ${victim.id}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("finds a deleted event", async () => {
    const entityId = `delete-${Date.now()}`;
    await writeEvents(3, entityId);
    const events = await auditEventsFor("Test", entityId);
    const middle = events[1]!;
    await db().$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${middle.id}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: events[2]!.id, reason: "prev_hash_mismatch" });
    // Put it back exactly as it was so the rest of the run has an intact chain.
    await db().auditEvent.create({
      data: {
        id: middle.id,
        at: middle.at,
        actorId: middle.actorId,
        actorKind: middle.actorKind,
        action: middle.action,
        entityType: middle.entityType,
        entityId: middle.entityId,
        before: middle.before ?? undefined,
        after: middle.after ?? undefined,
        prevHash: middle.prevHash,
        hash: middle.hash,
      },
    });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("writes nothing when the surrounding transaction fails", async () => {
    const entityId = `rollback-${Date.now()}`;
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, actor, { action: "test.rollback", entityType: "Test", entityId });
        throw new Error("the change itself failed");
      }),
    ).rejects.toThrow("the change itself failed");
    expect(await auditEventsFor("Test", entityId)).toHaveLength(0);
  });
});
