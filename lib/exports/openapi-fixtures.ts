/**
 * Calls for lib/api/openapi/responses.integration.test.ts: for each operationId
 * of this domain, how to build a request that its handler answers successfully.
 */
export interface FixtureCall {
  query?: Record<string, string>;
}

export async function exportFixtures(): Promise<Record<string, () => Promise<FixtureCall>>> {
  return {
    exportVerifiedReleases: async () => ({ query: { format: "pfif" } }),
    exportInternalRecords: async () => ({ query: { format: "xlsx" } }),
  };
}
