import type { FileAccess } from "./data.ts";
import { isInlineType } from "./types.ts";

/**
 * Headers of a stored file's response. The file is someone else's bytes served
 * from our origin: the browser must not guess its type (nosniff), and even if
 * it is shown as a document it may run nothing (a sandbox with no sources).
 * Photos, audio and video show inline; anything else (PDF) is a download.
 * (Next.js 16 drops a route handler's Content-Length and sends the body chunked;
 * the header is still set here for any other server the handler runs in.)
 */
export function fileResponseHeaders(file: FileAccess): Headers {
  const disposition = isInlineType(file.contentType) ? "inline" : "attachment";
  return new Headers({
    "Content-Type": file.contentType,
    "Content-Length": String(file.size),
    "Content-Disposition": `${disposition}; filename="${asciiFallback(file.fileName)}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": file.isPublic ? "public, max-age=3600" : "private, no-store",
  });
}

/** RFC 5987 / 8187 encoding of a header parameter value (UTF-8, percent-encoded). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** For clients without filename*: printable ASCII only, no quotes or backslashes. */
function asciiFallback(value: string): string {
  return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\]/g, "_");
}
