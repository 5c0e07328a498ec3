import { pdfBytes } from "../evidence/test-fixtures.ts";
import { makeActor } from "../testing/actors.ts";
import { createAnnouncement } from "./mutations.ts";
import type { CreateAnnouncementInput } from "./schema.ts";

/**
 * Calls for lib/api/openapi/responses.integration.test.ts: for each operationId
 * of this domain, how to build a request that its handler answers successfully.
 */
export interface FixtureCall {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  form?: FormData;
}

export const EXAMPLE_ANNOUNCEMENT: CreateAnnouncementInput = {
  claimant: "Ministerio del Poder Popular para el Servicio Penitenciario",
  claimantKind: "government",
  statedOn: "2026-01-12",
  measure: "released",
  claimed: { qualifier: "exact", value: 116 },
  covers: { basis: "unspecified" },
  scope: "all",
  quote: "116 nuevas excarcelaciones",
};

export async function announcementFixtures(organizationId: string): Promise<Record<string, () => Promise<FixtureCall>>> {
  const moderator = await makeActor("moderator", organizationId);
  const announcement = () => createAnnouncement(moderator, EXAMPLE_ANNOUNCEMENT);
  return {
    getAnnouncement: async () => ({ params: { id: (await announcement()).id } }),
    getAnnouncementHistory: async () => ({ params: { id: (await announcement()).id } }),
    updateAnnouncement: async () => {
      const { id, version } = await announcement();
      return { params: { id }, body: { ...EXAMPLE_ANNOUNCEMENT, claimed: { qualifier: "at_least", value: 116 }, version, reason: "La cifra es un mínimo." } };
    },
    deleteAnnouncement: async () => {
      const { id, version } = await announcement();
      return { params: { id }, body: { version, reason: "Registrado dos veces." } };
    },
    changeAnnouncementStatus: async () => {
      const { id, version } = await announcement();
      return { params: { id }, body: { status: "disputed", reason: "La oposición dice que no corresponde a la realidad.", version } };
    },
    attachAnnouncementArchive: async () => {
      const { id, version } = await announcement();
      const form = new FormData();
      form.set("version", String(version));
      form.set("file", new Blob([new Uint8Array(pdfBytes(id))], { type: "application/pdf" }), "nota-de-prensa.pdf");
      return { params: { id }, form };
    },
    getTally: async () => ({ query: { asOf: "2026-01-14" } }),
  };
}
