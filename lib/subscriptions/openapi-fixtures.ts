import { createPerson } from "../persons/mutations.ts";
import { makeActor } from "../testing/actors.ts";
import { confirmSubscription } from "./mutations.ts";
import { subscriptionWithLinks, testAddress } from "./test-fixtures.ts";

/**
 * Calls for lib/api/openapi/responses.integration.test.ts: for each operationId
 * of this domain, how to build a request that its handler answers successfully.
 */
export interface FixtureCall {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

export async function subscriptionFixtures(organizationId: string): Promise<Record<string, () => Promise<FixtureCall>>> {
  const volunteer = await makeActor("volunteer", organizationId);
  const publicPerson = async () =>
    (await createPerson(volunteer, { givenNames: "Prueba Aviso", surnames: `OpenAPI ${testAddress("p").slice(2, 10)}`, disclosure: "public" })).id;
  return {
    createSubscription: async () => ({ body: { email: testAddress(), personId: await publicPerson(), locale: "en" } }),
    confirmSubscription: async () => ({ body: { token: (await subscriptionWithLinks({ personId: await publicPerson() })).confirmToken } }),
    unsubscribe: async () => {
      const links = await subscriptionWithLinks({ query: "Prueba Aviso OpenAPI" });
      await confirmSubscription(links.confirmToken);
      return { body: { token: links.unsubscribeToken } };
    },
  };
}
