import { describe, expect, it } from "vitest";
import type { PublicTallyAnnouncement } from "@/lib/tally/public.ts";
import { announcementWords, claimChanged, claimOfView, gapText, gapWords, shownLine, translator } from "./present.ts";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

function announcement(overrides: Partial<PublicTallyAnnouncement> = {}): PublicTallyAnnouncement {
  return {
    id: "0190a5c4-0000-7000-8000-000000000001",
    claimant: "Foro Penal",
    claimantKind: "ngo",
    statedOn: "2026-01-13",
    statedOnApproximate: false,
    measure: "released",
    claimed: { qualifier: "exact", value: 56 },
    covers: { basis: "cumulative_since", from: "2026-01-08", to: null, date: null },
    scope: "all",
    status: "active",
    supersededById: null,
    verifiedInScope: 25,
    reportedInScope: 7,
    gap: 31,
    list: null,
    suppressed: [],
    ...overrides,
  };
}

const es = translator("es");
const en = translator("en");
const gapEs = (a: PublicTallyAnnouncement) => plain(gapText(es, gapWords(a)));
const gapEn = (a: PublicTallyAnnouncement) => plain(gapText(en, gapWords(a)));

describe("the gap in words", () => {
  it("an exact claim: how many are not verified, none, or more verified than claimed", () => {
    expect(gapEs(announcement())).toBe("31 sin verificar");
    expect(gapEn(announcement())).toBe("31 not verified yet");
    expect(gapEs(announcement({ gap: 0 }))).toBe("ninguna: todas las anunciadas están verificadas");
    expect(gapEs(announcement({ gap: -3 }))).toBe("3 verificadas más de las anunciadas");
    expect(gapEs(announcement({ gap: -1 }))).toBe("1 verificada más de las anunciadas");
    expect(gapEn(announcement({ gap: -3 }))).toBe("3 more verified than announced");
  });

  it("keeps the qualifier: at least, about", () => {
    const atLeast = announcement({ claimed: { qualifier: "at_least", value: 400 }, gap: 375 });
    expect(gapEs(atLeast)).toBe("al menos 375 sin verificar");
    expect(gapEn(atLeast)).toBe("at least 375 not verified yet");
    // Verifying more than "at least N" does not contradict the claim.
    expect(gapEs({ ...atLeast, gap: 0 })).toBe("el mínimo anunciado ya está verificado");
    expect(gapEs({ ...atLeast, gap: -6 })).toBe("el mínimo anunciado ya está verificado, y 6 más");
    const about = announcement({ claimed: { qualifier: "about", value: 20 }, gap: 4 });
    expect(gapEs(about)).toBe("alrededor de 4 sin verificar");
    expect(gapEn({ ...about, gap: -5 })).toBe("5 more verified than announced (it was an approximate figure)");
  });

  it("a range: between its two gaps, up to the larger, or more than its top", () => {
    // "entre 60 y 70", 25 verified: the tally's gap is 60 − 25 = 35, the top one 45.
    const range = announcement({ claimed: { qualifier: "range", min: 60, max: 70 }, gap: 35 });
    expect(gapEs(range)).toBe("entre 35 y 45 sin verificar");
    expect(gapEn(range)).toBe("between 35 and 45 not verified yet");
    expect(gapEs({ ...range, gap: -5 })).toBe("hasta 5 sin verificar"); // 65 verified
    expect(gapEs({ ...range, gap: -10 })).toBe("ninguna: todas las anunciadas están verificadas"); // 70 verified
    expect(gapEs({ ...range, gap: -12 })).toBe("2 verificadas más que el máximo anunciado"); // 72 verified
  });

  it("a large number is written the locale's way", () => {
    expect(gapEs(announcement({ claimed: { qualifier: "exact", value: 20_000 }, gap: 12_345 }))).toBe("12.345 sin verificar");
    expect(gapEn(announcement({ claimed: { qualifier: "exact", value: 20_000 }, gap: 12_345 }))).toBe("12,345 not verified yet");
  });

  it("says when a gap is not shown (rule 4) or not compared (a claim about detentions)", () => {
    expect(gapWords(announcement({ gap: null, verifiedInScope: null, suppressed: ["verifiedInScope", "gap"] })).key).toBe("suppressed");
    expect(gapWords(announcement({ measure: "detained", gap: null, verifiedInScope: null, reportedInScope: null })).key).toBe("notCompared");
  });
});

