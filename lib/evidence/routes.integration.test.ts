import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getFile } from "../../app/api/v1/files/[sha256]/route.ts";
import { GET as listEvidence, POST as addEvidenceRoute } from "../../app/api/v1/releases/[id]/evidence/route.ts";
import { createApiToken } from "../auth/mutations.ts";
import { db } from "../db/client.ts";
import { sha256Of } from "../storage/storage.ts";
import { elfBytes, gpsTagsOf, jpegWithGps, pdfBytes } from "./test-fixtures.ts";
import { cli, filesOnDisk, newRelease, newUser, useTemporaryDataDir } from "./test-setup.ts";

// A request without credentials asks next-auth for the session cookie, which needs
// Next.js's request scope; here no one is signed in.
vi.mock("../auth/session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../auth/session.ts")>()),
  getViewer: async () => null,
}));

let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
let token = "";
const previousLimit = process.env.CONSTANCIA_MAX_UPLOAD_BYTES;

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
  const volunteer = await newUser("volunteer");
  token = (await createApiToken(cli, volunteer.user.id, { name: "evidence routes" })).token;
});

afterEach(() => {
  if (previousLimit === undefined) delete process.env.CONSTANCIA_MAX_UPLOAD_BYTES;
  else process.env.CONSTANCIA_MAX_UPLOAD_BYTES = previousLimit;
});

afterAll(async () => {
  await dataDir.restore();
});

const auth = () => ({ Authorization: `Bearer ${token}` });
const evidenceUrl = (id: string) => `http://localhost/api/v1/releases/${id}/evidence`;
const context = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

function post(releaseId: string, init: { headers?: Record<string, string>; body?: BodyInit }) {
  const request = new Request(evidenceUrl(releaseId), { method: "POST", ...init });
  return addEvidenceRoute(request, context({ id: releaseId }));
}

function postJson(releaseId: string, body: unknown, headers: Record<string, string> = auth()) {
  return post(releaseId, { headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

function postForm(releaseId: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: "image/jpeg" }));
  return post(releaseId, { headers: auth(), body: form });
}

function fetchFile(sha256: string, headers: Record<string, string> = {}) {
  return getFile(new Request(`http://localhost/api/v1/files/${sha256}`, { headers }), context({ sha256 }));
}

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("POST /api/v1/releases/{id}/evidence", () => {
  it("answers 201 with the id and the stored file's hash for a form with a photo", async () => {
    const { release } = await newRelease();
    const response = await postForm(
      release.id,
      { kind: "photo_video", description: "Foto de la salida", obtainedOn: "2026-01-12", public: "on" },
      { bytes: await jpegWithGps({ color: "#102030" }), name: "IMG_1.jpg" },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; sha256: string };
    expect(Object.keys(body).sort()).toEqual(["id", "sha256"]);
    const evidence = await db().evidence.findUniqueOrThrow({ where: { id: body.id } });
    expect(evidence).toMatchObject({ releaseId: release.id, fileSha256: body.sha256, isPublic: true, fileName: "IMG_1.jpg" });

    // Public evidence: anyone may fetch it, without its GPS position.
    const file = await fetchFile(body.sha256);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect(file.headers.get("cache-control")).toBe("public, max-age=3600");
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(sha256Of(bytes)).toBe(body.sha256);
    expect(gpsTagsOf((await sharp(bytes).metadata()).exif)).toBeNull();
  });

  it("answers 201 with only the id for a JSON link", async () => {
    const { release } = await newRelease();
    const response = await postJson(release.id, { kind: "press_report", url: "https://example.org/n", description: "Nota" });
    expect(response.status).toBe(201);
    expect(Object.keys(await response.json())).toEqual(["id"]);
  });

  it("answers 400 for JSON without a url, saying to send a link or a file", async () => {
    const { release } = await newRelease();
    const response = await postJson(release.id, { kind: "press_report", description: "Sin enlace" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toMatch(/url.*multipart\/form-data/);
    expect(body.error.issues.map((issue) => issue.path)).toEqual(["url"]);
  });

  it("answers 400 for a form with neither a url nor a file", async () => {
    const { release } = await newRelease();
    const response = await postForm(release.id, { kind: "other", description: "Nada" });
    expect(response.status).toBe(400);
  });

  it("answers 401 without credentials and writes nothing", async () => {
    const { release } = await newRelease();
    const response = await postJson(release.id, { kind: "other", url: "https://example.org", description: "x" }, {});
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("unauthenticated");
    expect(await db().evidence.count({ where: { releaseId: release.id } })).toBe(0);
  });

  it("answers 415 for a body that is neither JSON nor a form", async () => {
    const { release } = await newRelease();
    const response = await post(release.id, { headers: { ...auth(), "Content-Type": "text/plain" }, body: "hola" });
    expect(response.status).toBe(415);
    expect(await errorCode(response)).toBe("unsupported_media_type");
  });

  it("answers 415 for an executable named photo.jpg, and stores nothing", async () => {
    const { release } = await newRelease();
    const before = await filesOnDisk(dataDir.dir);
    const response = await postForm(release.id, { kind: "photo_video", description: "x" }, { bytes: elfBytes(), name: "photo.jpg" });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { error: { code: string; details: { accepted: string[] } } };
    expect(body.error.code).toBe("unsupported_media_type");
    expect(body.error.details.accepted).toContain("image/jpeg");
    expect(await filesOnDisk(dataDir.dir)).toEqual(before);
    expect(await db().evidence.count({ where: { releaseId: release.id } })).toBe(0);
  });

  it("answers 413 for a file over the limit, and for a body over it, streamed or not", async () => {
    process.env.CONSTANCIA_MAX_UPLOAD_BYTES = "2048";
    const { release } = await newRelease();
    const before = await filesOnDisk(dataDir.dir);

    // A file over the limit in a body that is not.
    const pdf = Buffer.concat([pdfBytes(), Buffer.alloc(4096, 0x20)]);
    const overFile = await postForm(release.id, { kind: "court_document", description: "x" }, { bytes: pdf, name: "a.pdf" });
    expect(overFile.status).toBe(413);
    const body = (await overFile.json()) as { error: { code: string; details: { limitBytes: number } } };
    expect(body.error).toMatchObject({ code: "too_large", details: { limitBytes: 2048 } });

    // A body far over it, without a Content-Length: cut off while reading.
    const big = new FormData();
    big.set("kind", "court_document");
    big.set("description", "x");
    big.set("file", new File([Buffer.concat([pdfBytes(), Buffer.alloc(200_000, 0x20)])], "b.pdf"));
    const encoded = new Uint8Array(await new Request("http://localhost", { method: "POST", body: big }).arrayBuffer());
    const contentType = new Request("http://localhost", { method: "POST", body: big }).headers.get("content-type")!;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= encoded.length) return controller.close();
        controller.enqueue(encoded.subarray(sent, sent + 8192));
        sent += 8192;
      },
    });
    const streamed = await post(release.id, {
      headers: { ...auth(), "Content-Type": contentType },
      body: stream,
      ...({ duplex: "half" } as object),
    });
    expect(streamed.status).toBe(413);
    expect(await errorCode(streamed)).toBe("too_large");
    expect(sent).toBeLessThan(encoded.length);

    // The same body with an honest Content-Length: refused before reading.
    const declared = await post(release.id, {
      headers: { ...auth(), "Content-Type": contentType, "Content-Length": String(encoded.length) },
      body: encoded,
    });
    expect(declared.status).toBe(413);

    expect(await filesOnDisk(dataDir.dir)).toEqual(before);
    expect(await db().evidence.count({ where: { releaseId: release.id } })).toBe(0);
  });

  it("answers 404 for an unknown release and 400 for an id that is not a uuid", async () => {
    const unknown = await postJson(randomUUID(), { kind: "other", url: "https://example.org", description: "x" });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe("not_found");
    const malformed = await postJson("not-a-uuid", { kind: "other", url: "https://example.org", description: "x" });
    expect(malformed.status).toBe(400);
  });
});

