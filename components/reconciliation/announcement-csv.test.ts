import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { AnnouncementView } from "@/lib/announcements/schema.ts";
import type { PublicTallyAnnouncement } from "@/lib/tally/public.ts";
import { announcementCsv } from "./announcement-csv.ts";

const ID = "0190a5c4-0000-7000-8000-000000000001";
const view: AnnouncementView = {
  id: ID,
  claimant: "Foro Penal",
  claimantKind: "ngo",
  statedOn: "2026-01-13",
  statedOnApproximate: false,
  measure: "released",
  claimed: { qualifier: "at_least", value: 56, min: null, max: null },
  breakdown: null,
  covers: { basis: "cumulative_since", from: "2026-01-08", to: null, date: null },
  scope: "all",
  sourceUrl: "https://example.org/nota",
  sourceDescription: null,
  quote: null,
  quoteLang: null,
  note: null,
  archived: { url: null, file: null },
  status: "active",
  supersededById: null,
  version: 1,
  createdAt: "2026-01-13T12:00:00.000Z",
  updatedAt: "2026-01-13T12:00:00.000Z",
};
const figures: PublicTallyAnnouncement = {
  id: ID,
  claimant: "Foro Penal",
  claimantKind: "ngo",
  statedOn: "2026-01-13",
  statedOnApproximate: false,
  measure: "released",
  claimed: { qualifier: "at_least", value: 56 },
  covers: view.covers,
  scope: "all",
  status: "active",
  supersededById: null,
  verifiedInScope: 25,
  reportedInScope: 7,
  gap: 31,
  list: { names: 3, matchedVerified: null, matchedUnverified: null, unmatched: 1, verifiedNotListed: 20 },
  suppressed: ["matchedVerified", "matchedUnverified"],
};
const lines = [
  { position: 1, nameAsPrinted: "PÉREZ RODRÍGUEZ, JOSÉ LUIS", state: "verified" as const, person: { id: "p1", name: "José Luis Pérez Rodríguez" } },
  { position: 2, nameAsPrinted: "=HYPERLINK(\"http://evil\")", state: "unmatched" as const, person: null },
  { position: 3, nameAsPrinted: "NOMBRE RESERVADO", state: "verified" as const, person: null },
];

describe("announcementCsv", () => {
  const { fileName, body } = announcementCsv({
    locale: "es",
    asOf: "2026-01-14",
    announcement: view,
    figures,
    lines,
    url: (path) => `https://constancia.example${path}`,
  });
  const records = parse(body, { bom: true, relax_column_count: true }) as string[][];
  const value = (label: string) => records.find((r) => r[0] === label)?.[1];

  it("names the file after the claim and the day", () => {
    expect(fileName).toBe("anuncio-foro-penal-2026-01-13-2026-01-14.csv");
    expect(body.charCodeAt(0)).toBe(0xfeff);
  });

  it("gives the claim in words and the tally's figures, a hidden one said as such", () => {
    expect(value("Anuncio")).toBe("Foro Penal");
    expect(value("Cifra anunciada")?.replace(/\u00a0/g, " ")).toBe("al menos 56");
    expect(value("Cifras al final del día")).toBe("2026-01-14");
    expect(value("Liberaciones verificadas en lo que abarca")).toBe("25");
    expect(value("Diferencia, en palabras")).toBe("al menos 31 sin verificar");
    expect(value("con liberación verificada")).toMatch(/^no se muestra/);
    expect(value("verificadas que la lista no incluye")).toBe("20");
    expect(value("Página en Constancia")).toBe(`https://constancia.example/anuncios/${ID}?asOf=2026-01-14`);
  });

  it("lists the lines, formulas neutralised, and a withheld person's line not told apart from one linked to no one", () => {
    const header = records.findIndex((r) => r[0] === "N.º");
    expect(records.slice(header)).toEqual([
      ["N.º", "Nombre como se publicó", "Situación", "Persona registrada", "Página de la persona"],
      ["1", "PÉREZ RODRÍGUEZ, JOSÉ LUIS", "Liberación verificada", "José Luis Pérez Rodríguez", "https://constancia.example/persona/p1"],
      ["2", "'=HYPERLINK(\"http://evil\")", "Anunciado, no visto", "", ""],
      ["3", "NOMBRE RESERVADO", "Anunciado, no visto", "", ""],
    ]);
  });
});
