import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "../auth/actor.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db } from "../db/client.ts";
import { changeStamp } from "../tally/cache.ts";
import { keepable, publicCache, type Filled, type Variant } from "./public-cache.ts";

/**
 * The public cache in front of a real HTTP origin, with the real change stamp
 * (the newest audit event in PostgreSQL). The origin stands where Next stands
 * in lib/runtime/web.ts and counts how often it is asked; the browser tests
 * (e2e/reconciliation.spec.ts) run the cache in front of the real app.
 */
let origin: http.Server;
let front: http.Server;
let base = "";
let asked: string[] = [];
let answer: { status: number; body: string; headers: Record<string, string> } = { status: 200, body: "", headers: {} };
let day = "2026-01-14";
let cache: ReturnType<typeof publicCache>;

const listen = (server: http.Server) => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

async function askOrigin(originUrl: string, variant: Variant): Promise<Filled | null> {
  const response = await fetch(`${originUrl}${variant.url}`, { headers: variant.locale ? { "accept-language": variant.locale } : {} });
  // The same rule as the web server's (lib/runtime/web.ts): what may be kept is the cache's to say.
  return keepable(response.status, response.headers.entries(), Buffer.from(await response.arrayBuffer()));
}

async function newEvent(): Promise<bigint> {
  const { id } = await db().$transaction((tx) =>
    recordAudit(tx, systemActor("cli"), { action: "test.public_cache", entityType: "Test", entityId: randomUUID() }),
  );
  return id;
}

function request(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { "accept-encoding": "identity", ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  origin = http.createServer((req, res) => {
    // fetch sends "*" when no language is asked for.
    const language = req.headers["accept-language"] === "*" ? "" : (req.headers["accept-language"] ?? "");
    asked.push(`${req.url} ${language}`.trim());
    res.writeHead(answer.status, { "content-type": "text/plain; charset=utf-8", ...answer.headers });
    res.end(`${answer.body} ${req.url} ${language}`.trim());
  });
  const originUrl = await listen(origin);
  front = http.createServer((req, res) => {
    void cache.handle(req, res, () => {
      res.writeHead(299, { "content-type": "text/plain" });
      res.end("passed to Next");
    });
  });
  base = await listen(front);
  cache = publicCache({ fill: (variant) => askOrigin(originUrl, variant), stamp: changeStamp, today: () => day });
});

afterAll(async () => {
  await new Promise((resolve) => front.close(resolve));
  await new Promise((resolve) => origin.close(resolve));
});

beforeEach(async () => {
  asked = [];
  answer = { status: 200, body: "figures", headers: {} };
  day = "2026-01-14";
  // A fresh stamp: nothing kept by an earlier test is current.
  await newEvent();
});

