import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/announcements/route.ts";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/announcements/[id]/route.ts";
import { POST as archiveRoute } from "../../app/api/v1/announcements/[id]/archive/route.ts";
import { GET as historyRoute } from "../../app/api/v1/announcements/[id]/history/route.ts";
import { POST as statusRoute } from "../../app/api/v1/announcements/[id]/status/route.ts";
import { GET as fileRoute } from "../../app/api/v1/files/[sha256]/route.ts";
import { GET as tallyRoute } from "../../app/api/v1/tally/route.ts";
import { createApiToken } from "../auth/mutations.ts";
import { db } from "../db/client.ts";
import { elfBytes, pdfBytes } from "../evidence/test-fixtures.ts";
import { cli, newUser, useTemporaryDataDir } from "../evidence/test-setup.ts";
import { EXAMPLE_ANNOUNCEMENT } from "./openapi-fixtures.ts";

// A request without credentials would ask next-auth for the session; here no one is signed in.
vi.mock("../auth/session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../auth/session.ts")>()),
  getViewer: async () => null,
}));

let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
const tokens = { moderator: "", volunteer: "" };

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
  for (const role of ["moderator", "volunteer"] as const) {
    const { user } = await newUser(role);
    tokens[role] = (await createApiToken(cli, user.id, { name: `announcements ${role}` })).token;
  }
});
afterAll(async () => dataDir.restore());

