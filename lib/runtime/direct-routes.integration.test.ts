import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePerson, uniqueWord } from "../persons/test-fixtures.ts";
import securityHeaders from "../security-headers.json" with { type: "json" };

/**
 * The public search as the web server of `npm start` answers it, without
 * Next: over real HTTP, on the real database, through the route's own handler.
 * It must be the route's answer with next.config.js's security headers, its
 * 400s and its per-client limit; and everything that is not a GET on the exact
 * path must go on to Next. The limit is read when the route module loads, so
 * it is set before the import.
 */
process.env.CONSTANCIA_SEARCH_RATE_LIMIT = "8";
const { answerDirectly, directRouteFor } = await import("./direct-routes.ts");
const { GET } = await import("../../app/api/v1/search/route.ts");

const word = uniqueWord("dr");
const toNext: string[] = [];
let server: http.Server;
let base: string;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The bytes as sent (no decoding), from a client of its own (X-Forwarded-For). */
function send(method: string, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers: { "x-forwarded-for": randomUUID(), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

function expectSecurityHeaders(headers: http.IncomingHttpHeaders) {
  for (const { key, value } of securityHeaders) expect(headers[key.toLowerCase()]).toBe(value);
}

beforeAll(async () => {
  const org = await makeOrganization();
  // Enough namesakes that the answer passes a kilobyte and is worth compressing.
  for (const given of ["José Luis", "José Luís", "José", "Luis José", "José Antonio", "José Gregorio", "José Ángel", "José Rafael"]) {
    await makePerson(org.id, { givenNames: `${given} ${word}`, surnames: "Pérez Rodríguez" });
  }
  server = http.createServer((request, response) => {
    const handler = directRouteFor(request);
    if (handler) return void answerDirectly(handler, request, response, base);
    toNext.push(`${request.method} ${request.url}`);
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the web server's direct route for GET /api/v1/search", () => {
  const path = `/api/v1/search?q=${encodeURIComponent(`jose ${word} perez`)}&limit=10`;

  it("answers with the route handler's own answer and next.config.js's security headers", async () => {
    const direct = await send("GET", path, { "accept-encoding": "identity" });
    expect(direct.status).toBe(200);
    expectSecurityHeaders(direct.headers);
    expect(direct.headers["content-type"]).toBe("application/json");
    expect(direct.headers["cache-control"]).toBe("no-store");
    expect(direct.headers["content-encoding"]).toBeUndefined();
    expect(Number(direct.headers["content-length"])).toBe(direct.body.length);

    const fromHandler = await GET(new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": randomUUID() } }));
    expect(JSON.parse(direct.body.toString("utf8"))).toEqual(await fromHandler.json());
    expect(JSON.parse(direct.body.toString("utf8")).results).toHaveLength(8);
    expect(toNext).toEqual([]);
  });

  it("gzips an answer of a kilobyte or more for a client that accepts it, and only then", async () => {
    const plain = await send("GET", path, { "accept-encoding": "identity" });
    expect(plain.body.length).toBeGreaterThanOrEqual(1024);
    const zipped = await send("GET", path, { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it("answers a bad query with API.md's 400, from the same wrapper", async () => {
    const bad = await send("GET", "/api/v1/search?q=a");
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad.headers);
    expect(JSON.parse(bad.body.toString("utf8"))).toMatchObject({ error: { code: "invalid_input" } });
  });

  it("keeps the per-client limit, counted in PostgreSQL: the ninth search is a 429 with Retry-After", async () => {
    const client = randomUUID();
    const statuses: number[] = [];
    let last: Raw | null = null;
    for (let index = 0; index < 9; index++) {
      last = await send("GET", `/api/v1/search?q=${encodeURIComponent(`${word} perez`)}`, { "x-forwarded-for": client });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expect(Number(last!.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(last!.body.toString("utf8"))).toMatchObject({ error: { code: "rate_limited" } });
    // Another client is not affected.
    expect((await send("GET", `/api/v1/search?q=${encodeURIComponent(`${word} perez`)}`)).status).toBe(200);
  });

  it("leaves every other method, spelling of the path and route to Next", async () => {
    toNext.length = 0;
    for (const [method, other] of [
      ["HEAD", path],
      ["POST", path],
      ["OPTIONS", path],
      ["GET", `/api/v1/search/?q=jose`],
      ["GET", `/api/v1/searching?q=jose`],
      ["GET", `/api/v1/SEARCH?q=jose`],
      ["GET", "/api/v1/tally"],
      ["GET", "/buscar?q=jose"],
    ] as const) {
      expect((await send(method, other)).status).toBe(204);
    }
    expect(toNext).toHaveLength(8);
  });

  it("answers a failure outside the handler's wrapper with API.md's 500, never its message or stack", async () => {
    const failing = http.createServer((request, response) => {
      void answerDirectly(async () => Promise.reject(new Error("broke at /srv/secret/path.ts:12")), request, response, base);
    });
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    const port = (failing.address() as AddressInfo).port;
    const answer = await new Promise<Raw>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/api/v1/search?q=jose`, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    await new Promise((resolve) => failing.close(resolve));
    expect(answer.status).toBe(500);
    expectSecurityHeaders(answer.headers);
    const text = answer.body.toString("utf8");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "internal" } });
    expect(text).not.toContain("secret");
  });
});