describe("GET /api/v1/releases/{id}/evidence", () => {
  it("lists the release's evidence for a signed-in user, and 404 for an unknown release", async () => {
    const { release } = await newRelease();
    const added = await postForm(
      release.id,
      { kind: "photo_video", description: "Privada" },
      { bytes: await jpegWithGps({ color: "#203040" }), name: "privada.jpg" },
    );
    const { id, sha256 } = (await added.json()) as { id: string; sha256: string };
    const response = await listEvidence(new Request(evidenceUrl(release.id), { headers: auth() }), context({ id: release.id }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { evidence: unknown[] };
    expect(body.evidence).toEqual([
      expect.objectContaining({
        id,
        kind: "photo_video",
        public: false,
        url: null,
        file: expect.objectContaining({ sha256, contentType: "image/jpeg", fileName: "privada.jpg", href: `/api/v1/files/${sha256}` }),
      }),
    ]);
    const anonymous = await listEvidence(new Request(evidenceUrl(release.id)), context({ id: release.id }));
    expect(anonymous.status).toBe(401);
    const unknown = await listEvidence(new Request(evidenceUrl(randomUUID()), { headers: auth() }), context({ id: randomUUID() }));
    expect(unknown.status).toBe(404);
  });
});

describe("GET /api/v1/files/{sha256}", () => {
  it("sends a private file to a signed-in user, never cached, and 404 to the public", async () => {
    const { release } = await newRelease();
    const pdf = pdfBytes(randomUUID());
    const added = await postForm(
      release.id,
      { kind: "court_document", description: "Boleta" },
      { bytes: pdf, name: "Boleta de excarcelación.pdf" },
    );
    const { sha256 } = (await added.json()) as { sha256: string };

    const signedIn = await fetchFile(sha256, auth());
    expect(signedIn.status).toBe(200);
    expect(Object.fromEntries(signedIn.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `attachment; filename="Boleta de excarcelacion.pdf"; filename*=UTF-8''Boleta%20de%20excarcelaci%C3%B3n.pdf`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    });
    expect(Buffer.from(await signedIn.arrayBuffer())).toEqual(pdf);

    const anonymous = await fetchFile(sha256);
    expect(anonymous.status).toBe(404);
    expect(await errorCode(anonymous)).toBe("not_found");
  });

  it("answers 404 for an unknown hash and 400 for a malformed one", async () => {
    expect((await fetchFile(sha256Of(Buffer.from(randomUUID())), auth())).status).toBe(404);
    expect((await fetchFile("../../etc/passwd", auth())).status).toBe(400);
  });
});
