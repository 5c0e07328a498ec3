import { addEvidence } from "../evidence/mutations.ts";
import { createPerson } from "../persons/mutations.ts";
import { uniqueWord } from "../persons/test-fixtures.ts";
import { createRelease } from "../releases/mutations.ts";
import { makeActor } from "../testing/actors.ts";

/**
 * Calls for lib/api/openapi/responses.integration.test.ts: for each operationId
 * of reviews that needs records of its own, how to build a request that its
 * handler answers successfully.
 */
export interface FixtureCall {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

export async function reviewFixtures(organizationId: string): Promise<Record<string, () => Promise<FixtureCall>>> {
  const volunteer = await makeActor("volunteer", organizationId);
  const release = async (evidence: boolean) => {
    const person = await createPerson(volunteer, { givenNames: "Lote", surnames: `OpenAPI ${uniqueWord("lote")}`, disclosure: "initials" });
    const created = await createRelease(volunteer, person.id, { releasedOn: "2026-01-12" });
    if (evidence) await addEvidence(volunteer, created.id, { kind: "ngo_list", description: "Lista de la ONG", url: "https://example.org/lista", public: false });
    return created.id;
  };
  return {
    // Two approved, one refused (no evidence): the answer mixes outcomes.
    approveReleasesInBatch: async () => ({
      body: { releaseIds: [await release(true), await release(true), await release(false)], decision: "approve" },
    }),
  };
}
