import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { storedSearchKeys } from "../search/retrieval-keys.ts";
import { verifyAuditChain } from "../audit/data.ts";
import { verifyPassword } from "../auth/password.ts";
import { endOfCaracasDay } from "./dates.ts";
import { DEMO_USERS, loadDemo } from "./load.ts";
import { SYNTHETIC_ANNOUNCEMENTS } from "./synthetic-announcements.ts";

const json = JSON.parse(readFileSync(path.join(import.meta.dirname, "announcements-2026-01.json"), "utf8")) as {
  announcements: unknown[];
};

/** Releases whose status at the end of `day` (Caracas) was `verified`, read from the status history as the tally does. */
async function verifiedAsOf(day: string): Promise<number> {
  const rows = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT DISTINCT ON (c."releaseId") c."toStatus"
      FROM "ReleaseStatusChange" c
      JOIN "Release" r ON r.id = c."releaseId"
      WHERE c."changedAt" <= ${endOfCaracasDay(day)} AND r."isDemo"
      ORDER BY c."releaseId", c."changedAt" DESC, c.id DESC
    ) latest
    WHERE latest."toStatus" = 'verified'`;
  return Number(rows[0]!.n);
}

/** Counts of the demo's own rows: other test files share this database and add rows of their own. */
async function counts() {
  const client = db();
  return {
    organizations: await client.organization.count({ where: { isDemo: true } }),
    users: await client.user.count({ where: { isDemo: true } }),
    announcements: await client.announcement.count({ where: { isDemo: true } }),
    persons: await client.person.count({ where: { isDemo: true } }),
    detentions: await client.detention.count({ where: { person: { isDemo: true } } }),
    releases: await client.release.count({ where: { isDemo: true } }),
    statusChanges: await client.releaseStatusChange.count({ where: { release: { isDemo: true } } }),
    evidence: await client.evidence.count({ where: { isDemo: true } }),
    reviews: await client.review.count({ where: { release: { isDemo: true } } }),
    imports: await client.import.count({ where: { announcement: { isDemo: true } } }),
    announcedNames: await client.announcedName.count({ where: { announcement: { isDemo: true } } }),
    auditEvents: await client.auditEvent.count({ where: { actorKind: "demo" } }),
    systemState: await client.systemState.count({ where: { key: "demo" } }),
  };
}

describe("loadDemo", () => {
  let first: Awaited<ReturnType<typeof loadDemo>>;
  const lines: string[] = [];

  beforeAll(async () => {
    first = await loadDemo({ log: (line) => lines.push(line) });
  }, 120_000);

  it("loads once and reports the demo accounts", () => {
    expect(first.loaded).toBe(true);
    expect(first.users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(lines.join("\n")).toMatch(/loaded in [\d.]+ s: 21 announcements, 300 people, 230 releases/);
  });

  it("creates the demo organizations, accounts and every announcement of the file", async () => {
    const client = db();
    expect(await client.organization.count({ where: { isDemo: true } })).toBe(3);
    expect(await client.organization.findUnique({ where: { slug: "demo-red" } })).toMatchObject({ isDemo: true });
    expect(await client.user.count({ where: { isDemo: true } })).toBe(4);
    expect(await client.announcement.count({ where: { isDemo: true } })).toBe(json.announcements.length + SYNTHETIC_ANNOUNCEMENTS.announcements.length);
    // Each with its first version, dated when it was recorded (what the tally reads for a past day).
    expect(await client.announcementRevision.count({ where: { announcement: { isDemo: true } } })).toBe(
      json.announcements.length + SYNTHETIC_ANNOUNCEMENTS.announcements.length,
    );
    const ovp = await client.announcement.findUnique({ where: { externalKey: "ovp-2026-01-14" } });
    expect(ovp).toMatchObject({ claimantKind: "ngo", value: 80, breakdown: { nationals: 66, foreigners: 14 }, basis: "cumulative_since" });
    expect(ovp!.coversFrom!.toISOString().slice(0, 10)).toBe("2026-01-08");
    const spain = await client.announcement.findUnique({ where: { externalKey: "spain-2026-01-08" } });
    expect(spain).toMatchObject({ scopeKind: "nationality", scopeNationality: "ES", statedOnApproximate: true });
  });

  it("lets the demo accounts sign in with their printed passwords", async () => {
    for (const demo of DEMO_USERS) {
      const user = await db().user.findUniqueOrThrow({ where: { email: demo.email } });
      expect(user.role).toBe(demo.role);
      expect(await verifyPassword(user.passwordHash, demo.password)).toBe(true);
    }
  });

  it("creates about 300 people with their search columns", async () => {
    const persons = await db().person.findMany({ where: { isDemo: true } });
    expect(persons.length).toBe(300);
    const jose = persons.find((p) => p.normalizedName === "jose luis perez rodriguez");
    expect(jose).toMatchObject({ nameTokens: ["jose", "luis", "perez", "rodriguez"], phoneticKeys: storedSearchKeys("José Luis", "Pérez Rodríguez") });
    for (const p of persons) {
      expect(p.normalizedName).not.toBe("");
      if (p.cedula) expect(p.cedula.slice(1)).toBe(p.cedulaDigits);
    }
    expect(persons.filter((p) => p.nationality === "ES")).toHaveLength(5);
  });

  it("tells Foro Penal's story in the status history: 56, 100, 156 verified", async () => {
    expect(Math.abs((await verifiedAsOf("2026-01-13")) - 56)).toBeLessThanOrEqual(5);
    expect(Math.abs((await verifiedAsOf("2026-01-17")) - 100)).toBeLessThanOrEqual(5);
    expect(Math.abs((await verifiedAsOf("2026-01-23")) - 156)).toBeLessThanOrEqual(5);
    const byStatus = await db().release.groupBy({ by: ["status"], _count: true, where: { isDemo: true } });
    const n = Object.fromEntries(byStatus.map((g) => [g.status, g._count]));
    expect(n.disputed).toBe(3);
    expect(n.retracted).toBe(2);
    expect(n.rejected).toBeGreaterThan(0);
    expect(n.reported).toBeGreaterThan(20);
    // Today's status history agrees with the releases' status column.
    expect(await verifiedAsOf("2026-12-31")).toBe(n.verified);
  });

  it("has no verified release without evidence, without two distinct approvals, or approved by its reporter", async () => {
    // The demo's own releases: other test files share this database and make releases of their own.
    const verified = await db().release.findMany({
      where: { status: "verified", isDemo: true },
      include: { evidence: true, reviews: true },
    });
    expect(verified.length).toBeGreaterThan(150);
    for (const r of verified) {
      expect(r.evidence.length).toBeGreaterThanOrEqual(1);
      const approvals = r.reviews.filter((v) => v.decision === "approve" && v.round === r.reviewRound);
      expect(new Set(approvals.map((v) => v.reviewerId)).size).toBeGreaterThanOrEqual(2);
      expect(approvals.some((v) => v.reviewerId === r.reportedById)).toBe(false);
      expect(r.verifiedAt).not.toBeNull();
      for (const v of approvals) expect(v.createdAt.getTime()).toBeLessThanOrEqual(r.verifiedAt!.getTime());
    }
  });

  it("attaches the Assembly's promised name list: linked, waiting and announced-not-seen lines", async () => {
    const listed = await db().announcement.findUniqueOrThrow({ where: { externalKey: "an-2026-01-13" }, select: { id: true } });
    const lines = await db().announcedName.findMany({ where: { announcementId: listed.id } });
    const by = (method: string) => lines.filter((line) => line.linkMethod === method);
    expect(by("automatic").length).toBeGreaterThanOrEqual(15);
    expect(by("pending").filter((line) => line.suggestedPersonId !== null).length).toBeGreaterThanOrEqual(5);
    expect(by("pending").filter((line) => line.suggestedPersonId === null).length).toBeGreaterThanOrEqual(1);
    expect(by("rejected").length).toBeGreaterThanOrEqual(1);
    for (const line of lines) {
      expect(line.nameAsPrinted).toBe(line.nameAsPrinted.toLocaleUpperCase("es"));
      expect(line.createdAt.toISOString().slice(0, 10)).toBe("2026-01-16");
    }
    expect(by("automatic").every((line) => line.personId !== null)).toBe(true);
  });

  it("re-arrests one retracted person: a second detention", async () => {
    const retracted = await db().release.findMany({ where: { status: "retracted" }, include: { person: { include: { detentions: true } } } });
    expect(retracted.filter((r) => r.person.detentions.length === 2)).toHaveLength(1);
  });

  it("records an audit event for every created record, in an unbroken chain", async () => {
    const c = await counts();
    const created =
      c.organizations + c.users + c.announcements + c.persons + c.detentions + c.releases + c.statusChanges + c.evidence + c.reviews +
      c.imports + c.announcedNames;
    expect(c.auditEvents).toBe(created);
    const userEvents = await db().auditEvent.findMany({ where: { action: "user.create" } });
    for (const e of userEvents) expect(JSON.stringify(e.after)).not.toMatch(/passwordHash|argon2/);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("loads nothing the second time, but still returns the accounts", async () => {
    const before = await counts();
    const lines2: string[] = [];
    const second = await loadDemo({ log: (line) => lines2.push(line) });
    expect(second.loaded).toBe(false);
    expect(second.users).toEqual(first.users);
    expect(await counts()).toEqual(before);
    expect(lines2.join("\n")).toMatch(/already loaded/);
  });
});