const url = (path = "") => `http://localhost/api/v1/announcements${path}`;
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const json = (method: string, path: string, body: unknown, role: keyof typeof tokens = "moderator") =>
  new Request(url(path), {
    method,
    headers: { Authorization: `Bearer ${tokens[role]}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

async function create(body: unknown = EXAMPLE_ANNOUNCEMENT, role: keyof typeof tokens = "moderator") {
  return createRoute(json("POST", "", body, role), ctx());
}
const count = () => db().announcement.count();
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("recording an announcement", () => {
  it("records the claim as API.md says and keeps its first version", async () => {
    const response = await create({
      claimant: "Foro Penal",
      claimantKind: "ngo",
      statedOn: "2026-01-14",
      measure: "released",
      claimed: { qualifier: "exact", value: 80 },
      breakdown: { nationals: 66, foreigners: 14 },
      covers: { basis: "cumulative_since", from: "2026-01-08" },
      scope: "nationality:es",
      sourceUrl: "https://example.org/nota",
      quote: "la excarcelación es a cuentagotas",
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      claimant: "Foro Penal",
      claimed: { qualifier: "exact", value: 80, min: null, max: null },
      covers: { basis: "cumulative_since", from: "2026-01-08", to: null, date: null },
      scope: "nationality:ES",
      quoteLang: "es",
      version: 1,
      status: "active",
    });
    const history = await (await historyRoute(new Request(url(`/${body.id}/history`)), ctx({ id: body.id }))).json();
    expect(history.revisions).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { entityType: "Announcement", entityId: body.id } })).toBe(1);
  });

  it.each([
    ["a window that ends before it starts", { covers: { basis: "window", from: "2026-01-10", to: "2026-01-05" } }, "covers.to"],
    ["a range with min above max", { claimed: { qualifier: "range", min: 70, max: 60 } }, "claimed.max"],
    ["a negative count", { claimed: { qualifier: "exact", value: -3 } }, "claimed.value"],
    ["an unknown basis", { covers: { basis: "since_forever" } }, "covers.basis"],
    ["an unknown scope", { scope: "martians" }, "scope"],
    ["a nationality that is not a code", { scope: "nationality:Spain" }, "scope"],
    ["a statement dated in the future", { statedOn: "2099-01-01" }, "statedOn"],
    ["a date that does not exist", { statedOn: "2026-02-30" }, "statedOn"],
    ["a basis without its date", { covers: { basis: "single_day" } }, "covers.date"],
    ["coverage after the statement", { covers: { basis: "cumulative_since", from: "2026-02-01" } }, "covers.from"],
    ["a window ending after the statement", { covers: { basis: "window", from: "2026-01-08", to: "2026-01-20" } }, "covers.to"],
    ["a range without its bounds", { claimed: { qualifier: "range", value: 10 } }, "claimed.min"],
    ["a source that is not a web address", { sourceUrl: "javascript:alert(1)" }, "sourceUrl"],
    ["an unknown field", { secret: true }, ""],
  ])("refuses %s with a 400 and writes nothing", async (_, change, path) => {
    const before = await count();
    const response = await create({ ...EXAMPLE_ANNOUNCEMENT, ...change });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_input");
    if (path) expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it("is for moderators: a volunteer gets 403, nobody signed in 401", async () => {
    const before = await count();
    expect((await create(EXAMPLE_ANNOUNCEMENT, "volunteer")).status).toBe(403);
    const anonymous = await createRoute(
      new Request(url(), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(EXAMPLE_ANNOUNCEMENT) }),
      ctx(),
    );
    expect(anonymous.status).toBe(401);
    expect(await count()).toBe(before);
  });

  it("is public to read", async () => {
    const { id } = await (await create()).json();
    const one = await getRoute(new Request(url(`/${id}`)), ctx({ id }));
    expect(one.status).toBe(200);
    const list = await (await listRoute(new Request(url()), ctx())).json();
    expect(list.announcements.some((a: { id: string }) => a.id === id)).toBe(true);
    expect((await getRoute(new Request(url("/not-a-uuid")), ctx({ id: "not-a-uuid" }))).status).toBe(400);
  });
});

describe("correcting an announcement", () => {
  it("keeps every version, and a stale edit changes nothing", async () => {
    const { id } = await (await create()).json();
    const edit = { ...EXAMPLE_ANNOUNCEMENT, claimed: { qualifier: "at_least", value: 116 }, version: 1, reason: "Era un mínimo." };
    const first = await patchRoute(json("PATCH", `/${id}`, edit), ctx({ id }));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 2, claimed: { qualifier: "at_least", value: 116 } });

    const stale = await patchRoute(json("PATCH", `/${id}`, { ...edit, claimed: { qualifier: "exact", value: 1 } }), ctx({ id }));
    expect(stale.status).toBe(409);
    expect(await errorCode(stale)).toBe("stale_version");

    // The same claim again is not an edit.
    const same = await patchRoute(json("PATCH", `/${id}`, { ...edit, version: 2 }), ctx({ id }));
    expect((await same.json()).version).toBe(2);

    const history = await (await historyRoute(new Request(url(`/${id}/history`)), ctx({ id }))).json();
    expect(history.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(history.revisions[0]).toMatchObject({
      reason: "Era un mínimo.",
      changes: [{ field: "qualifier", before: "exact", after: "at_least" }],
    });
  });

  it("marks a claim disputed, or superseded by a later one, never by itself or an earlier one", async () => {
    const earlier = await (await create({ ...EXAMPLE_ANNOUNCEMENT, statedOn: "2026-01-12" })).json();
    const later = await (await create({ ...EXAMPLE_ANNOUNCEMENT, statedOn: "2026-01-23", claimed: { qualifier: "exact", value: 626 } })).json();
    const status = (id: string, body: unknown) => statusRoute(json("POST", `/${id}/status`, body), ctx({ id }));

    expect((await status(later.id, { status: "superseded", supersededById: earlier.id, reason: "x", version: 1 })).status).toBe(422);
    expect((await status(earlier.id, { status: "superseded", supersededById: earlier.id, reason: "x", version: 1 })).status).toBe(422);
    expect((await status(earlier.id, { status: "superseded", reason: "x", version: 1 })).status).toBe(400);
    expect((await status(earlier.id, { status: "disputed", version: 1 })).status).toBe(400);

    const superseded = await status(earlier.id, { status: "superseded", supersededById: later.id, reason: "Cifra actualizada.", version: 1 });
    expect(superseded.status).toBe(200);
    expect(await superseded.json()).toMatchObject({ status: "superseded", supersededById: later.id, version: 2 });
  });

  it("deletes by marking, and the deleted claim is gone from reads", async () => {
    const { id } = await (await create()).json();
    const response = await deleteRoute(json("DELETE", `/${id}`, { version: 1, reason: "Duplicado." }), ctx({ id }));
    expect(response.status).toBe(200);
    expect((await getRoute(new Request(url(`/${id}`)), ctx({ id }))).status).toBe(404);
    expect(await db().announcement.findUnique({ where: { id }, select: { deletedAt: true } })).toMatchObject({ deletedAt: expect.any(Date) });
    expect((await deleteRoute(json("DELETE", `/${id}`, { version: 2, reason: "Otra vez." }), ctx({ id }))).status).toBe(404);
  });
});

describe("the archived copy", () => {
  const upload = (id: string, version: string, file: { bytes: Uint8Array; name: string; type: string }) => {
    const form = new FormData();
    form.set("version", version);
    form.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    return archiveRoute(
      new Request(url(`/${id}/archive`), { method: "POST", headers: { Authorization: `Bearer ${tokens.moderator}` }, body: form }),
      ctx({ id }),
    );
  };

  it("keeps a PDF, public like the statement", async () => {
    const { id } = await (await create()).json();
    const response = await upload(id, "1", { bytes: pdfBytes(id), name: "nota.pdf", type: "application/pdf" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.archived.file).toMatchObject({ mimeType: "application/pdf" });
    const file = await fileRoute(new Request(`http://localhost${body.archived.file.url}`), ctx({ sha256: body.archived.file.sha256 }));
    expect(file.status).toBe(200);
  });

  it("refuses an executable with 415 and a stale version with 409, keeping nothing", async () => {
    const { id } = await (await create()).json();
    expect((await upload(id, "1", { bytes: elfBytes(), name: "nota.pdf", type: "application/pdf" })).status).toBe(415);
    expect((await upload(id, "7", { bytes: pdfBytes(`${id}-b`), name: "nota.pdf", type: "application/pdf" })).status).toBe(409);
    expect((await db().announcement.findUnique({ where: { id } }))?.archivedFileSha256).toBeNull();
  });
});