describe("announcementWords", () => {
  it("puts the claim, its coverage and scope, and its figures in words", () => {
    const words = announcementWords("es", es, announcement({ claimed: { qualifier: "at_least", value: 400 }, scope: "nationality:ES", gap: 375 }));
    expect(plain(words.claimed)).toBe("al menos 400");
    expect(plain(words.coverage)).toBe("acumulado desde el 8 ene 2026");
    expect(words.scope).toBe("Solo nacionales de España");
    expect(plain(words.statedOn)).toBe("13 ene 2026");
    expect(words.kind).toBe("Organización de derechos humanos");
    expect(words.verified).toEqual({ kind: "value", value: 25, text: "25" });
    expect(words.gap).toMatchObject({ kind: "value", value: 375, text: "al menos 375 sin verificar" });
    expect(words.list).toBeNull();
    expect(words.anySuppressed).toBe(false);
  });

  it("shows suppressed figures as a dash, never as a number", () => {
    const words = announcementWords(
      "es",
      es,
      announcement({
        verifiedInScope: null,
        gap: null,
        list: { names: 10, matchedVerified: null, matchedUnverified: null, unmatched: 6, verifiedNotListed: null },
        suppressed: ["verifiedInScope", "gap", "matchedVerified", "matchedUnverified", "verifiedNotListed"],
      }),
    );
    expect(words.verified).toEqual({ kind: "suppressed", text: "—" });
    expect(words.gap).toEqual({ kind: "suppressed", text: "—" });
    expect(words.reported).toMatchObject({ kind: "value", value: 7 });
    expect(words.list!.names).toBe("10 nombres");
    expect(words.list!.parts.map((p) => [p.part, p.cell.text, p.label])).toEqual([
      ["matchedVerified", "—", "con liberación verificada"],
      ["matchedUnverified", "—", "con liberación aún sin verificar"],
      ["unmatched", "6", "anunciados, no vistos"],
      ["verifiedNotListed", "—", "verificadas que la lista no incluye"],
    ]);
    expect(words.anySuppressed).toBe(true);
  });

  it("reads a claim about detentions as not compared", () => {
    const words = announcementWords("en", en, announcement({ measure: "detained", verifiedInScope: null, reportedInScope: null, gap: null }));
    expect(words.verified).toEqual({ kind: "notCompared", text: "Not compared" });
    expect(words.measure).toBe("People held");
  });
});

describe("claimChanged", () => {
  const view = {
    id: "0190a5c4-0000-7000-8000-000000000001",
    claimant: "Foro Penal",
    claimantKind: "ngo" as const,
    statedOn: "2026-01-13",
    statedOnApproximate: false,
    measure: "released" as const,
    claimed: { qualifier: "exact" as const, value: 56, min: null, max: null },
    breakdown: null,
    covers: { basis: "cumulative_since" as const, from: "2026-01-08", to: null, date: null },
    scope: "all",
    sourceUrl: null,
    sourceDescription: null,
    quote: null,
    quoteLang: null,
    note: null,
    archived: { url: null, file: null },
    status: "active" as const,
    supersededById: null,
    version: 1,
    createdAt: "2026-01-13T12:00:00.000Z",
    updatedAt: "2026-01-13T12:00:00.000Z",
  };
  it("is false for the same claim, true once corrected or re-marked", () => {
    expect(claimChanged(announcement(), claimOfView(view))).toBe(false);
    expect(claimChanged(announcement(), claimOfView({ ...view, claimed: { ...view.claimed, value: 57 } }))).toBe(true);
    expect(claimChanged(announcement(), claimOfView({ ...view, status: "disputed" }))).toBe(true);
  });
});

describe("shownLine", () => {
  const line = (state: "verified" | "unverified" | "unmatched" | "pending", person: { id: string; name: string } | null) => ({
    position: 1,
    nameAsPrinted: "PÉREZ, JOSÉ",
    state,
    person,
  });
  it("shows a line linked to a withheld person (no person given) like one linked to no one", () => {
    expect(shownLine(line("verified", null)).state).toBe("unmatched");
    expect(shownLine(line("unverified", null)).state).toBe("unmatched");
  });
  it("leaves every other line as it is", () => {
    const named = line("verified", { id: "p", name: "José Pérez" });
    expect(shownLine(named)).toBe(named);
    expect(shownLine(line("pending", null)).state).toBe("pending");
    expect(shownLine(line("unmatched", null)).state).toBe("unmatched");
  });
});