describe("the public cache", () => {
  it("asks Next once for many visitors at once, then answers from memory", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => request("/api/v1/tally")));
    expect(asked).toEqual(["/api/v1/tally"]);
    expect(new Set(answers.map((a) => a.body.toString()))).toEqual(new Set(["figures /api/v1/tally"]));
    expect(answers.every((a) => a.status === 200 && ["fill", "hit"].includes(String(a.headers["x-constancia-cache"])))).toBe(true);
    const again = await request("/api/v1/tally");
    expect(again.headers["x-constancia-cache"]).toBe("hit");
    expect(asked).toHaveLength(1);
  });

  it("serves gzip and brotli, compressed once, to the same text", async () => {
    answer.body = "figures ".repeat(500);
    const plain = await request("/api/v1/tally?asOf=2026-01-10");
    const gz = await request("/api/v1/tally?asOf=2026-01-10", { "accept-encoding": "gzip" });
    const br = await request("/api/v1/tally?asOf=2026-01-10", { "accept-encoding": "gzip, br" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(gunzipSync(gz.body).toString()).toBe(plain.body.toString());
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    expect(Number(gz.headers["content-length"])).toBe(gz.body.length);
    expect(String(gz.headers.vary)).toMatch(/Accept-Encoding/);
    expect(asked).toHaveLength(1);
  });

  it("asks again as soon as the record changes (a new audit event), and not before", async () => {
    await request("/api/v1/tally");
    answer.body = "new figures";
    expect((await request("/api/v1/tally")).body.toString()).toBe("figures /api/v1/tally");
    await newEvent();
    const after = await request("/api/v1/tally");
    expect(after.body.toString()).toBe("new figures /api/v1/tally");
    expect(after.headers["x-constancia-cache"]).toBe("fill");
    expect(asked).toHaveLength(2);
  });

  it("sees a change committed while another visitor's stamp read was under way", async () => {
    await request("/api/v1/tally");
    answer.body = "after the change";
    const earlier = changeStamp(); // a read under way…
    const id = await newEvent(); // …a change committed meanwhile…
    expect(await changeStamp()).toBeGreaterThanOrEqual(id); // …is seen by any later call.
    await earlier;
    expect((await request("/api/v1/tally")).body.toString()).toBe("after the change /api/v1/tally");
  });

  it("asks again when the day changes (today's figures are another answer)", async () => {
    await request("/anuncios");
    day = "2026-01-15";
    answer.body = "tomorrow";
    expect((await request("/anuncios")).body.toString()).toBe("tomorrow /anuncios es");
  });

  it("keeps one answer per language for pages, and asks Next in that language", async () => {
    const es = await request("/anuncios");
    const en = await request("/anuncios", { cookie: "NEXT_LOCALE=en" });
    const enAgain = await request("/anuncios", { "accept-language": "en-US,en;q=0.8" });
    expect(es.body.toString()).toBe("figures /anuncios es");
    expect(en.body.toString()).toBe("figures /anuncios en");
    expect(enAgain.headers["x-constancia-cache"]).toBe("hit");
    expect(String(en.headers.vary)).toMatch(/Accept-Language.*Cookie/);
    expect(asked).toEqual(["/anuncios es", "/anuncios en"]);
  });

  it("never answers signed-in visitors and never keeps what Next did not answer plainly", async () => {
    await request("/anuncios");
    const signedIn = await request("/anuncios", { cookie: "next-auth.session-token=abc" });
    expect(signedIn.status).toBe(299);
    await newEvent();
    answer = { status: 400, body: "bad day", headers: {} };
    expect((await request("/api/v1/tally?asOf=tomorrow")).status).toBe(299);
    expect((await request("/api/v1/tally?asOf=tomorrow")).status).toBe(299);
    answer = { status: 200, body: "personal", headers: { "set-cookie": "a=b" } };
    expect((await request("/anuncios?pagina=2")).status).toBe(299);
    expect(asked.filter((line) => line.startsWith("/api/v1/tally?asOf=tomorrow"))).toHaveLength(2);
  });

  it("answers 304 to a client that already has the answer's ETag", async () => {
    answer.headers = { ETag: '"v1"', "cache-control": "no-cache" };
    await request("/api/v1/tally?asOf=2026-01-12");
    const again = await request("/api/v1/tally?asOf=2026-01-12", { "if-none-match": '"v1"' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe('"v1"');
    expect((await request("/api/v1/tally?asOf=2026-01-12", { "if-none-match": '"v0"' })).status).toBe(200);
  });

  it("goes to Next when the stamp cannot be read", async () => {
    const broken = publicCache({ fill: async () => null, stamp: () => Promise.reject(new Error("database down")), today: () => day });
    const server = http.createServer((req, res) => void broken.handle(req, res, () => res.writeHead(299).end("passed")));
    const url = await listen(server);
    try {
      expect((await fetch(`${url}/api/v1/tally`)).status).toBe(299);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("drops the least recently used answers beyond its size", async () => {
    const small = publicCache({
      fill: async (variant) => ({ headers: [], body: Buffer.from(`${variant.url} `.repeat(50)) }),
      stamp: changeStamp,
      today: () => day,
      maxBytes: 6_000,
    });
    const server = http.createServer((req, res) => void small.handle(req, res, () => res.writeHead(299).end()));
    const url = await listen(server);
    try {
      for (let d = 1; d <= 10; d++) await fetch(`${url}/api/v1/tally?asOf=2026-01-${String(d).padStart(2, "0")}`);
      expect(small.size().bytes).toBeLessThanOrEqual(6_000);
      expect(small.size().entries).toBeGreaterThan(0);
      expect(small.size().entries).toBeLessThan(10);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
