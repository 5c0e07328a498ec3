import { describe, expect, it } from "vitest";
import { generatePeople } from "./people.ts";
import { planDemoNameList } from "./name-list.ts";
import { planReleases } from "./story.ts";

describe("the demo's name list", () => {
  const people = generatePeople();
  const releases = planReleases(people);
  const plan = planDemoNameList(people, releases);
  const count = (test: (line: (typeof plan.lines)[number]) => boolean) => plan.lines.filter(test).length;

  it("is the same every time", () => {
    expect(planDemoNameList(people, releases)).toEqual(plan);
  });

  it("prints names as an official list does, in alphabetical order, some with a cédula", () => {
    expect(plan.announcementKey).toBe("an-2026-01-13");
    for (const line of plan.lines) expect(line.nameAsPrinted).toBe(line.nameAsPrinted.toLocaleUpperCase("es"));
    const names = plan.lines.map((line) => line.nameAsPrinted);
    expect([...names].sort((a, b) => a.localeCompare(b, "es"))).toEqual(names);
    expect(count((line) => line.identifierAsPrinted !== null)).toBeGreaterThanOrEqual(5);
    expect(new Set(plan.lines.map((line) => line.lineKey)).size).toBe(plan.lines.length);
  });

  it("has exact and cédula matches linked, uncertain ones queued, and names of nobody", () => {
    expect(count((line) => line.decision.linkMethod === "automatic" && line.decision.matchKind === "exact")).toBeGreaterThanOrEqual(10);
    expect(count((line) => line.decision.linkMethod === "automatic" && line.decision.matchKind === "cedula")).toBeGreaterThanOrEqual(5);
    expect(count((line) => line.decision.linkMethod === "pending" && line.decision.candidates.length > 0)).toBeGreaterThanOrEqual(8);
    expect(count((line) => line.decision.linkMethod === "pending" && line.decision.candidates.length === 0 && line.rejected === null)).toBeGreaterThanOrEqual(2);
    expect(count((line) => line.rejected !== null)).toBeGreaterThanOrEqual(2);
    // Every automatic link is a released person, never the API's example person.
    const released = new Set(releases.map((release) => String(release.personIndex)));
    for (const line of plan.lines.filter((l) => l.decision.personId !== null)) {
      expect(released.has(line.decision.personId!)).toBe(true);
      expect(line.decision.personId).not.toBe("0");
    }
  });
});
