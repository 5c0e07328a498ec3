import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEventsFor } from "../audit/data.ts";
import { db } from "../db/client.ts";
import { elfBytes, gpsTagsOf, jpegWithGps, pdfBytes, zipBytes } from "../evidence/test-fixtures.ts";
import { filesOnDisk, useTemporaryDataDir } from "../evidence/test-setup.ts";
import { consumeRateLimit } from "../rate-limit/mutations.ts";
import { fileStorage, sha256Of } from "../storage/storage.ts";
import { signFormToken } from "./form-token.ts";
import { TIP_PER_PERSON_LIMIT, TIP_POST_RATE_LIMIT } from "./spam-guard.ts";
import { errorOf, getFormToken, newClient, newPerson, postTipForm, postTipJson, tipsAbout, tokenFor } from "./test-setup.ts";

let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
const previousLimit = process.env.CONSTANCIA_MAX_UPLOAD_BYTES;

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
});

afterEach(() => {
  if (previousLimit === undefined) delete process.env.CONSTANCIA_MAX_UPLOAD_BYTES;
  else process.env.CONSTANCIA_MAX_UPLOAD_BYTES = previousLimit;
});

afterAll(async () => {
  await dataDir.restore();
});

const TEXT = "Lo vi salir del Rodeo I el 12 de enero por la tarde.";

