import { AppError } from "../errors.ts";
import { listTypeOf, NAME_LIST_MAX_BYTES, type NameListType } from "./parse.ts";

/**
 * The body of `POST /api/v1/announcements/{id}/names`: the list's bytes as
 * sent (text/csv or text/plain, in any usual encoding: parse.ts decodes),
 * at most NAME_LIST_MAX_BYTES (413), any other type refused (415).
 */
export async function readNameListRequest(request: Request): Promise<{ bytes: Uint8Array; type: NameListType; fileName: string | null }> {
  const type = listTypeOf(request.headers.get("content-type"));
  if (!type) {
    throw new AppError("unsupported_media_type", "Send the list as text/csv (columns name and, optionally, cedula) or text/plain (one name a line).", {
      details: { accepted: ["text/csv", "text/plain"] },
    });
  }
  const bytes = await readBodyBytes(request, NAME_LIST_MAX_BYTES, tooLarge);
  return { bytes, type, fileName: fileNameOf(request.headers.get("x-file-name")) };
}

/** A raw request body, refused with `tooLarge(limit)` as soon as it passes `limit` bytes (declared or sent). */
export async function readBodyBytes(request: Request, limit: number, tooLarge: (limit: number) => AppError): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): AppError {
  return new AppError("too_large", `A name list is at most ${limit / (1024 * 1024)} MB (${limit} bytes).`, { details: { limitBytes: limit } });
}

/** The file's name as the page sent it (`X-File-Name`, URI-encoded), kept only as a label. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  let name = header;
  try {
    name = decodeURIComponent(header);
  } catch {
    // Kept as sent.
  }
  const clean = name.replace(/[\u0000-\u001f\u007f/\\]/g, "").trim().slice(0, 255);
  return clean === "" ? null : clean;
}
