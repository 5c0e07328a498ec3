import { randomUUID } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.ts";
import { auditEventsFor } from "../audit/data.ts";
import { db } from "../db/client.ts";
import { fileStorage, sha256Of } from "../storage/storage.ts";
import { evidenceForRelease, fileAccess, publicEvidenceForPersons } from "./data.ts";
import { addEvidence, removeUnreferencedFiles } from "./mutations.ts";
import { elfBytes, gpsTagsOf, jpegWithGps, pdfBytes } from "./test-fixtures.ts";
import { filesOnDisk, newRelease, newUser, useTemporaryDataDir } from "./test-setup.ts";

let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
let volunteer: Awaited<ReturnType<typeof newUser>>;

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
  volunteer = await newUser("volunteer");
});

afterAll(async () => {
  await dataDir.restore();
});

const link = { kind: "press_report" as const, url: "https://example.org/nota", description: "Nota de prensa", public: false };
const photo = { kind: "photo_video" as const, description: "Foto a la salida del centro", public: false };

describe("adding evidence", () => {
  it("records a link as Evidence, with an audit event filed under the release", async () => {
    const { release } = await newRelease();
    const added = await addEvidence(volunteer.actor, release.id, { ...link, obtainedOn: "2026-01-12", public: true });
    expect(added).toEqual({ id: expect.any(String) });
    const row = await db().evidence.findUniqueOrThrow({ where: { id: added.id } });
    expect(row).toMatchObject({
      releaseId: release.id,
      kind: "press_report",
      url: "https://example.org/nota",
      fileSha256: null,
      description: "Nota de prensa",
      isPublic: true,
      addedById: volunteer.user.id,
    });
    expect(row.obtainedOn?.toISOString()).toBe("2026-01-12T00:00:00.000Z");
    const events = await auditEventsFor("Release", release.id);
    expect(events.map((event) => event.action)).toEqual(["evidence.add"]);
    expect(events[0]).toMatchObject({ actorId: volunteer.user.id, entityType: "Release", entityId: release.id });
    expect(events[0]!.after).toMatchObject({ evidenceId: added.id, kind: "press_report", url: link.url, public: true, file: null });
  });

  it("stores an uploaded photo without its GPS position, under the hash of the stored bytes", async () => {
    const { release } = await newRelease();
    const original = await jpegWithGps({ color: "#1a2b3c" });
    const added = await addEvidence(volunteer.actor, release.id, photo, { bytes: original, fileName: "IMG_0042.jpg" });
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(added.sha256).not.toBe(sha256Of(original));

    const onDisk = await fileStorage().read(added.sha256!);
    expect(onDisk).not.toBeNull();
    expect(sha256Of(onDisk!)).toBe(added.sha256);
    const metadata = await sharp(onDisk!).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(gpsTagsOf(metadata.exif)).toBeNull();
    expect(await filesOnDisk(dataDir.dir)).toContain(path.join(added.sha256!.slice(0, 2), added.sha256!));

    const stored = await db().storedFile.findUniqueOrThrow({ where: { sha256: added.sha256! } });
    expect(stored).toMatchObject({ size: onDisk!.length, contentType: "image/jpeg" });
    const evidence = await db().evidence.findUniqueOrThrow({ where: { id: added.id } });
    expect(evidence).toMatchObject({ fileSha256: added.sha256, fileName: "IMG_0042.jpg", url: null });
    const [event] = await auditEventsFor("Release", release.id);
    expect(event!.after).toMatchObject({ file: { sha256: added.sha256, contentType: "image/jpeg", fileName: "IMG_0042.jpg" } });
    expect(JSON.stringify(event!.after)).not.toMatch(/bytes/);
  });

  it("refuses a renamed executable with 415 and writes nothing", async () => {
    const { release } = await newRelease();
    const before = await filesOnDisk(dataDir.dir);
    await expect(
      addEvidence(volunteer.actor, release.id, photo, { bytes: elfBytes(), fileName: "photo.jpg" }),
    ).rejects.toMatchObject({ code: "unsupported_media_type", status: 415 });
    expect(await db().evidence.count({ where: { releaseId: release.id } })).toBe(0);
    expect(await db().storedFile.count({ where: { sha256: sha256Of(elfBytes()) } })).toBe(0);
    expect(await filesOnDisk(dataDir.dir)).toEqual(before);
    expect(await auditEventsFor("Release", release.id)).toEqual([]);
  });

  it("answers 404 for an unknown release and leaves no file on disk", async () => {
    const before = await filesOnDisk(dataDir.dir);
    const file = { bytes: await jpegWithGps({ color: "#445566" }), fileName: "x.jpg" };
    await expect(addEvidence(volunteer.actor, randomUUID(), photo, file)).rejects.toMatchObject({ code: "not_found" });
    expect(await filesOnDisk(dataDir.dir)).toEqual(before);
  });

  it("answers 404 for a deleted release, or one whose person was deleted or merged", async () => {
    const deleted = await newRelease({ releaseDeleted: true });
    const personGone = await newRelease({ personDeleted: true });
    const merged = await newRelease();
    const survivor = await newRelease();
    await db().person.update({ where: { id: merged.person.id }, data: { mergedIntoId: survivor.person.id } });
    for (const { release } of [deleted, personGone, merged]) {
      await expect(addEvidence(volunteer.actor, release.id, link)).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("keeps one stored file for the same bytes sent twice, and two pieces of evidence", async () => {
    const { release } = await newRelease();
    const other = await newRelease();
    const bytes = pdfBytes(randomUUID());
    const first = await addEvidence(volunteer.actor, release.id, { ...photo, kind: "court_document" }, { bytes, fileName: "a.pdf" });
    const second = await addEvidence(volunteer.actor, other.release.id, { ...photo, kind: "court_document" }, { bytes, fileName: "b.pdf" });
    expect(first.sha256).toBe(sha256Of(bytes));
    expect(second.sha256).toBe(first.sha256);
    expect(second.id).not.toBe(first.id);
    expect(await db().storedFile.count({ where: { sha256: first.sha256! } })).toBe(1);
    expect(await db().evidence.count({ where: { fileSha256: first.sha256! } })).toBe(2);
    expect(await fileStorage().read(first.sha256!)).toEqual(bytes);
  });

  it("needs a url or a file", async () => {
    const { release } = await newRelease();
    await expect(addEvidence(volunteer.actor, release.id, { ...photo })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("removes the file it wrote when the transaction fails, leaving no orphan", async () => {
    const { release } = await newRelease();
    // A user that does not exist: the insert fails on its foreign key, after the file was written.
    const ghost: Actor = { kind: "user", userId: randomUUID(), role: "volunteer", organizationId: volunteer.actor.organizationId! };
    const bytes = await jpegWithGps({ color: "#778899" });
    const before = await filesOnDisk(dataDir.dir);
    await expect(addEvidence(ghost, release.id, photo, { bytes, fileName: "y.jpg" })).rejects.toMatchObject({
      name: "PrismaClientKnownRequestError",
      code: "P2003",
    });
    expect(await filesOnDisk(dataDir.dir)).toEqual(before);
    expect(await db().evidence.count({ where: { releaseId: release.id } })).toBe(0);
  });
});

describe("reading evidence", () => {
  it("lists a release's evidence for signed-in pages, with the file and who added it, without deleted ones", async () => {
    const { release } = await newRelease();
    const withFile = await addEvidence(volunteer.actor, release.id, photo, {
      bytes: await jpegWithGps({ color: "#0f0f0f" }),
      fileName: "salida.jpg",
    });
    const deleted = await addEvidence(volunteer.actor, release.id, link);
    await db().evidence.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const items = await evidenceForRelease(release.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: withFile.id,
      kind: "photo_video",
      isPublic: false,
      addedBy: { id: volunteer.user.id, name: volunteer.user.name },
      file: { sha256: withFile.sha256, contentType: "image/jpeg", fileName: "salida.jpg" },
    });
  });

  it("shows the public only public evidence of visible persons, never who added it", async () => {
    const visible = await newRelease();
    const withheld = await newRelease({ disclosure: "withheld" });
    const rejected = await newRelease({ status: "rejected" });
    const shown = await addEvidence(volunteer.actor, visible.release.id, { ...link, public: true });
    await addEvidence(volunteer.actor, visible.release.id, { ...link, url: "https://example.org/privada" });
    await addEvidence(volunteer.actor, withheld.release.id, { ...link, public: true });
    await addEvidence(volunteer.actor, rejected.release.id, { ...link, public: true });
    const found = await publicEvidenceForPersons([visible.person.id, withheld.person.id, rejected.person.id]);
    expect(found).toEqual([
      {
        id: shown.id,
        personId: visible.person.id,
        releaseId: visible.release.id,
        kind: "press_report",
        url: "https://example.org/nota",
        description: "Nota de prensa",
        obtainedOn: null,
        file: null,
      },
    ]);
    expect(await publicEvidenceForPersons([])).toEqual([]);
  });
});

describe("who may fetch a stored file", () => {
  it("lets anyone fetch the file of public evidence, under a name that says nothing", async () => {
    const { release } = await newRelease();
    const added = await addEvidence(volunteer.actor, release.id, { ...photo, public: true }, {
      bytes: await jpegWithGps({ color: "#aa0000" }),
      fileName: "Juan Pérez cédula.jpg",
    });
    const access = await fileAccess(added.sha256!, null);
    expect(access).toMatchObject({ contentType: "image/jpeg", isPublic: true });
    expect(access!.fileName).toBe(`evidencia-${added.sha256!.slice(0, 12)}.jpg`);
  });

  it("hides a private file from the public (404) and shows it to a volunteer", async () => {
    const { release } = await newRelease();
    const added = await addEvidence(volunteer.actor, release.id, photo, {
      bytes: await jpegWithGps({ color: "#00aa00" }),
      fileName: "privada.jpg",
    });
    expect(await fileAccess(added.sha256!, null)).toBeNull();
    const reader = await newUser("volunteer");
    expect(await fileAccess(added.sha256!, reader.actor)).toMatchObject({
      contentType: "image/jpeg",
      fileName: "privada.jpg",
      isPublic: false,
    });
  });

  it("hides public evidence of a withheld person, a rejected or deleted release, or deleted evidence", async () => {
    const cases = [
      await newRelease({ disclosure: "withheld" }),
      await newRelease({ status: "rejected" }),
      await newRelease({ releaseDeleted: true }),
    ];
    for (const [index, { release }] of cases.entries()) {
      const bytes = await jpegWithGps({ color: ["#010101", "#020202", "#030303"][index] });
      const sha = sha256Of(bytes);
      await fileStorage().put(sha, bytes);
      await db().storedFile.create({ data: { sha256: sha, size: bytes.length, contentType: "image/jpeg" } });
      await db().evidence.create({
        data: { releaseId: release.id, kind: "photo_video", description: "x", fileSha256: sha, isPublic: true },
      });
      expect(await fileAccess(sha, null)).toBeNull();
    }
    const { release } = await newRelease();
    const added = await addEvidence(volunteer.actor, release.id, { ...photo, public: true }, {
      bytes: await jpegWithGps({ color: "#040404" }),
      fileName: "z.jpg",
    });
    await db().evidence.update({ where: { id: added.id }, data: { deletedAt: new Date() } });
    expect(await fileAccess(added.sha256!, null)).toBeNull();
    expect(await fileAccess(added.sha256!, volunteer.actor)).toBeNull();
  });

  it("knows nothing of unknown hashes or malformed ones", async () => {
    expect(await fileAccess(sha256Of(Buffer.from(randomUUID())), volunteer.actor)).toBeNull();
    expect(await fileAccess("../../etc/passwd", volunteer.actor)).toBeNull();
  });
});

describe("removing unreferenced files", () => {
  it("removes a file nothing references, row and bytes, and keeps a referenced one", async () => {
    const { release } = await newRelease();
    const kept = await addEvidence(volunteer.actor, release.id, photo, {
      bytes: await jpegWithGps({ color: "#bbbbbb" }),
      fileName: "k.jpg",
    });
    const loose = Buffer.from(`%PDF-1.4\n% loose ${randomUUID()}\n%%EOF\n`, "latin1");
    const looseSha = sha256Of(loose);
    await fileStorage().put(looseSha, loose);
    await db().storedFile.create({ data: { sha256: looseSha, size: loose.length, contentType: "application/pdf" } });

    expect(await removeUnreferencedFiles([kept.sha256!, looseSha, looseSha, "not-a-hash"])).toEqual([looseSha]);
    expect(await fileStorage().exists(looseSha)).toBe(false);
    expect(await db().storedFile.count({ where: { sha256: looseSha } })).toBe(0);
    expect(await fileStorage().exists(kept.sha256!)).toBe(true);
    expect(await db().storedFile.count({ where: { sha256: kept.sha256! } })).toBe(1);
  });
});