describe("GET /api/v1/tally", () => {
  const tally = (query: string) => tallyRoute(new Request(`http://localhost/api/v1/tally${query}`), ctx());

  it("answers as of today by default, and as of a past day", async () => {
    const today = await tally("");
    expect(today.status).toBe(200);
    const body = await today.json();
    expect(body).toHaveProperty("releases.verified");
    const past = await (await tally("?asOf=2026-01-14")).json();
    expect(past.asOf).toBe("2026-01-14");
  });

  it.each(["?asOf=yesterday", "?asOf=2026-13-01", "?asOf=2099-01-01", "?asOf=1899-01-01", "?when=2026-01-14"])(
    "refuses %s with a 400",
    async (query) => {
      const response = await tally(query);
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe("invalid_input");
    },
  );

  it("shows a new announcement at once: the cache follows the audit trail", async () => {
    await tally("");
    const { id } = await (await create({ ...EXAMPLE_ANNOUNCEMENT, claimant: "Cache de prueba" })).json();
    const body = await (await tally("")).json();
    expect(body.announcements.some((a: { id: string }) => a.id === id)).toBe(true);
  });
});

describe("GET /api/v1/tally, cheaply", () => {
  const get = (headers: Record<string, string> = {}) =>
    tallyRoute(new Request("http://localhost/api/v1/tally?asOf=2026-01-14", { headers }), ctx());

  it("answers 304 to a client that already has this answer", async () => {
    const first = await get();
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get({ "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await first.json()).asOf).toBe("2026-01-14");
  });
});