describe("POST /api/v1/persons/{id}/tips", () => {
  it("takes a form with a photo: 201 {id}, a pending tip, the photo stored without its GPS position", async () => {
    const person = await newPerson();
    const original = await jpegWithGps({ color: "#2a3b4c" });
    const response = await postTipForm(
      person.id,
      { text: `  ${TEXT}  `, contact: " 0414-555.01.23 ", formToken: await tokenFor(person.id), website: "" },
      { bytes: original, name: "IMG_2041 de María.jpg" },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string };
    expect(Object.keys(body)).toEqual(["id"]);

    const tip = await db().tip.findUniqueOrThrow({ where: { id: body.id } });
    expect(tip).toMatchObject({ personId: person.id, text: TEXT, contact: "0414-555.01.23", status: "pending", reviewedById: null });
    expect(tip.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(tip.fileSha256).not.toBe(sha256Of(original));
    const stored = await fileStorage().read(tip.fileSha256!);
    expect(sha256Of(stored!)).toBe(tip.fileSha256);
    const metadata = await sharp(stored!).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(gpsTagsOf(metadata.exif)).toBeNull();
    expect(await db().storedFile.findUniqueOrThrow({ where: { sha256: tip.fileSha256! } })).toMatchObject({ contentType: "image/jpeg" });

    // The app records that it accepted a tip; the text and contact stay out of the append-only trail.
    const [event] = await auditEventsFor("Tip", body.id);
    expect(event).toMatchObject({ action: "tip.receive", actorKind: "system", actorId: null });
    expect(event!.after).toMatchObject({ personId: person.id, contact: true, file: { sha256: tip.fileSha256, contentType: "image/jpeg" } });
    const recorded = JSON.stringify([event!.before, event!.after]);
    expect(recorded).not.toContain("Rodeo");
    expect(recorded).not.toContain("0414");
  });

  it("takes JSON without a file; an empty contact is no contact", async () => {
    const person = await newPerson({ disclosure: "initials" });
    const response = await postTipJson(person.id, { text: TEXT, contact: "  ", formToken: await tokenFor(person.id) });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await db().tip.findUniqueOrThrow({ where: { id } })).toMatchObject({ contact: null, fileSha256: null, status: "pending" });
  });

  it("refuses an executable named photo.jpg with 415 and writes nothing: no row, no file; the token still works", async () => {
    const person = await newPerson();
    const formToken = await tokenFor(person.id);
    const before = await filesOnDisk(dataDir.dir);
    const refused = await postTipForm(person.id, { text: TEXT, formToken }, { bytes: elfBytes(), name: "photo.jpg" });
    expect(refused.status).toBe(415);
    const error = await errorOf(refused);
    expect(error.code).toBe("unsupported_media_type");
    expect(error.details?.accepted).toContain("image/jpeg");
    const archive = await postTipForm(person.id, { text: TEXT, formToken }, { bytes: zipBytes(), name: "fotos.zip" });
    expect(archive.status).toBe(415);
    expect(await tipsAbout(person.id)).toEqual([]);
    expect(await db().storedFile.count({ where: { sha256: sha256Of(elfBytes()) } })).toBe(0);
    expect(await filesOnDisk(dataDir.dir)).toEqual(before);

    // Nothing was spent: the same form goes through once the file is fixed.
    const fixed = await postTipForm(person.id, { text: TEXT, formToken }, { bytes: pdfBytes(randomUUID()), name: "boleta.pdf" });
    expect(fixed.status).toBe(201);
  });

  it("refuses a file over the limit with 413, and a body far over it, writing nothing", async () => {
    process.env.CONSTANCIA_MAX_UPLOAD_BYTES = "2048";
    const person = await newPerson();
    const before = await filesOnDisk(dataDir.dir);
    const pdf = Buffer.concat([pdfBytes(), Buffer.alloc(4096, 0x20)]);
    const overFile = await postTipForm(person.id, { text: TEXT, formToken: await tokenFor(person.id) }, { bytes: pdf, name: "a.pdf" });
    expect(overFile.status).toBe(413);
    expect(await errorOf(overFile)).toMatchObject({ code: "too_large", details: { limitBytes: 2048 } });
    const huge = Buffer.alloc(200_000, 0x41);
    const overBody = await postTipForm(person.id, { text: TEXT, formToken: await tokenFor(person.id) }, { bytes: huge, name: "b.pdf" });
    expect(overBody.status).toBe(413);
    expect(await tipsAbout(person.id)).toEqual([]);
    expect(await filesOnDisk(dataDir.dir)).toEqual(before);
  });

  it("answers 404 like the public page for a withheld, deleted, merged or unknown person, and gives them no token", async () => {
    const survivor = await newPerson();
    const people = [
      await newPerson({ disclosure: "withheld" }),
      await newPerson({ deleted: true }),
      await newPerson({ mergedIntoId: survivor.id }),
    ];
    for (const person of people) {
      const response = await postTipJson(person.id, { text: TEXT, formToken: await tokenFor(person.id) });
      expect(response.status, person.disclosure).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
      expect((await getFormToken(person.id)).status).toBe(404);
      expect(await tipsAbout(person.id)).toEqual([]);
    }
    const unknown = randomUUID();
    expect((await postTipJson(unknown, { text: TEXT, formToken: await tokenFor(unknown) })).status).toBe(404);
    expect((await postTipJson("not-a-uuid", { text: TEXT, formToken: "x" })).status).toBe(400);
  });

  it("answers a filled honeypot like a success and writes nothing, whatever else was sent", async () => {
    const person = await newPerson();
    const before = await filesOnDisk(dataDir.dir);
    const trapped = [
      await postTipJson(person.id, { text: TEXT, formToken: await tokenFor(person.id), website: "https://casino.example" }),
      // A bot that also gets everything else wrong learns nothing either.
      await postTipJson(person.id, { text: "x", website: "hola", extra: 1 }),
      await postTipForm(person.id, { text: TEXT, formToken: "forged", website: "x" }, { bytes: elfBytes(), name: "photo.jpg" }),
    ];
    for (const response of trapped) {
      expect(response.status).toBe(201);
      const body = (await response.json()) as { id: string };
      expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(await db().tip.count({ where: { id: body.id } })).toBe(0);
    }
    expect(await tipsAbout(person.id)).toEqual([]);
    expect(await filesOnDisk(dataDir.dir)).toEqual(before);
  });

  it("refuses a form sent too fast, a forged, expired or other person's token, and a missing one — writing nothing", async () => {
    const person = await newPerson();
    const other = await newPerson();
    const cases = [
      { formToken: await tokenFor(person.id, 0), status: 422, reason: "form_too_fast" },
      { formToken: await tokenFor(person.id, 3 * 60 * 60), status: 422, reason: "form_expired" },
      { formToken: signFormToken(Buffer.alloc(32, 1), { personId: person.id, issuedAt: Date.now() - 30_000, nonce: "n" }), status: 400, reason: "form_token_invalid" },
      { formToken: await tokenFor(other.id), status: 400, reason: "form_token_invalid" },
      { formToken: "not.a.token", status: 400, reason: "form_token_invalid" },
    ];
    for (const { formToken, status, reason } of cases) {
      const response = await postTipJson(person.id, { text: TEXT, formToken });
      expect(response.status, reason).toBe(status);
      const error = await errorOf(response);
      expect(error.details?.reason, reason).toBe(reason);
      expect(error.message.length).toBeGreaterThan(10);
    }
    const tooFast = await errorOf(await postTipJson(person.id, { text: TEXT, formToken: await tokenFor(person.id, 0) }));
    expect(tooFast.details?.waitSeconds).toBeGreaterThanOrEqual(1);
    const missing = await postTipJson(person.id, { text: TEXT });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).issues?.map((issue) => issue.path)).toEqual(["formToken"]);
    expect(await tipsAbout(person.id)).toEqual([]);
  });

  it("spends a token once: a second send of the same form is a 409 and writes nothing twice", async () => {
    const person = await newPerson();
    const formToken = await tokenFor(person.id);
    const [first, second] = await Promise.all([
      postTipJson(person.id, { text: TEXT, formToken }),
      postTipJson(person.id, { text: TEXT, formToken }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const refused = first.status === 409 ? first : second;
    expect((await errorOf(refused)).details?.reason).toBe("form_used");
    expect(await tipsAbout(person.id)).toHaveLength(1);
  });

  it("refuses text that is too short, too long, binary or full of links, saying which field", async () => {
    const person = await newPerson();
    const formToken = await tokenFor(person.id);
    for (const text of ["", "corto", "x".repeat(5001), `Vea ${"https://a.example/x ".repeat(3)}`, `Hola\u0000mundo y algo más`]) {
      const response = await postTipJson(person.id, { text, formToken });
      expect(response.status, text.slice(0, 20)).toBe(400);
      expect((await errorOf(response)).issues?.map((issue) => issue.path)).toContain("text");
    }
    const longContact = await postTipJson(person.id, { text: TEXT, contact: "9".repeat(301), formToken });
    expect((await errorOf(longContact)).issues?.map((issue) => issue.path)).toEqual(["contact"]);
    expect((await postTipJson(person.id, { text: TEXT, formToken, public: true })).status).toBe(400);
    expect(await tipsAbout(person.id)).toEqual([]);
    // Two links are fine.
    expect((await postTipJson(person.id, { text: `${TEXT} https://a.example/1 https://b.example/2`, formToken })).status).toBe(201);
  });

  it("limits each client with 429 and Retry-After", async () => {
    const person = await newPerson();
    const client = newClient();
    for (let i = 0; i < TIP_POST_RATE_LIMIT.limit; i += 1) {
      expect((await postTipJson(person.id, { text: "x" }, client)).status).toBe(400);
    }
    const limited = await postTipJson(person.id, { text: TEXT, formToken: await tokenFor(person.id) }, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(limited)).code).toBe("rate_limited");
    // Another client is not affected.
    expect((await postTipJson(person.id, { text: TEXT, formToken: await tokenFor(person.id) })).status).toBe(201);
  });

  it("limits the tips about one person with 429 and Retry-After, from every client together", async () => {
    const person = await newPerson();
    for (let i = 0; i < TIP_PER_PERSON_LIMIT.limit; i += 1) {
      await consumeRateLimit(`tip.person:${person.id}`, TIP_PER_PERSON_LIMIT.limit, TIP_PER_PERSON_LIMIT.windowSeconds);
    }
    const limited = await postTipJson(person.id, { text: TEXT, formToken: await tokenFor(person.id) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await tipsAbout(person.id)).toEqual([]);
  });

  it("gives API clients a token that works after its notBefore, never cached", async () => {
    const person = await newPerson();
    const response = await getFormToken(person.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const issued = (await response.json()) as { token: string; notBefore: string; expiresAt: string };
    expect(Date.parse(issued.expiresAt) - Date.parse(issued.notBefore)).toBeGreaterThan(60 * 60 * 1000);
    const early = await postTipJson(person.id, { text: TEXT, formToken: issued.token });
    expect(early.status).toBe(422);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(issued.notBefore) - Date.now()) + 50));
    expect((await postTipJson(person.id, { text: TEXT, formToken: issued.token })).status).toBe(201);
  });
});
