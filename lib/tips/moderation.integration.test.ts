import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getFile } from "../../app/api/v1/files/[sha256]/route.ts";
import { GET as getPublicPerson } from "../../app/api/v1/persons/[id]/route.ts";
import { GET as search } from "../../app/api/v1/search/route.ts";
import { PATCH as patchTip } from "../../app/api/v1/tips/[id]/route.ts";
import { GET as listTipsRoute } from "../../app/api/v1/tips/route.ts";
import { auditEventsFor } from "../audit/data.ts";
import { createApiToken } from "../auth/mutations.ts";
import { db } from "../db/client.ts";
import { jpegWithGps } from "../evidence/test-fixtures.ts";
import { cli, newUser, useTemporaryDataDir } from "../evidence/test-setup.ts";
import { removeUnreferencedFiles } from "../evidence/mutations.ts";
import { markPersonDeleted, purgePerson } from "../persons/mutations.ts";
import { uniqueWord } from "../persons/test-fixtures.ts";
import { fileStorage } from "../storage/storage.ts";
import type { TipItem, TipPage } from "./schema.ts";
import { errorOf, newClient, newPerson, postTipForm, postTipJson, tokenFor } from "./test-setup.ts";

// A request without credentials asks next-auth for the session cookie, which needs
// Next.js's request scope; here no one is signed in.
vi.mock("../auth/session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../auth/session.ts")>()),
  getViewer: async () => null,
}));

let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
const tokens = { volunteer: "", moderator: "", admin: "" };
let moderatorId = "";

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
  for (const role of ["volunteer", "moderator", "admin"] as const) {
    const { user } = await newUser(role);
    tokens[role] = (await createApiToken(cli, user.id, { name: `tips ${role}` })).token;
    if (role === "moderator") moderatorId = user.id;
  }
});

afterAll(async () => {
  await dataDir.restore();
});

const as = (role: keyof typeof tokens | null): Record<string, string> => (role ? { Authorization: `Bearer ${tokens[role]}` } : {});
const context = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

function list(query: Record<string, string>, role: keyof typeof tokens | null = "moderator") {
  return listTipsRoute(new Request(`http://localhost/api/v1/tips?${new URLSearchParams(query)}`, { headers: as(role) }), context({}));
}

function mark(id: string, status: string, role: keyof typeof tokens | null = "moderator") {
  const request = new Request(`http://localhost/api/v1/tips/${id}`, {
    method: "PATCH",
    headers: { ...as(role), "Content-Type": "application/json" },
    body: JSON.stringify({ status }),
  });
  return patchTip(request, context({ id }));
}

const fetchFile = (sha256: string, role: keyof typeof tokens | null) =>
  getFile(new Request(`http://localhost/api/v1/files/${sha256}`, { headers: as(role) }), context({ sha256 }));

