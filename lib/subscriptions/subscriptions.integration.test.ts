import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirmRoute } from "@/app/api/v1/subscriptions/confirm/route.ts";
import { POST as subscribeRoute } from "@/app/api/v1/subscriptions/route.ts";
import { POST as unsubscribeRoute } from "@/app/api/v1/subscriptions/unsubscribe/route.ts";
import { db } from "../db/client.ts";
import { useTemporaryDataDir } from "../evidence/test-setup.ts";
import { createPerson } from "../persons/mutations.ts";
import { makeOrganization, uniqueWord } from "../persons/test-fixtures.ts";
import { makeActor } from "../testing/actors.ts";
import { subscriptionByLink } from "./data.ts";
import { MAX_PENDING_PER_ADDRESS } from "./mutations.ts";
import { subscriptionWithLinks, testAddress } from "./test-fixtures.ts";

/**
 * The public API of "Avísame" on a real database: what it writes, what it
 * answers, and that the answer never tells whether an address is subscribed.
 * (The mails themselves: notifications.integration.test.ts.)
 */
type Handler = (request: Request) => Promise<Response>;

/** A call from one client (its own address, so that rate limits of other tests do not count). */
function call(handler: Handler, body: unknown, client = randomUUID()) {
  return handler(
    new Request("http://localhost/api/v1/subscriptions", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": client },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
let volunteer: Awaited<ReturnType<typeof makeActor>>;
const person = async (disclosure: "public" | "initials" | "withheld" = "public") =>
  (await createPerson(volunteer, { givenNames: "Yorgelis", surnames: `Aviso ${uniqueWord("pz")}`, disclosure })).id;
const rowsFor = (email: string) => db().subscription.findMany({ where: { email }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
  volunteer = await makeActor("volunteer", (await makeOrganization()).id);
});

afterAll(async () => {
  await dataDir.restore();
});

describe("POST /api/v1/subscriptions", () => {
  it("answers 202 confirmation_sent and keeps one waiting row per address and person, with hashes only", async () => {
    const personId = await person();
    const email = testAddress();
    const first = await call(subscribeRoute, { email: `  ${email.toUpperCase()} `, personId });
    expect(first.status).toBe(202);
    const firstBody = await first.text();
    expect(JSON.parse(firstBody)).toEqual({ status: "confirmation_sent" });

    const again = await call(subscribeRoute, { email, personId, locale: "en" });
    expect(again.status).toBe(202);
    expect(await again.text()).toBe(firstBody);

    const rows = await rowsFor(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email, personId, searchQuery: null, locale: "en", confirmedAt: null, unsubscribedAt: null });
    expect(rows[0]!.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.unsubscribeTokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes the same search written differently as the same subscription, and another search as another", async () => {
    const email = testAddress();
    for (const query of ["José Luis Pérez", "jose   luis perez", "JOSE LUIS PEREZ"]) {
      expect((await call(subscribeRoute, { email, query })).status).toBe(202);
    }
    expect((await call(subscribeRoute, { email, query: "Ana Suárez" })).status).toBe(202);
    expect((await rowsFor(email)).map((row) => row.searchQuery)).toEqual(["José Luis Pérez", "Ana Suárez"]);
  });

  it("answers a confirmed subscriber asking again exactly as anyone else, and changes nothing", async () => {
    const personId = await person();
    const links = await subscriptionWithLinks({ personId });
    const { email } = (await db().subscription.findUniqueOrThrow({ where: { id: links.subscriptionId } }))!;
    expect((await call(confirmRoute, { token: links.confirmToken })).status).toBe(200);
    const before = await rowsFor(email);

    const response = await call(subscribeRoute, { email, personId });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "confirmation_sent" });
    expect(await rowsFor(email)).toEqual(before);
  });

  it("refuses a malformed address with 400 and a clear message on the email field, and writes nothing", async () => {
    const personId = await person();
    const before = await db().subscription.count();
    for (const email of ["ana.correo.com", "ana@", "ana perez@correo.com", "", 42]) {
      const response = await call(subscribeRoute, { email, personId });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain("email");
      expect(body.error.message).toMatch(/e-mail address/);
    }
    for (const bad of [{ email: testAddress() }, { email: testAddress(), personId, query: "ana" }, { email: testAddress(), query: "%" }, "{not json"]) {
      expect((await call(subscribeRoute, bad)).status).toBe(400);
    }
    expect(await db().subscription.count()).toBe(before);
  });

  it("answers 404 for a person the public may not see (withheld, or unknown), and writes nothing", async () => {
    const before = await db().subscription.count();
    for (const personId of [await person("withheld"), randomUUID()]) {
      const response = await call(subscribeRoute, { email: testAddress(), personId });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
    // Initials only: the public page exists, so the subscription does.
    expect((await call(subscribeRoute, { email: testAddress(), personId: await person("initials") })).status).toBe(202);
    expect(await db().subscription.count()).toBe(before + 1);
  });

  it("limits each client: past ten requests in ten minutes, 429 with Retry-After", async () => {
    const client = randomUUID();
    for (let i = 0; i < 10; i++) expect((await call(subscribeRoute, { email: testAddress(), query: "Ana Suárez" }, client)).status).toBe(202);
    const limited = await call(subscribeRoute, { email: testAddress(), query: "Ana Suárez" }, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
  });

  it("stops adding to an address that gathers too many unconfirmed subscriptions, answering the same", async () => {
    const email = testAddress("buzon");
    for (let i = 0; i < MAX_PENDING_PER_ADDRESS + 3; i++) {
      const response = await call(subscribeRoute, { email, query: `Persona ${uniqueWord("q")}` });
      expect(response.status).toBe(202);
    }
    expect(await rowsFor(email)).toHaveLength(MAX_PENDING_PER_ADDRESS);
  });
});

describe("the confirmation and unsubscribe links", () => {
  it("confirm: confirmed the first time, already_confirmed after without writing again, 404 when tampered or unknown", async () => {
    const links = await subscriptionWithLinks({ personId: await person() });
    const first = await call(confirmRoute, { token: links.confirmToken });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "confirmed" });
    const confirmedAt = (await db().subscription.findUniqueOrThrow({ where: { id: links.subscriptionId } })).confirmedAt;
    expect(confirmedAt).not.toBeNull();

    const second = await call(confirmRoute, { token: links.confirmToken });
    expect(await second.json()).toEqual({ status: "already_confirmed" });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: links.subscriptionId } })).confirmedAt).toEqual(confirmedAt);

    const flipped = links.confirmToken.slice(0, -1) + (links.confirmToken.endsWith("A") ? "B" : "A");
    for (const token of [flipped, `${links.confirmToken}x`, "hV4m9c2Qk7yXw1rT8pLz3nB6dF0sG5aJ2eK9uY7iO4q", links.unsubscribeToken]) {
      const response = await call(confirmRoute, { token });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
    expect((await call(confirmRoute, { token: "" })).status).toBe(400);
  });

  it("only the newest confirmation mail's link works", async () => {
    const personId = await person();
    const older = await subscriptionWithLinks({ personId, email: testAddress() });
    const { email } = await db().subscription.findUniqueOrThrow({ where: { id: older.subscriptionId } });
    const newer = await subscriptionWithLinks({ personId, email });
    expect(newer.subscriptionId).toBe(older.subscriptionId);
    expect((await call(confirmRoute, { token: older.confirmToken })).status).toBe(404);
    expect(await (await call(confirmRoute, { token: newer.confirmToken })).json()).toEqual({ status: "confirmed" });
  });

  it("unsubscribe: idempotent; the confirmation link then stops working; unknown token 404", async () => {
    const links = await subscriptionWithLinks({ query: "Ana Suárez" });
    await call(confirmRoute, { token: links.confirmToken });
    for (let i = 0; i < 2; i++) {
      const response = await call(unsubscribeRoute, { token: links.unsubscribeToken });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "unsubscribed" });
    }
    const row = await db().subscription.findUniqueOrThrow({ where: { id: links.subscriptionId } });
    expect(row.unsubscribedAt).not.toBeNull();
    expect((await call(confirmRoute, { token: links.confirmToken })).status).toBe(404);
    expect((await call(unsubscribeRoute, { token: links.confirmToken })).status).toBe(404);
    expect(await subscriptionByLink("unsubscribe", links.unsubscribeToken)).toMatchObject({ state: "unsubscribed" });
  });

  it("a cancelled subscription asked for again waits for a new confirmation, in the same row", async () => {
    const personId = await person();
    const links = await subscriptionWithLinks({ personId });
    const { email } = await db().subscription.findUniqueOrThrow({ where: { id: links.subscriptionId } });
    await call(confirmRoute, { token: links.confirmToken });
    await call(unsubscribeRoute, { token: links.unsubscribeToken });
    expect((await call(subscribeRoute, { email, personId })).status).toBe(202);
    const rows = await rowsFor(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ confirmedAt: null, unsubscribedAt: null });
  });

  it("the link pages read what the link is about, never the address", async () => {
    const personId = await person("initials");
    const links = await subscriptionWithLinks({ personId });
    const view = await subscriptionByLink("confirm", links.confirmToken);
    expect(view).toEqual({ state: "pending", subject: { kind: "person", personId, name: "Y. A. P." } });
    expect(JSON.stringify(view)).not.toContain("@");
    expect(await subscriptionByLink("confirm", "nope")).toBeNull();
  });
});
