import { afterAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route.ts";
import { disconnectDb } from "../db/client.ts";

const request = () => new Request("http://localhost/api/health");

describe("GET /api/health", () => {
  const realUrl = process.env.DATABASE_URL;
  afterAll(async () => {
    process.env.DATABASE_URL = realUrl;
    await disconnectDb();
  });

  it("answers 200 when the database answers", async () => {
    const response = await GET(request());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
  });

  it("answers 503, in the same shape, when the database does not", async () => {
    await disconnectDb();
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/constancia";
    const response = await GET(request());
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