async function sendTip(personId: string, text: string, photo?: Buffer): Promise<string> {
  const formToken = await tokenFor(personId);
  const response = photo
    ? await postTipForm(personId, { text, contact: "maria@example.org", formToken }, { bytes: photo, name: "foto.jpg" })
    : await postTipJson(personId, { text, formToken });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe("moderating tips", () => {
  it("lists pending tips newest first, one page at a time, with person, text, contact and file", async () => {
    const person = await newPerson();
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await sendTip(person.id, `Pista número ${n} sobre esta persona.`));
    const photoTip = await sendTip(person.id, "Foto de la salida, enviada por la vecina.", await jpegWithGps({ color: "#0d1e2f" }));

    const first = await list({ personId: person.id, limit: "2" });
    expect(first.status).toBe(200);
    const page = (await first.json()) as TipPage;
    expect(page.tips.map((tip) => tip.id)).toEqual([photoTip, ids[2]]);
    const withFile = page.tips[0]!;
    expect(withFile).toMatchObject({
      status: "pending",
      text: "Foto de la salida, enviada por la vecina.",
      contact: "maria@example.org",
      person: { id: person.id, name: `${person.givenNames} ${person.surnames}` },
      reviewedBy: null,
      file: { contentType: "image/jpeg", href: `/api/v1/files/${withFile.file!.sha256}` },
    });
    const second = (await (await list({ personId: person.id, limit: "2", cursor: page.nextCursor! })).json()) as TipPage;
    expect(second.tips.map((tip) => tip.id)).toEqual([ids[1], ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await list({ cursor: "nonsense" })).status).toBe(400);
    expect((await list({ status: "all" })).status).toBe(400);
  });

  it("refuses volunteers (403) and the public (401)", async () => {
    expect((await list({}, "volunteer")).status).toBe(403);
    expect((await errorOf(await list({}, "volunteer"))).code).toBe("forbidden");
    expect((await list({}, null)).status).toBe(401);
    const person = await newPerson();
    const id = await sendTip(person.id, "Una pista que un voluntario no puede marcar.");
    expect((await mark(id, "reviewed", "volunteer")).status).toBe(403);
    expect((await db().tip.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("marks a tip reviewed, recording who and when with an audit event; again changes nothing; the other way is a conflict", async () => {
    const person = await newPerson();
    const id = await sendTip(person.id, "Está en casa de su madre desde el martes.");
    const response = await mark(id, "reviewed");
    expect(response.status).toBe(200);
    const tip = (await response.json()) as TipItem;
    expect(tip).toMatchObject({ id, status: "reviewed", reviewedBy: { id: moderatorId } });
    expect(Date.parse(tip.reviewedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const events = () => auditEventsFor("Tip", id);
    expect((await events()).map((event) => event.action)).toEqual(["tip.receive", "tip.review"]);
    expect((await events())[1]).toMatchObject({ actorId: moderatorId, before: { status: "pending" }, after: { status: "reviewed" } });

    expect((await mark(id, "reviewed", "admin")).status).toBe(200);
    expect(await events()).toHaveLength(2);
    const conflict = await mark(id, "dismissed", "admin");
    expect(conflict.status).toBe(409);
    expect((await errorOf(conflict)).details).toMatchObject({ current: "reviewed" });

    // It left the pending list and is in the reviewed one.
    const pending = (await (await list({ personId: person.id })).json()) as TipPage;
    expect(pending.tips).toEqual([]);
    const reviewed = (await (await list({ personId: person.id, status: "reviewed" })).json()) as TipPage;
    expect(reviewed.tips.map((item) => item.id)).toEqual([id]);
  });

  it("answers 404 for an unknown tip and 400 for a bad status", async () => {
    expect((await mark(randomUUID(), "reviewed")).status).toBe(404);
    const person = await newPerson();
    const id = await sendTip(person.id, "Otra pista más para probar estados.");
    expect((await mark(id, "pending")).status).toBe(400);
    expect((await mark(id, "published")).status).toBe(400);
  });

  it("lets moderators, and only them, fetch a tip's file: 404 to the public and to volunteers", async () => {
    const person = await newPerson();
    const id = await sendTip(person.id, "Foto del documento de excarcelación.", await jpegWithGps({ color: "#3e4f5a" }));
    const { fileSha256 } = await db().tip.findUniqueOrThrow({ where: { id } });
    for (const role of [null, "volunteer"] as const) {
      const response = await fetchFile(fileSha256!, role);
      expect(response.status, String(role)).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
    for (const role of ["moderator", "admin"] as const) {
      const response = await fetchFile(fileSha256!, role);
      expect(response.status, role).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("content-disposition")).toContain(`pista-${fileSha256!.slice(0, 12)}.jpg`);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it("never shows a tip publicly: not in the public person API, not in search", async () => {
    const surname = uniqueWord("Rastro");
    const person = await newPerson();
    await db().person.update({ where: { id: person.id }, data: { surnames: surname } });
    const secretWord = uniqueWord("Secreto");
    await sendTip(person.id, `Lo vio ${secretWord} cerca del Helicoide.`, await jpegWithGps({ color: "#4a5b6c" }));
    const tip = await db().tip.findFirstOrThrow({ where: { personId: person.id } });

    const publicView = await getPublicPerson(new Request(`http://localhost/api/v1/persons/${person.id}`), context({ id: person.id }));
    expect(publicView.status).toBe(200);
    const text = await publicView.text();
    for (const secret of [secretWord, "Helicoide", "maria@example.org", tip.fileSha256!, tip.id]) expect(text).not.toContain(secret);

    for (const q of [secretWord, surname, "Helicoide"]) {
      const response = await search(new Request(`http://localhost/api/v1/search?q=${encodeURIComponent(q)}`, { headers: newClient() }), context({}));
      expect(response.status, q).toBe(200);
      // (The answer repeats the query; the results are what must not carry the tip.)
      const { results } = (await response.json()) as { results: { id: string }[] };
      if (q !== surname) expect(results.map((result) => result.id), q).not.toContain(person.id);
      for (const secret of [secretWord, "Helicoide", "maria@example.org", tip.id]) expect(JSON.stringify(results), q).not.toContain(secret);
    }
  });

  it("purging a person removes their tips and the files sent with them", async () => {
    const person = await newPerson();
    const id = await sendTip(person.id, "Foto que la familia pidió borrar después.", await jpegWithGps({ color: "#5b6c7d" }));
    const { fileSha256 } = await db().tip.findUniqueOrThrow({ where: { id } });
    await markPersonDeleted(cli, person.id, { version: person.version, reason: "La familia lo pidió" });
    const purged = await purgePerson(cli, person.id, { reason: "La familia lo pidió" });
    expect(purged.fileSha256s).toContain(fileSha256);
    expect(await removeUnreferencedFiles(purged.fileSha256s)).toContain(fileSha256);
    expect(await db().tip.count({ where: { id } })).toBe(0);
    expect(await fileStorage().exists(fileSha256!)).toBe(false);
  });
});
