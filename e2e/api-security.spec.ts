import { expect, test } from "@playwright/test";
import { connectToAppDatabase, seedToken, seedUser } from "./support/app.ts";
import { db } from "../lib/db/client.ts";

/** The HTTP API's gatekeeping, tried from outside as a script would. */
test.describe("API credentials and input", () => {
  test.beforeAll(connectToAppDatabase);

  test("health answers 200 with the database reachable", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
  });

  test("a volunteer's token is refused on admin endpoints; an admin's is accepted", async ({ request }) => {
    const volunteer = await seedUser("volunteer");
    const admin = await seedUser("admin");
    const volunteerToken = await seedToken(volunteer);
    const adminToken = await seedToken(admin);

    for (const [method, url] of [
      ["GET", "/api/v1/users"],
      ["POST", "/api/v1/users"],
      ["GET", "/api/v1/organizations"],
      ["GET", "/api/v1/audit/verify"],
    ] as const) {
      const response = await request.fetch(url, {
        method,
        headers: { Authorization: `Bearer ${volunteerToken}` },
        data: method === "POST" ? { email: "intruder@e2e.constancia.org", role: "admin" } : undefined,
      });
      expect(response.status(), `${method} ${url}`).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
    }
    expect(await db().user.count({ where: { email: "intruder@e2e.constancia.org" } })).toBe(0);

    const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${volunteerToken}` } });
    expect(await me.json()).toMatchObject({ email: volunteer.email, role: "volunteer", via: "token" });

    const users = await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(users.status()).toBe(200);
    const body = await users.json();
    expect(body.users.some((u: { email: string }) => u.email === volunteer.email)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
  });

  test("no token, a bad token, a revoked token: 401 in the API shape", async ({ request }) => {
    expect((await request.get("/api/v1/me")).status()).toBe(401);
    for (const header of ["Bearer cst_not-a-real-token", "Bearer", "Basic dXNlcjpwYXNz", `Bearer cst_${"x".repeat(43)}`]) {
      const response = await request.get("/api/v1/me", { headers: { Authorization: header } });
      expect(response.status(), header).toBe(401);
      expect((await response.json()).error.code).toBe("invalid_token");
    }
    const user = await seedUser("volunteer");
    const token = await seedToken(user);
    const tokens = await (await request.get("/api/v1/tokens", { headers: { Authorization: `Bearer ${token}` } })).json();
    const id = tokens.tokens[0].id;
    const revoke = await request.delete(`/api/v1/tokens/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(revoke.status()).toBe(200);
    expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  });

  test("a user cannot revoke someone else's token (it is simply not found)", async ({ request }) => {
    const owner = await seedUser("volunteer", "owner");
    const other = await seedUser("moderator", "other");
    const ownerToken = await seedToken(owner);
    const otherToken = await seedToken(other);
    const list = await (await request.get("/api/v1/tokens", { headers: { Authorization: `Bearer ${ownerToken}` } })).json();
    const response = await request.delete(`/api/v1/tokens/${list.tokens[0].id}`, {
      headers: { Authorization: `Bearer ${otherToken}` },
    });
    expect(response.status()).toBe(404);
    expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${ownerToken}` } })).status()).toBe(200);
  });

  test("bad input is a 4xx in the API shape and writes nothing", async ({ request }) => {
    const admin = await seedUser("admin");
    const headers = { Authorization: `Bearer ${await seedToken(admin)}` };
    const before = await db().user.count();
    // A Buffer is sent byte for byte (a string would be JSON-encoded by Playwright).
    const post = (data: string, contentType = "application/json") =>
      request.post("/api/v1/users", { headers: { ...headers, "Content-Type": contentType }, data: Buffer.from(data) });

    const cases: [string, Promise<import("@playwright/test").APIResponse>, number, string][] = [
      ["malformed JSON", post("{ not json"), 400, "invalid_json"],
      ["empty body", post(""), 400, "invalid_input"],
      ["wrong content type", post("email=a@b.org", "application/x-www-form-urlencoded"), 400, "invalid_input"],
      ["wrong types", post(JSON.stringify({ email: 42, role: ["admin"] })), 400, "invalid_input"],
      ["unknown field", post(JSON.stringify({ email: "x1@e2e.constancia.org", role: "admin", isRoot: true })), 400, "invalid_input"],
      ["unknown role", post(JSON.stringify({ email: "x2@e2e.constancia.org", role: "superuser" })), 400, "invalid_input"],
      ["over-long name", post(JSON.stringify({ email: "x3@e2e.constancia.org", role: "volunteer", name: "n".repeat(5000) })), 400, "invalid_input"],
      ["over-long e-mail", post(JSON.stringify({ email: `${"a".repeat(300)}@e2e.constancia.org`, role: "volunteer" })), 400, "invalid_input"],
      ["too large", post(JSON.stringify({ email: "x4@e2e.constancia.org", role: "volunteer", name: "n".repeat(2_000_000) })), 413, "too_large"],
    ];
    for (const [label, pending, status, code] of cases) {
      const response = await pending;
      expect(response.status(), label).toBe(status);
      const body = await response.json();
      expect(body.error.code, label).toBe(code);
      expect(typeof body.error.message, label).toBe("string");
      expect(JSON.stringify(body), label).not.toMatch(/at .*\.ts:\d+|prisma/i);
    }
    expect(await db().user.count()).toBe(before);

    const badId = await request.patch("/api/v1/users/not-a-uuid", { headers, data: { role: "admin", version: 1 } });
    expect(badId.status()).toBe(400);
    const missing = await request.patch("/api/v1/users/019a0000-0000-7000-8000-000000000000", {
      headers,
      data: { role: "admin", version: 1 },
    });
    expect(missing.status()).toBe(404);
  });

  test("a duplicate e-mail is a 409 and a stale version a 409 with what changed", async ({ request }) => {
    const admin = await seedUser("admin");
    const headers = { Authorization: `Bearer ${await seedToken(admin)}` };
    const target = await seedUser("volunteer", "target");
    const duplicate = await request.post("/api/v1/users", { headers, data: { email: target.email, role: "volunteer" } });
    expect(duplicate.status()).toBe(409);
    const first = await request.patch(`/api/v1/users/${target.id}`, { headers, data: { role: "moderator", version: 1 } });
    expect(first.status()).toBe(200);
    const stale = await request.patch(`/api/v1/users/${target.id}`, { headers, data: { role: "admin", version: 1 } });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "stale_version", details: { current: { role: "moderator" } } } });
  });

  test("disabling a user stops their token at once", async ({ request }) => {
    const admin = await seedUser("admin");
    const adminHeaders = { Authorization: `Bearer ${await seedToken(admin)}` };
    const user = await seedUser("volunteer");
    const token = await seedToken(user);
    expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);
    const disable = await request.patch(`/api/v1/users/${user.id}`, { headers: adminHeaders, data: { disabled: true, version: 1 } });
    expect(disable.status()).toBe(200);
    expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  });
});
