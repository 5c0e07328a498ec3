import type { AnnouncementsFile } from "./announcements.ts";

/**
 * Claims the demo adds to the real ones of shared/data, so that every basis,
 * qualifier, scope and claimant kind appears on the reconciliation screens.
 *
 * SYNTHETIC: the first is an example made up for the demo and says so in its
 * claimant's name and note. The other two are the Prison Observatory's real
 * breakdown of 14 January (66 Venezuelans, 14 foreigners: in the shared file
 * as one claim's breakdown), recorded as claims of their own scope so that
 * they can be compared with the nationals and the foreigners on record.
 */
export const SYNTHETIC_ANNOUNCEMENTS: AnnouncementsFile = {
  claimants: [
    { key: "demo-press", name: "Agencia de prensa (ejemplo de demostración)", kind: "press" },
    { key: "ovp", name: "Observatorio Venezolano de Prisiones", kind: "ngo" },
  ],
  announcements: [
    {
      key: "demo-press-2026-01-12",
      claimant: "demo-press",
      statedOn: "2026-01-12",
      measure: "released",
      count: { qualifier: "about", value: 30 },
      covers: { basis: "window", from: "2026-01-08", to: "2026-01-11" },
      scope: "all",
      quote: "unas 30 excarcelaciones entre el jueves y el domingo",
      note: "Ejemplo inventado para la demostración (no es una noticia real): una cifra aproximada sobre una ventana de días.",
      source: "ejemplo de demostración",
    },
    {
      key: "ovp-2026-01-14-nationals",
      claimant: "ovp",
      statedOn: "2026-01-14",
      measure: "released",
      count: { qualifier: "exact", value: 66 },
      covers: { basis: "cumulative_since", from: "2026-01-08" },
      scope: "nationals",
      note: "Desglose del anuncio del 14 de enero (80 excarcelaciones confirmadas): los venezolanos, registrados aparte para compararlos por alcance.",
      source: "press report, 2026-01-14",
    },
    {
      key: "ovp-2026-01-14-foreigners",
      claimant: "ovp",
      statedOn: "2026-01-14",
      measure: "released",
      count: { qualifier: "exact", value: 14 },
      covers: { basis: "cumulative_since", from: "2026-01-08" },
      scope: "foreigners",
      note: "Desglose del anuncio del 14 de enero (80 excarcelaciones confirmadas): los extranjeros, registrados aparte para compararlos por alcance.",
      source: "press report, 2026-01-14",
    },
  ],
};
