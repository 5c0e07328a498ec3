import { db } from "../db/client.ts";
import { makeOrganization, makePerson, uniqueWord } from "../persons/test-fixtures.ts";
import { makeActor } from "../testing/actors.ts";
import { startPeopleImport } from "./mutations.ts";
import { processPeopleImport } from "./process.ts";

/**
 * Calls for lib/api/openapi/responses.integration.test.ts: for each operationId
 * of imports and the merge queue, a request its handler answers successfully.
 */
export interface FixtureCall {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  text?: { contentType: string; content: string };
}

const HEADER = "external_id,given_names,surnames,cedula,released_on";

export async function importFixtures(organizationId: string): Promise<Record<string, () => Promise<FixtureCall>>> {
  const moderator = await makeActor("moderator", organizationId);
  const csv = () => `${HEADER}\n${uniqueWord("OA")}-1,Ana,${uniqueWord("Openapi")} Díaz,,12/01/2026\n`;
  const loaded = async (content: string) => {
    const { importId } = await startPeopleImport(moderator, { bytes: new TextEncoder().encode(content), fileName: "openapi.csv" }, { dryRun: false }, { enqueue: false });
    await processPeopleImport(importId);
    return importId;
  };
  return {
    createImport: async () => ({ query: { dryRun: "true" }, text: { contentType: "text/csv; charset=utf-8", content: csv() } }),
    rerunImport: async () => ({ params: { id: await loaded(csv()) }, body: { dryRun: true } }),
    getDuplicateQueue: async () => ({ query: { limit: "5" } }),
    dismissDuplicate: async () => {
      // A record elsewhere with the cédula the sheet gives: the import queues the pair.
      const cedula = `V-${20_000_000 + Math.floor(Math.random() * 9_000_000)}`;
      const surname = uniqueWord("Duplicado");
      await makePerson((await makeOrganization()).id, { givenNames: "Rosa", surnames: surname, cedula });
      const importId = await loaded(`${HEADER}\n${uniqueWord("OD")}-1,Rosa,${surname},${cedula},\n`);
      const entry = await db().duplicateCandidate.findFirstOrThrow({ where: { importId } });
      return { params: { id: entry.id } };
    },
  };
}
