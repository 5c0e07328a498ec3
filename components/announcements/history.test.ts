import { describe, expect, it } from "vitest";
import { snapshotChanges, type AnnouncementSnapshot } from "../../lib/announcements/revision.ts";
import { describeRevisions, HISTORY_TEXT_LIMIT, namedAnnouncements, type Revision } from "./history.ts";

const V1: AnnouncementSnapshot = {
  claimant: "Ministerio de Servicio Penitenciario",
  claimantKind: "government",
  statedOn: "2026-01-12",
  statedOnApproximate: false,
  measure: "released",
  qualifier: "at_least",
  value: 400,
  min: null,
  max: null,
  breakdown: null,
  basis: "cumulative_since",
  coversFrom: "2025-12-01",
  coversTo: null,
  coversDate: null,
  scopeKind: "all",
  scopeNationality: null,
  sourceUrl: null,
  sourceDescription: "Rueda de prensa",
  quote: null,
  quoteLang: null,
  note: null,
  archivedFileSha256: null,
  archivedUrl: null,
  status: "active",
  supersededById: null,
  deleted: false,
};
const LATER = "0199aa6e-0000-7000-8000-00000000000b";

/** Versions as announcementHistory gives them: the changes between consecutive snapshots, newest first. */
function historyOf(...versions: { snapshot: AnnouncementSnapshot; reason?: string }[]): Revision[] {
  return versions
    .map((version, index) => ({
      version: index + 1,
      changedAt: `2026-01-${12 + index}T15:00:00.000Z`,
      reason: version.reason ?? null,
      changes: snapshotChanges(index === 0 ? null : versions[index - 1]!.snapshot, version.snapshot),
    }))
    .reverse();
}

describe("describeRevisions", () => {
  const v2 = { ...V1, value: 450, sourceUrl: "https://example.org/nota" };
  const v3 = { ...v2, status: "superseded" as const, supersededById: LATER };
  const v4 = { ...v3, basis: "window" as const, coversTo: "2026-01-10", scopeKind: "nationality" as const, scopeNationality: "CO" };
  const described = describeRevisions(
    historyOf({ snapshot: V1 }, { snapshot: v2, reason: "La cifra oficial cambió" }, { snapshot: v3, reason: "Hay una cifra más reciente" }, { snapshot: v4 }),
  );

  it("newest first; the first version is the recording, not a list of fields", () => {
    expect(described.map((revision) => revision.version)).toEqual([4, 3, 2, 1]);
    expect(described[3]).toMatchObject({ recorded: true, items: [], reason: null });
  });

  it("a changed number is read with its qualifier, and links and reasons are kept", () => {
    expect(described[2]).toMatchObject({ recorded: false, reason: "La cifra oficial cambió" });
    expect(described[2]!.items).toEqual([
      {
        field: "claimed",
        before: { kind: "claimed", qualifier: "at_least", value: 400, min: null, max: null },
        after: { kind: "claimed", qualifier: "at_least", value: 450, min: null, max: null },
      },
      { field: "sourceUrl", before: { kind: "empty" }, after: { kind: "link", url: "https://example.org/nota" } },
    ]);
  });

  it("a status change names the later announcement", () => {
    expect(described[1]!.items).toEqual([
      { field: "status", before: { kind: "choice", group: "statuses", value: "active" }, after: { kind: "choice", group: "statuses", value: "superseded" } },
      { field: "supersededBy", before: { kind: "empty" }, after: { kind: "announcement", id: LATER } },
    ]);
    expect(namedAnnouncements(described)).toEqual([LATER]);
  });

  it("what it covers and its scope are each one phrase", () => {
    expect(described[0]!.items).toEqual([
      {
        field: "covers",
        before: { kind: "covers", basis: "cumulative_since", from: "2025-12-01", to: null, date: null },
        after: { kind: "covers", basis: "window", from: "2025-12-01", to: "2026-01-10", date: null },
      },
      {
        field: "scope",
        before: { kind: "scope", scopeKind: "all", nationality: null },
        after: { kind: "scope", scopeKind: "nationality", nationality: "CO" },
      },
    ]);
  });

  it("long texts are cut; the approximate mark and the archived file are named plainly", () => {
    const long = "x".repeat(HISTORY_TEXT_LIMIT + 50);
    const [latest] = describeRevisions(
      historyOf({ snapshot: V1 }, { snapshot: { ...V1, quote: long, quoteLang: "es", statedOnApproximate: true, archivedFileSha256: "a".repeat(64) } }),
    );
    const quote = latest!.items.find((item) => item.field === "quote")!.after;
    expect(quote.kind === "text" && quote.text.length).toBe(HISTORY_TEXT_LIMIT);
    expect(quote.kind === "text" && quote.text.endsWith("…")).toBe(true);
    expect(latest!.items.map((item) => [item.field, item.after.kind])).toEqual([
      ["statedOnApproximate", "yesNo"],
      ["quote", "text"],
      ["quoteLang", "language"],
      ["archivedFile", "file"],
    ]);
  });

  it("a breakdown as its sub-counts", () => {
    const [latest] = describeRevisions(historyOf({ snapshot: V1 }, { snapshot: { ...V1, breakdown: { nationals: 66, foreigners: 14 } } }));
    expect(latest!.items).toEqual([
      { field: "breakdown", before: { kind: "empty" }, after: { kind: "breakdown", entries: [["nationals", 66], ["foreigners", 14]] } },
    ]);
  });
});
