import { randomUUID } from "node:crypto";
import { POST as postTipRoute } from "../../app/api/v1/persons/[id]/tips/route.ts";
import { GET as formTokenRoute } from "../../app/api/v1/persons/[id]/tips/form-token/route.ts";
import type { Disclosure } from "../generated/prisma/enums.ts";
import { db } from "../db/client.ts";
import { makeOrganization, makePerson, uniqueWord } from "../persons/test-fixtures.ts";
import { issueTipFormToken } from "./spam-guard.ts";

/**
 * Persons, tokens and requests for the tips integration tests. Each test uses
 * its own person and its own client address (X-Forwarded-For), so that rate
 * limits and rows never depend on other tests.
 */
export async function newPerson(options: { disclosure?: Disclosure; deleted?: boolean; mergedIntoId?: string } = {}) {
  const organization = await makeOrganization();
  return makePerson(organization.id, {
    givenNames: uniqueWord("Ana"),
    surnames: uniqueWord("Pista"),
    disclosure: options.disclosure ?? "public",
    deleted: options.deleted,
    mergedIntoId: options.mergedIntoId,
  });
}

/** A token as if the form had been opened `secondsAgo` seconds ago. */
export async function tokenFor(personId: string, secondsAgo = 30): Promise<string> {
  return (await issueTipFormToken(personId, Date.now() - secondsAgo * 1000)).token;
}

/** A client of its own: rate limits key on the (hashed) first X-Forwarded-For value, whatever it is. */
export const newClient = () => ({ "X-Forwarded-For": `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}` });

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const tipsUrl = (id: string) => `http://localhost/api/v1/persons/${id}/tips`;

export function postTipJson(personId: string, body: unknown, headers: Record<string, string> = newClient()) {
  return postTipRoute(
    new Request(tipsUrl(personId), { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) }),
    context(personId),
  );
}

export function postTipForm(
  personId: string,
  fields: Record<string, string>,
  file?: { bytes: Uint8Array; name: string },
  headers: Record<string, string> = newClient(),
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: "image/jpeg" }));
  return postTipRoute(new Request(tipsUrl(personId), { method: "POST", headers, body: form }), context(personId));
}

export function getFormToken(personId: string, headers: Record<string, string> = newClient()) {
  return formTokenRoute(new Request(`${tipsUrl(personId)}/form-token`, { headers }), context(personId));
}

export async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; details?: Record<string, unknown>; issues?: { path: string }[] } })
    .error;
}

/** Tips written about a person (to check that nothing was). */
export const tipsAbout = (personId: string) => db().tip.findMany({ where: { personId } });
