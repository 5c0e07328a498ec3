import { describe, expect, it } from "vitest";
import { generatePeople } from "./people.ts";
import { DEMO_PENDING_COUNT, DEMO_REJECTED_COUNT, planReleases, statusAt, verifiedAsOf, type ReleasePlan } from "./story.ts";
import { endOfCaracasDay } from "./dates.ts";

const people = generatePeople();
const releases = planReleases(people);
const byStatus = (status: string) => releases.filter((r) => r.status === status);
const approvals = (r: ReleasePlan) => r.reviews.filter((v) => v.round === r.reviewRound && v.decision === "approve");

describe("demo story", () => {
  it("is the same on every run", () => {
    expect(planReleases(generatePeople())).toEqual(releases);
  });

  it("follows Foro Penal's verified counts: 56 by 13 January, 100 by the 17th, 156 by the 23rd", () => {
    expect(Math.abs(verifiedAsOf(releases, "2026-01-13") - 56)).toBeLessThanOrEqual(5);
    expect(Math.abs(verifiedAsOf(releases, "2026-01-17") - 100)).toBeLessThanOrEqual(5);
    expect(Math.abs(verifiedAsOf(releases, "2026-01-23") - 156)).toBeLessThanOrEqual(5);
    // Same counts whether a day ends in Caracas or in UTC: nothing happens around midnight.
    for (const day of ["2026-01-13", "2026-01-17", "2026-01-23"]) {
      const utcEnd = new Date(`${day}T23:59:59.999Z`);
      expect(releases.filter((r) => statusAt(r, utcEnd) === "verified").length).toBe(verifiedAsOf(releases, day));
    }
    expect(verifiedAsOf(releases, "2025-12-23")).toBe(0);
  });

  it("has about 230 releases: verified, pending, a few rejected, 3 disputed and 2 retracted", () => {
    expect(releases.length).toBeGreaterThanOrEqual(220);
    expect(releases.length).toBeLessThanOrEqual(240);
    expect(byStatus("reported")).toHaveLength(DEMO_PENDING_COUNT);
    expect(byStatus("rejected")).toHaveLength(DEMO_REJECTED_COUNT);
    expect(byStatus("disputed")).toHaveLength(3);
    expect(byStatus("retracted")).toHaveLength(2);
    expect(byStatus("retracted").filter((r) => r.rearrest)).toHaveLength(1);
    expect(new Set(releases.map((r) => r.personIndex)).size).toBe(releases.length);
  });

  it("dates releases between 24 December and 25 January, mostly from 8 January on", () => {
    const dated = releases.filter((r) => r.releasedPrecision === "day");
    for (const r of dated) expect(r.releasedOn! >= "2025-12-24" && r.releasedOn! <= "2026-01-25").toBe(true);
    expect(dated.filter((r) => r.releasedOn! >= "2026-01-08").length / dated.length).toBeGreaterThan(0.9);
    const month = releases.filter((r) => r.releasedPrecision === "month");
    expect(month.length).toBeGreaterThanOrEqual(2);
    for (const r of month) expect(r.releasedOn).toBe("2026-01-01");
    const unknown = releases.filter((r) => r.releasedPrecision === "unknown");
    expect(unknown.length).toBeGreaterThanOrEqual(1);
    for (const r of unknown) expect(r.releasedOn).toBeNull();
  });

  it("keeps every status in the history, in time order, ending in the current status", () => {
    for (const r of releases) {
      expect(r.history[0]).toMatchObject({ from: null, to: "reported", by: r.reportedBy });
      expect(r.history[0]!.at).toEqual(r.createdAt);
      for (let i = 1; i < r.history.length; i += 1) {
        expect(r.history[i]!.from).toBe(r.history[i - 1]!.to);
        expect(r.history[i]!.at.getTime()).toBeGreaterThan(r.history[i - 1]!.at.getTime());
      }
      expect(r.history[r.history.length - 1]!.to).toBe(r.status);
      expect(r.history.every((c) => c.at.getTime() < Date.parse("2026-01-27T00:00:00Z"))).toBe(true);
    }
  });

  it("verifies only with evidence and two approvals from distinct moderators who did not report it", () => {
    const everVerified = releases.filter((r) => r.history.some((c) => c.to === "verified"));
    expect(everVerified.length).toBe(180);
    for (const r of everVerified) {
      const verifiedAt = r.history.find((c) => c.to === "verified")!.at;
      const firstRound = r.reviews.filter((v) => v.round === 1 && v.decision === "approve");
      expect(new Set(firstRound.map((v) => v.reviewer)).size).toBe(2);
      expect(firstRound.some((v) => (v.reviewer as string) === r.reportedBy)).toBe(false);
      for (const v of firstRound) expect(v.createdAt.getTime()).toBeLessThanOrEqual(verifiedAt.getTime());
      expect(r.evidence.length).toBeGreaterThanOrEqual(1);
      const firstApproval = Math.min(...firstRound.map((v) => v.createdAt.getTime()));
      for (const e of r.evidence) {
        expect(e.createdAt.getTime()).toBeGreaterThan(r.createdAt.getTime());
        expect(e.createdAt.getTime()).toBeLessThan(firstApproval);
      }
    }
    for (const r of byStatus("verified")) {
      expect(approvals(r)).toHaveLength(2);
      expect(r.verifiedAt).toEqual(r.history[r.history.length - 1]!.at);
    }
  });

  it("has evidence (1 to 3 pieces) for every release that was not rejected, none for rejected ones", () => {
    for (const r of releases) {
      if (r.status === "rejected") {
        expect(r.evidence).toHaveLength(0);
        expect(r.reviews).toEqual([expect.objectContaining({ decision: "reject", reason: expect.any(String) })]);
      } else {
        expect(r.evidence.length).toBeGreaterThanOrEqual(1);
        expect(r.evidence.length).toBeLessThanOrEqual(3);
        expect(new Set(r.evidence.map((e) => e.kind)).size).toBe(r.evidence.length);
      }
      for (const e of r.evidence) {
        if (e.isPublic) expect(e.kind).toBe("press_report");
        expect(e.url).toMatch(/^https:\/\/example\.org\//); // the database wants a link or a file
      }
    }
  });

  it("leaves some pending releases half-approved and one waiting for more evidence", () => {
    const pending = byStatus("reported");
    expect(pending.filter((r) => approvals(r).length === 1).length).toBeGreaterThanOrEqual(5);
    expect(pending.every((r) => approvals(r).length < 2)).toBe(true);
    expect(pending.filter((r) => r.reviews.some((v) => v.decision === "request_evidence"))).toHaveLength(1);
  });

  it("never has two decisions by one reviewer in one round", () => {
    for (const r of releases) {
      const keys = r.reviews.map((v) => `${v.reviewer}/${v.round}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("releases the five Spaniards on 8 January and expels most foreigners", () => {
    const foreign = releases.filter((r) => people[r.personIndex]!.nationality !== "VE");
    const spanish = foreign.filter((r) => people[r.personIndex]!.nationality === "ES");
    expect(spanish).toHaveLength(5);
    for (const r of spanish) {
      expect(r.releasedOn).toBe("2026-01-08");
      expect(statusAt(r, endOfCaracasDay("2026-01-09"))).toBe("verified");
    }
    expect(foreign.filter((r) => r.conditions === "expelled").length).toBeGreaterThan(foreign.length / 2);
    const venezuelan = releases.filter((r) => people[r.personIndex]!.nationality === "VE");
    expect(venezuelan.filter((r) => r.conditions === "conditional").length).toBeGreaterThan(venezuelan.length / 2);
  });
});
