/**
 * Calls for lib/api/openapi/responses.integration.test.ts: for each operationId
 * of this domain, how to build a request that its handler answers successfully.
 */
export interface FixtureCall {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

export async function tipFixtures(_organizationId: string): Promise<Record<string, () => Promise<FixtureCall>>> {
  return {};
}
