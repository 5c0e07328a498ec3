import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHARED_ANNOUNCEMENTS_PATH, demoAnnouncementsFile, mapAnnouncements } from "./announcements.ts";

const file = demoAnnouncementsFile();
const announcements = mapAnnouncements(file);
const byKey = (key: string) => announcements.find((a) => a.externalKey === key)!;

describe("demo announcements", () => {
  it("map every announcement of the file", () => {
    expect(announcements).toHaveLength(file.announcements.length);
    expect(new Set(announcements.map((a) => a.externalKey)).size).toBe(announcements.length);
  });

  it("keep the claimant's name and kind, the date and its precision", () => {
    const a = byKey("minpen-2026-01-12");
    expect(a).toMatchObject({
      claimant: "Ministerio del Poder Popular para el Servicio Penitenciario",
      claimantKind: "government",
      statedOn: "2026-01-12",
      statedOnApproximate: false,
      measure: "released",
      qualifier: "exact",
      value: 116,
      basis: "unspecified",
      quote: "116 nuevas excarcelaciones",
      quoteLang: "es",
    });
    expect(byKey("gov-2025-12-christmas").statedOnApproximate).toBe(true);
    expect(byKey("spain-2026-01-08").claimantKind).toBe("foreign_government");
  });

  it("map counts, coverage and scope", () => {
    expect(byKey("ovp-2026-01-14")).toMatchObject({ breakdown: { nationals: 66, foreigners: 14 }, basis: "cumulative_since", coversFrom: "2026-01-08", coversTo: null });
    expect(byKey("rights-2026-01-14")).toMatchObject({ qualifier: "range", min: 60, max: 70, value: null });
    expect(byKey("an-2026-01-13")).toMatchObject({ qualifier: "at_least", value: 400, coversFrom: "2025-12-01" });
    expect(byKey("fp-2026-01-25")).toMatchObject({ basis: "single_day", coversDate: "2026-01-25", coversFrom: null });
    expect(byKey("fp-2025-12-detained")).toMatchObject({ measure: "detained", basis: "as_of", coversDate: "2025-12-31" });
    expect(byKey("spain-2026-01-08")).toMatchObject({ scopeKind: "nationality", scopeNationality: "ES" });
    expect(byKey("fp-2026-01-13")).toMatchObject({ scopeKind: "all", scopeNationality: null });
  });

  it("keep the source: a URL also as sourceUrl", () => {
    expect(byKey("fp-2026-01-13")).toMatchObject({ sourceUrl: null, sourceDescription: "press report, 2026-01-13" });
    expect(byKey("fp-2026-01-23").sourceUrl).toMatch(/^https:\/\//);
  });

  it("refuse what they do not understand", () => {
    const bad = structuredClone(file);
    bad.announcements = [{ ...file.announcements[0]!, scope: "everyone" }];
    expect(() => mapAnnouncements(bad)).toThrow(/scope/);
  });

  it("are an exact copy of shared/data/announcements-2026-01.json (when it is beside the checkout)", () => {
    const shared = SHARED_ANNOUNCEMENTS_PATH();
    if (!existsSync(shared)) return;
    expect(JSON.parse(readFileSync(shared, "utf8"))).toEqual(file);
  });
});

describe("the demo's announcements, real and synthetic", () => {
  it("make every basis, qualifier, scope and claimant kind appear on the reconciliation screens", async () => {
    const { buildDemoPlan } = await import("./plan.ts");
    const all = buildDemoPlan().announcements;
    const seen = (pick: (a: (typeof all)[number]) => string) => new Set(all.map(pick));
    expect(seen((a) => a.basis)).toEqual(new Set(["window", "cumulative_since", "single_day", "as_of", "unspecified"]));
    expect(seen((a) => a.qualifier)).toEqual(new Set(["exact", "at_least", "about", "range"]));
    expect(seen((a) => a.scopeKind)).toEqual(new Set(["all", "nationals", "foreigners", "nationality"]));
    expect(seen((a) => a.claimantKind)).toEqual(new Set(["government", "ngo", "opposition", "press", "foreign_government"]));
    expect(seen((a) => a.measure)).toEqual(new Set(["released", "detained"]));
    expect(new Set(all.map((a) => a.externalKey)).size).toBe(all.length);
  });
});
