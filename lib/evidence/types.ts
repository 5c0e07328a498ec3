/**
 * The file types evidence may be, and how each is stored: a pure table (no
 * sharp, no file-type), so that pages, forms and the OpenAPI document can use
 * it without loading the image libraries. lib/evidence/files.ts does the work.
 */
type Handling = "reencode" | "as_is";

export interface AcceptedType {
  /** What is stored and served as Content-Type. */
  contentType: string;
  /** The file name extension that goes with it. */
  extension: string;
  handling: Handling;
  /** Output format of the re-encoding, for photos. */
  output?: "jpeg" | "png" | "webp" | "gif";
}

/** file-type's MIME type → what we store. Everything not listed is refused. */
export const ACCEPTED: Record<string, AcceptedType> = {
  "image/jpeg": { contentType: "image/jpeg", extension: "jpg", handling: "reencode", output: "jpeg" },
  "image/png": { contentType: "image/png", extension: "png", handling: "reencode", output: "png" },
  "image/webp": { contentType: "image/webp", extension: "webp", handling: "reencode", output: "webp" },
  // GIF carries no EXIF, but may carry XMP and comment blocks: re-encoded too (animation kept).
  "image/gif": { contentType: "image/gif", extension: "gif", handling: "reencode", output: "gif" },
  "image/heic": { contentType: "image/jpeg", extension: "jpg", handling: "reencode", output: "jpeg" },
  "image/heif": { contentType: "image/jpeg", extension: "jpg", handling: "reencode", output: "jpeg" },
  "image/heic-sequence": { contentType: "image/jpeg", extension: "jpg", handling: "reencode", output: "jpeg" },
  "image/heif-sequence": { contentType: "image/jpeg", extension: "jpg", handling: "reencode", output: "jpeg" },
  "image/avif": { contentType: "image/jpeg", extension: "jpg", handling: "reencode", output: "jpeg" },
  "application/pdf": { contentType: "application/pdf", extension: "pdf", handling: "as_is" },
  "audio/mpeg": { contentType: "audio/mpeg", extension: "mp3", handling: "as_is" },
  "audio/x-m4a": { contentType: "audio/mp4", extension: "m4a", handling: "as_is" },
  "audio/mp4": { contentType: "audio/mp4", extension: "m4a", handling: "as_is" },
  "audio/aac": { contentType: "audio/aac", extension: "aac", handling: "as_is" },
  "audio/ogg": { contentType: "audio/ogg", extension: "ogg", handling: "as_is" },
  // WhatsApp voice notes.
  "audio/ogg; codecs=opus": { contentType: "audio/ogg", extension: "opus", handling: "as_is" },
  "audio/wav": { contentType: "audio/wav", extension: "wav", handling: "as_is" },
  "video/mp4": { contentType: "video/mp4", extension: "mp4", handling: "as_is" },
  "video/x-m4v": { contentType: "video/mp4", extension: "mp4", handling: "as_is" },
  "video/quicktime": { contentType: "video/quicktime", extension: "mov", handling: "as_is" },
  // Also audio-only WebM (browsers' recordings): the container does not say which.
  "video/webm": { contentType: "video/webm", extension: "webm", handling: "as_is" },
  "video/3gpp": { contentType: "video/3gpp", extension: "3gp", handling: "as_is" },
  "video/3gpp2": { contentType: "video/3gpp2", extension: "3g2", handling: "as_is" },
};

export const HEIF_FAMILY = new Set(["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"]);

/** The types accepted, as a client would name them (for messages and `details.accepted`). */
export const ACCEPTED_DESCRIPTION =
  "photos (JPEG, PNG, WebP, GIF, HEIC/HEIF, AVIF), PDF, audio (MP3, M4A/AAC, OGG/Opus, WAV) and video (MP4, MOV, WebM, 3GP)";
export const ACCEPTED_CONTENT_TYPES: readonly string[] = [...new Set(Object.values(ACCEPTED).map((type) => type.contentType))];

/** The file name extension of a stored content type ("bin" for one we do not know). */
export function extensionFor(contentType: string): string {
  return Object.values(ACCEPTED).find((type) => type.contentType === contentType)?.extension ?? "bin";
}

/** The content types a browser may show inline; anything else is served as a download. */
export function isInlineType(contentType: string): boolean {
  return /^(image|audio|video)\//.test(contentType);
}


/**
 * For the upload form's `<input type="file" accept>`: a hint to the browser's
 * file picker only (the server reads the bytes whatever the picker allowed).
 */
export const UPLOAD_ACCEPT = [
  ...new Set(Object.keys(ACCEPTED).filter((type) => !type.includes(";"))),
  ...new Set(Object.values(ACCEPTED).map((type) => `.${type.extension}`)),
  ".jpeg",
  ".heic",
  ".heif",
  ".avif",
].join(",");
