import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { sha256Of } from "../storage/storage.ts";
import { prepareUpload, sanitizeFileName, sniffType, stripImage } from "./files.ts";
import { elfBytes, gpsTagsOf, jpegHasApp1, jpegWithGps, oggOpusBytes, pdfBytes, pngBytes, zipBytes } from "./test-fixtures.ts";

const previousLimit = process.env.CONSTANCIA_MAX_UPLOAD_BYTES;
afterEach(() => {
  if (previousLimit === undefined) delete process.env.CONSTANCIA_MAX_UPLOAD_BYTES;
  else process.env.CONSTANCIA_MAX_UPLOAD_BYTES = previousLimit;
});

describe("the type of an upload, read from its bytes", () => {
  it.each([
    ["a JPEG photo", () => jpegWithGps(), "image/jpeg"],
    ["a PNG image", () => pngBytes(), "image/png"],
    ["a PDF", async () => pdfBytes(), "application/pdf"],
    ["an Ogg Opus voice note", async () => oggOpusBytes(), "audio/ogg"],
  ])("accepts %s", async (_, make, contentType) => {
    expect((await sniffType(await make())).contentType).toBe(contentType);
  });

  it.each([
    ["an executable named photo.jpg", elfBytes(), "photo.jpg"],
    ["a ZIP archive", zipBytes(), "fotos.zip"],
    ["plain text", Buffer.from("Esto no es una foto.\n"), "nota.jpg"],
    ["an empty-looking buffer", Buffer.alloc(32), "x.png"],
  ])("refuses %s with 415 unsupported_media_type", async (_, bytes, name) => {
    await expect(prepareUpload(bytes, name)).rejects.toMatchObject({
      code: "unsupported_media_type",
      status: 415,
      message: expect.stringMatching(/not accepted.*JPEG.*PDF/),
      extra: { details: { reason: "type", accepted: expect.arrayContaining(["image/jpeg", "application/pdf"]) } },
    });
  });

  it("refuses a HEIC photo that cannot be decoded here, saying to send a JPEG", async () => {
    const heicHeader = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"),
      Buffer.alloc(64),
    ]);
    expect((await sniffType(heicHeader)).detected).toBe("image/heic");
    await expect(prepareUpload(heicHeader, "IMG_0001.HEIC")).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/JPEG/),
      extra: { details: { reason: "heic" } },
    });
  });

  it("answers 422 for a photo that cannot be decoded", async () => {
    const truncated = (await jpegWithGps({ width: 64, height: 64 })).subarray(0, 400);
    await expect(prepareUpload(truncated, "rota.jpg")).rejects.toMatchObject({ code: "unprocessable", status: 422 });
  });
});

describe("photos are stored without their metadata", () => {
  it("drops EXIF and its GPS position, after turning the pixels as the orientation said", async () => {
    const original = await jpegWithGps({ width: 16, height: 8 });
    const before = await sharp(original).metadata();
    expect(gpsTagsOf(before.exif)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(before.orientation).toBe(6);

    const stored = await prepareUpload(original, "IMG_2026.jpg");
    const after = await sharp(stored.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(gpsTagsOf(after.exif)).toBeNull();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(jpegHasApp1(stored.bytes)).toBe(false);
    expect(stored.bytes.includes(Buffer.from("TestPhone"))).toBe(false);
    // Rotated 90°: 16×8 became 8×16.
    expect([after.width, after.height]).toEqual([8, 16]);
    expect(stored).toMatchObject({ contentType: "image/jpeg", size: stored.bytes.length, fileName: "IMG_2026.jpg" });
    expect(stored.sha256).toBe(sha256Of(stored.bytes));
    expect(stored.sha256).not.toBe(sha256Of(original));
  });

  it("re-encodes PNG and GIF too, and keeps PDFs and audio byte for byte", async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#123456" } })
      .png()
      .withExif({ IFD0: { Make: "TestPhone" } })
      .toBuffer();
    expect((await sharp(png).metadata()).exif).toBeDefined();
    const storedPng = await prepareUpload(png, "captura.png");
    expect((await sharp(storedPng.bytes).metadata()).exif).toBeUndefined();

    const gif = await sharp({ create: { width: 4, height: 4, channels: 4, background: "#00ff00ff" } }).gif().toBuffer();
    expect((await prepareUpload(gif, "a.gif")).contentType).toBe("image/gif");

    const pdf = pdfBytes();
    const storedPdf = await prepareUpload(pdf, "sentencia.pdf");
    expect(storedPdf.bytes).toEqual(pdf);
    expect(storedPdf.sha256).toBe(sha256Of(pdf));
    expect(storedPdf.contentType).toBe("application/pdf");

    const voice = await prepareUpload(oggOpusBytes(), "PTT-20260112-WA0001.opus");
    expect(voice).toMatchObject({ contentType: "audio/ogg", fileName: "PTT-20260112-WA0001.opus" });
  });

  it("keeps an animated GIF animated", async () => {
    const frame = (color: string) => sharp({ create: { width: 4, height: 4, channels: 4, background: color } }).png().toBuffer();
    const animated = await sharp([await frame("#ff0000ff"), await frame("#0000ffff"), await frame("#00ff00ff")], {
      join: { animated: true },
    })
      .gif()
      .toBuffer();
    expect((await sharp(animated, { animated: true }).metadata()).pages).toBe(3);
    const stored = await stripImage(animated, await sniffType(animated));
    expect((await sharp(stored, { animated: true }).metadata()).pages).toBe(3);
  });
});

describe("size limit", () => {
  it("refuses a file over CONSTANCIA_MAX_UPLOAD_BYTES with 413 and the limit", async () => {
    process.env.CONSTANCIA_MAX_UPLOAD_BYTES = "2048";
    await expect(prepareUpload(Buffer.concat([pdfBytes(), Buffer.alloc(4096)]), "grande.pdf")).rejects.toMatchObject({
      code: "too_large",
      status: 413,
      extra: { details: { limitBytes: 2048 } },
    });
  });
});

describe("file names", () => {
  it("keeps the last path segment, drops control and bidi characters, and gives the stored type's extension", () => {
    expect(sanitizeFileName("C:\\Users\\ana\\Desktop\\foto familia.jpeg", "jpg")).toBe("foto familia.jpg");
    expect(sanitizeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("photo.jpg", "pdf")).toBe("photo.pdf");
    expect(sanitizeFileName("IMG_0001.HEIC", "jpg")).toBe("IMG_0001.jpg");
    expect(sanitizeFileName("fdp.\u202Egnp.exe", "png")).toBe("fdp.gnp.png");
    expect(sanitizeFileName("a\u0000b\nc.pdf", "pdf")).toBe("abc.pdf");
    expect(sanitizeFileName("", "pdf")).toBe("file.pdf");
    expect(sanitizeFileName(".htaccess", "pdf")).toBe("htaccess.pdf");
    expect(sanitizeFileName("Declaración de José Pérez.pdf", "pdf")).toBe("Declaración de José Pérez.pdf");
  });

  it("keeps at most 255 characters, extension included", () => {
    const name = sanitizeFileName(`${"ñ".repeat(400)}.mp4`, "mp4");
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith(".mp4")).toBe(true);
  });
});
