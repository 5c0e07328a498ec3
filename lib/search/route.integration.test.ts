import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePerson, uniqueWord } from "../persons/test-fixtures.ts";
import { searchResponseSchema } from "./schema.ts";

/**
 * GET /api/v1/search through its real handler: API.md's shape, a clear 400
 * for every kind of bad query, and the per-client limit (429 + Retry-After),
 * counted in PostgreSQL. The limit is read when the route module loads, so it
 * is set before the import.
 */
process.env.CONSTANCIA_SEARCH_RATE_LIMIT = "12";
const { GET } = await import("../../app/api/v1/search/route.ts");

const word = uniqueWord("zr");
const search = (query: string, client = randomUUID()) =>
  GET(new Request(`http://localhost/api/v1/search?${query}`, { headers: { "x-forwarded-for": client } }));

beforeAll(async () => {
  const org = await makeOrganization();
  await makePerson(org.id, { givenNames: `José Luis ${word}`, surnames: "Pérez Rodríguez" });
});

describe("GET /api/v1/search", () => {
  it("answers API.md's shape", async () => {
    const response = await search(`q=${encodeURIComponent(`jose ${word} perez`)}&limit=3`);
    expect(response.status).toBe(200);
    const body = searchResponseSchema.parse(await response.json());
    expect(body.query).toBe(`jose ${word} perez`);
    expect(body.results[0]).toMatchObject({ name: `José Luis ${word} Pérez Rodríguez`, match: "exact", status: "detained", releasedOn: null });
    expect(Object.keys(body.results[0]!).sort()).toEqual(["externalRef", "id", "match", "name", "releasedOn", "score", "status"]);
  });

  it.each([
    ["no q", ""],
    ["empty", "q="],
    ["one letter", "q=a"],
    ["spaces around one letter", `q=${encodeURIComponent("  a  ")}`],
    ["10,000 characters", `q=${"a".repeat(10_000)}`],
    ["binary", `q=${encodeURIComponent("ab\u0000\u0001\u0002cd")}`],
    ["wildcards only", `q=${encodeURIComponent("%%")}`],
    ["underscores only", "q=__"],
    ["limit 0", "q=jose&limit=0"],
    ["limit 51", "q=jose&limit=51"],
    ["limit not a number", "q=jose&limit=diez"],
    ["an unknown parameter", "q=jose&page=2"],
  ])("answers %s with a clear 400", async (_label, query) => {
    const response = await search(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(body.error.message).not.toMatch(/at .*\.ts|stack|prisma/i);
  });

  it("rate-limits a client, in PostgreSQL, with Retry-After, and not the next client", async () => {
    const client = randomUUID();
    const statuses: number[] = [];
    for (let index = 0; index < 13; index++) statuses.push((await search(`q=${word}`, client)).status);
    expect(statuses.slice(0, 12).every((status) => status === 200)).toBe(true);
    const limited = await search(`q=${word}`, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect((await search(`q=${word}`)).status).toBe(200);
  });

  it("allows far fewer cédula searches than name searches (guessing cédulas would list people)", async () => {
    const client = randomUUID();
    const cedulas: number[] = [];
    for (let index = 0; index < 4; index++) cedulas.push((await search(`q=V-${10_000_000 + index}`, client)).status);
    // A quarter of the per-minute allowance (12 here): three an hour.
    expect(cedulas).toEqual([200, 200, 200, 429]);
    expect((await search(`q=${word}`, client)).status).toBe(200);
  });
});
