import { randomUUID } from "node:crypto";
import { createPerson } from "../persons/mutations.ts";
import { makeActor } from "../testing/actors.ts";
import { submitTip } from "./mutations.ts";
import { issueTipFormToken } from "./spam-guard.ts";

/**
 * Calls for lib/api/openapi/responses.integration.test.ts: for each operationId
 * of this domain, how to build a request that its handler answers successfully.
 */
export interface FixtureCall {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

/** A token as if the form had been opened a minute ago (a fresh one is "too fast" on purpose). */
const openedAMinuteAgo = (personId: string) => issueTipFormToken(personId, Date.now() - 60_000);

export async function tipFixtures(organizationId: string): Promise<Record<string, () => Promise<FixtureCall>>> {
  const volunteer = await makeActor("volunteer", organizationId);
  const publicPerson = async () =>
    (await createPerson(volunteer, { givenNames: "Prueba", surnames: `Pista ${randomUUID().slice(0, 6)}`, disclosure: "public" })).id;
  return {
    getTipFormToken: async () => ({ params: { id: await publicPerson() } }),
    sendTip: async () => {
      const id = await publicPerson();
      const { token } = await openedAMinuteAgo(id);
      return { params: { id }, body: { text: "Lo vi salir el 12 de enero por la tarde.", contact: "0414-555.01.23", formToken: token } };
    },
    reviewTip: async () => {
      const id = await publicPerson();
      const { token } = await openedAMinuteAgo(id);
      const tip = await submitTip(id, { input: { text: "Su hermana confirma que está en casa.", formToken: token } });
      return { params: { id: tip.id }, body: { status: "reviewed" } };
    },
  };
}
