import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError } from "../errors.ts";
import { env } from "../env.ts";
import { sha256Of } from "../storage/storage.ts";
import { ACCEPTED, ACCEPTED_CONTENT_TYPES, ACCEPTED_DESCRIPTION, HEIF_FAMILY, type AcceptedType } from "./types.ts";

/**
 * What an uploaded evidence file may be, and what is stored of it. The type is
 * read from the bytes (`file-type`), never from the file's name or the type the
 * client declared: an executable renamed photo.jpg is refused.
 *
 * Photos are decoded and re-encoded with sharp, which writes no metadata unless
 * asked: EXIF (GPS position, camera, date), XMP, IPTC and camera ICC profiles
 * are dropped (pixels are converted to sRGB). `.rotate()` first applies the EXIF
 * orientation to the pixels, so phone photos do not come out sideways once the
 * orientation tag is gone. HEIC/HEIF and AVIF become JPEG, which every browser
 * shows (and sharp's own build cannot write HEIC).
 *
 * PDFs, audio and video are stored exactly as sent: their metadata is NOT
 * stripped (PDF author/creator and XMP; MP4/MOV location atoms such as ©xyz
 * from phones; ID3 tags). There is no maintained JavaScript library that
 * removes it without rewriting or damaging the file; doing it properly would
 * mean remuxing with ffmpeg (`-map_metadata -1 -c copy`) or rewriting PDFs with
 * qpdf/exiftool, tools this project does not ship. Volunteers should know that
 * a video filmed on a phone may carry where it was filmed.
 */

/** A decoded image larger than this (in pixels) is refused rather than decoded: a "decompression bomb". */
const MAX_INPUT_PIXELS = 120_000_000;

export function unsupportedType(reason: "type" | "heic", message?: string): AppError {
  return new AppError(
    "unsupported_media_type",
    message ?? `This type of file is not accepted. Accepted: ${ACCEPTED_DESCRIPTION}.`,
    { details: { reason, accepted: [...ACCEPTED_CONTENT_TYPES] } },
  );
}

export function fileTooLarge(limitBytes: number): AppError {
  return new AppError(
    "too_large",
    `The file is larger than the limit of ${formatMegabytes(limitBytes)} MB (${limitBytes} bytes).`,
    { details: { limitBytes } },
  );
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** The accepted type of these bytes, read from their content; throws 415 for anything else. */
export async function sniffType(bytes: Uint8Array): Promise<{ detected: string } & AcceptedType> {
  const found = await fileTypeFromBuffer(bytes);
  const accepted = found ? ACCEPTED[found.mime] : undefined;
  if (!found || !accepted) throw unsupportedType("type");
  return { detected: found.mime, ...accepted };
}

export interface PreparedFile {
  /** The bytes to store: for photos, the re-encoded copy without metadata. */
  bytes: Buffer;
  sha256: string;
  size: number;
  contentType: string;
  /** The original name, made safe to keep and to send back in a header. */
  fileName: string;
}

/**
 * Checks an upload and turns it into what is stored: size limit (413), type
 * from the bytes (415), photos re-encoded without metadata (422 when the photo
 * cannot be decoded), the SHA-256 of the stored bytes.
 */
export async function prepareUpload(bytes: Buffer, originalName: string): Promise<PreparedFile> {
  const limit = env.maxUploadBytes();
  if (bytes.byteLength > limit) throw fileTooLarge(limit);
  const type = await sniffType(bytes);
  const stored = type.handling === "reencode" ? await stripImage(bytes, type) : bytes;
  return {
    bytes: stored,
    sha256: sha256Of(stored),
    size: stored.byteLength,
    contentType: type.contentType,
    fileName: sanitizeFileName(originalName, type.extension),
  };
}

/** Decodes and re-encodes a photo: orientation applied, every metadata block left behind. */
export async function stripImage(bytes: Buffer, type: { detected: string } & AcceptedType): Promise<Buffer> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const };
  let pages = 1;
  try {
    pages = (await sharp(bytes, { ...options, animated: true }).metadata()).pages ?? 1;
  } catch (error) {
    throw unreadableImage(type.detected, error);
  }
  const animated = pages > 1 && (type.output === "gif" || type.output === "webp");
  try {
    let image = sharp(bytes, { ...options, animated });
    // Orientation is per image; animations (GIF, WebP) carry none worth applying.
    if (!animated) image = image.rotate();
    switch (type.output) {
      case "png":
        image = image.png();
        break;
      case "webp":
        image = image.webp({ quality: 90 });
        break;
      case "gif":
        image = image.gif();
        break;
      default:
        image = image.jpeg({ quality: 90 });
    }
    return await image.toBuffer();
  } catch (error) {
    throw unreadableImage(type.detected, error);
  }
}

function unreadableImage(detected: string, cause: unknown): AppError {
  // sharp's prebuilt libvips reads AVIF but not HEVC-coded HEIC (patents): say so plainly.
  if (HEIF_FAMILY.has(detected)) {
    return unsupportedType(
      "heic",
      "This HEIC/HEIF photo cannot be read here. Send it as JPEG (on an iPhone: Settings → Camera → Formats → " +
        "Most Compatible, or share the photo, which usually converts it).",
    );
  }
  const pixels = /pixel limit/i.test(String((cause as Error | null)?.message ?? ""));
  return new AppError(
    "unprocessable",
    pixels
      ? `The image is too large to process (more than ${MAX_INPUT_PIXELS.toLocaleString("en")} pixels).`
      : "The image could not be read; it may be damaged or incomplete.",
    { details: { reason: "damaged_image" } },
  );
}

const MAX_FILE_NAME = 255;

/**
 * The name to keep: its last path segment, without control or bidirectional
 * characters, at most 255 characters, with the extension of what is stored
 * (a PDF named photo.jpg is kept as photo.pdf; a HEIC photo becomes .jpg).
 */
export function sanitizeFileName(name: string, extension: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    // Controls, bidi overrides and isolates, zero-width and other invisible format characters.
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const dot = cleaned.lastIndexOf(".");
  let stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).trim();
  if (stem === "") stem = "file";
  const suffix = `.${extension}`;
  const room = MAX_FILE_NAME - suffix.length;
  const chars = Array.from(stem);
  if (chars.length > room) stem = chars.slice(0, room).join("").trimEnd();
  return `${stem}${suffix}`;
}
