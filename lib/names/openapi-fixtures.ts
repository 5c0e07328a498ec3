import { createAnnouncement } from "../announcements/mutations.ts";
import { EXAMPLE_ANNOUNCEMENT } from "../announcements/openapi-fixtures.ts";
import { makePerson, uniqueWord } from "../persons/test-fixtures.ts";
import { makeActor } from "../testing/actors.ts";
import { processNameListImport, startNameListImport } from "./import.ts";

/**
 * Calls for lib/api/openapi/responses.integration.test.ts: for each operationId
 * of name lists, how to build a request that its handler answers successfully.
 */
export interface FixtureCall {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  /** A text body (a CSV or a plain list) with its content type. */
  text?: { contentType: string; content: string };
}

export async function nameFixtures(organizationId: string): Promise<Record<string, () => Promise<FixtureCall>>> {
  const moderator = await makeActor("moderator", organizationId);
  const surname = uniqueWord("Listado");
  const person = await makePerson(organizationId, { givenNames: "Prudencia", surnames: `${surname} Oficial`, cedula: `V-${40_000_000 + Math.floor(Math.random() * 9_000_000)}` });
  const announcement = () => createAnnouncement(moderator, { ...EXAMPLE_ANNOUNCEMENT, claimant: "Asamblea Nacional (OpenAPI)" });
  /** An announcement with a matched list: one line linked, one in the queue. */
  const matchedList = async () => {
    const { id } = await announcement();
    const csv = `name,cedula\n${surname.toUpperCase()} OFICIAL PRUDENCIA,\nPRUDENSIA ${surname.toUpperCase()},\n`;
    const { importId } = await startNameListImport(moderator, id, { bytes: new TextEncoder().encode(csv), type: "csv" }, { enqueue: false });
    await processNameListImport(importId);
    return { announcementId: id, importId };
  };
  return {
    loadNameList: async () => ({
      params: { id: (await announcement()).id },
      text: { contentType: "text/csv; charset=utf-8", content: "name,cedula\nPÉREZ RODRÍGUEZ JOSÉ LUIS,V-12.345.678\nGONZÁLEZ ANA,\n" },
    }),
    getNameList: async () => ({ params: { id: (await matchedList()).announcementId } }),
    getImport: async () => ({ params: { id: (await matchedList()).importId } }),
    getNameQueue: async () => ({ query: { announcementId: (await matchedList()).announcementId } }),
    searchNameCandidates: async () => ({ query: { q: `Prudencia ${surname}` } }),
    decideName: async () => {
      const { announcementId } = await matchedList();
      const { db } = await import("../db/client.ts");
      const line = await db().announcedName.findFirstOrThrow({ where: { announcementId, linkMethod: "pending" } });
      return { params: { id: line.id }, body: { action: "confirm", personId: person.id } };
    },
  };
}
