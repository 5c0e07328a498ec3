import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listTokensRoute, POST as createTokenRoute } from "../../app/api/v1/tokens/route.ts";
import { DELETE as revokeTokenRoute } from "../../app/api/v1/tokens/[id]/route.ts";
import { GET as meRoute } from "../../app/api/v1/me/route.ts";
import { auditEventsFor } from "../audit/data.ts";
import { systemActor } from "./actor.ts";
import { listAllTokens } from "./data.ts";
import { createApiToken, createUser, ensureDefaultOrganization } from "./mutations.ts";
import { createdTokenResponseSchema, tokenListResponseSchema } from "./schema.ts";

// No one is signed in through a cookie here: every call carries an API token.
vi.mock("./session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./session.ts")>()),
  getViewer: async () => null,
}));

const cli = systemActor("cli");
const context = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function person(role: "volunteer" | "moderator" | "admin") {
  const organization = await ensureDefaultOrganization(cli);
  const user = await createUser(cli, {
    email: `tokens-${role}-${randomUUID().slice(0, 8)}@test.constancia.org`,
    name: `Tokens ${role}`,
    role,
    organizationId: organization.id,
  });
  const token = await createApiToken(cli, user.id, { name: `${role} script` });
  return { user, token };
}

const list = (token: string, query = "") =>
  listTokensRoute(new Request(`http://localhost/api/v1/tokens${query}`, { headers: bearer(token) }));
const revoke = (token: string, id: string) =>
  revokeTokenRoute(new Request(`http://localhost/api/v1/tokens/${id}`, { method: "DELETE", headers: bearer(token) }), context({ id }));
const me = (token: string) => meRoute(new Request("http://localhost/api/v1/me", { headers: bearer(token) }));

let admin: Awaited<ReturnType<typeof person>>;
let moderator: Awaited<ReturnType<typeof person>>;
let volunteer: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  admin = await person("admin");
  moderator = await person("moderator");
  volunteer = await person("volunteer");
});

describe("API tokens over the API", () => {
  it("answers a new token with its prefix and creation time, besides the token itself", async () => {
    const response = await createTokenRoute(
      new Request("http://localhost/api/v1/tokens", {
        method: "POST",
        headers: { ...bearer(volunteer.token.token), "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Nightly tally" }),
      }),
    );
    expect(response.status).toBe(201);
    const body = createdTokenResponseSchema.parse(await response.json());
    expect(body.token.startsWith(body.prefix)).toBe(true);
    expect(Math.abs(Date.parse(body.createdAt) - Date.now())).toBeLessThan(60_000);
    // And the list shows it the same way.
    const listed = tokenListResponseSchema.parse(await (await list(volunteer.token.token)).json());
    expect(listed.tokens.find((token) => token.id === body.id)).toMatchObject({ prefix: body.prefix, createdAt: body.createdAt });
    expect(listed.tokens.every((token) => token.owner === undefined)).toBe(true);
  });

  it("lets an admin list every user's tokens with their owner, and revoke someone else's: it then gets 401, audited", async () => {
    const victim = await person("moderator");
    const all = await list(admin.token.token, "?all=true");
    expect(all.status).toBe(200);
    const body = tokenListResponseSchema.parse(await all.json());
    const listed = body.tokens.find((token) => token.id === victim.token.id);
    expect(listed).toMatchObject({
      prefix: victim.token.prefix,
      revoked: false,
      owner: { id: victim.user.id, email: victim.user.email, name: "Tokens moderator", role: "moderator" },
    });
    expect(body.tokens.every((token) => token.owner !== undefined)).toBe(true);

    expect((await me(victim.token.token)).status).toBe(200);
    const revoked = await revoke(admin.token.token, victim.token.id);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ id: victim.token.id, revoked: true, changed: true });

    const refused = await me(victim.token.token);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("invalid_token");

    const events = await auditEventsFor("ApiToken", victim.token.id);
    const revocation = events.find((event) => event.action === "token.revoke");
    expect(revocation).toBeDefined();
    expect(revocation!.actorId).toBe(admin.user.id);
    expect(revocation!.after).toMatchObject({ userId: victim.user.id, revoked: true, prefix: victim.token.prefix });

    // Again: nothing changes, and no second event.
    expect(await (await revoke(admin.token.token, victim.token.id)).json()).toMatchObject({ changed: false });
    expect((await auditEventsFor("ApiToken", victim.token.id)).filter((event) => event.action === "token.revoke")).toHaveLength(1);
  });

  it("refuses a moderator the list of all (403) and someone else's token (404, as for an unknown id); their own still works", async () => {
    const forbidden = await list(moderator.token.token, "?all=true");
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe("forbidden");
    expect((await list(moderator.token.token, "?all=maybe")).status).toBe(400);

    const other = await revoke(moderator.token.token, volunteer.token.id);
    expect(other.status).toBe(404);
    const unknown = await revoke(moderator.token.token, randomUUID());
    expect(unknown.status).toBe(404);
    expect(await other.json()).toEqual(await unknown.json());
    expect((await me(volunteer.token.token)).status).toBe(200);

    expect((await me(moderator.token.token)).status).toBe(200);
    const own = tokenListResponseSchema.parse(await (await list(moderator.token.token, "?all=false")).json());
    expect(own.tokens.map((token) => token.id)).toEqual([moderator.token.id]);

    // Their own token: revoked by themselves, then refused.
    const spare = await createApiToken(cli, moderator.user.id, { name: "spare" });
    expect((await revoke(moderator.token.token, spare.id)).status).toBe(200);
    expect((await me(spare.token)).status).toBe(401);
  });

  it("filters the admin list: live tokens, revoked ones, or all", async () => {
    const owner = await person("volunteer");
    const expired = await createApiToken(cli, owner.user.id, { name: "old", expiresInDays: 1 });
    const later = new Date(Date.now() + 2 * 86_400_000);
    await revoke(admin.token.token, owner.token.id);
    const ids = async (state: "active" | "revoked" | "all", now?: Date) =>
      (await listAllTokens({ state, now })).filter((token) => token.user.id === owner.user.id).map((token) => token.id);
    expect(await ids("active")).toEqual([expired.id]);
    expect(await ids("active", later)).toEqual([]);
    expect(await ids("revoked")).toEqual([owner.token.id]);
    expect((await ids("all")).sort()).toEqual([expired.id, owner.token.id].sort());
  });
});
