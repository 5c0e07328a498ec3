import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { fileNameOf, readBodyBytes } from "../names/request.ts";

/**
 * The body of `POST /api/v1/imports`: the spreadsheet's bytes as sent —
 * text/csv (or text/plain, text/tab-separated-values) or XLSX — at most the
 * upload limit (413). The format is told by the bytes, not the header: a
 * binary file sent as text/csv is refused when it is read (422).
 */
export const IMPORT_MEDIA_TYPES = [
  "text/csv",
  "text/plain",
  "text/tab-separated-values",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/octet-stream",
] as const;

export async function readImportRequest(request: Request): Promise<{ bytes: Uint8Array; fileName: string | null }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!(IMPORT_MEDIA_TYPES as readonly string[]).includes(type)) {
    throw new AppError("unsupported_media_type", "Send the spreadsheet as text/csv or as XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).", {
      details: { accepted: IMPORT_MEDIA_TYPES },
    });
  }
  const bytes = await readBodyBytes(request, env.maxUploadBytes(), importTooLarge);
  return { bytes, fileName: fileNameOf(request.headers.get("x-file-name")) };
}

export function importTooLarge(limit: number): AppError {
  return new AppError("too_large", `An import file is at most ${Math.floor(limit / (1024 * 1024))} MB (${limit} bytes).`, { details: { limitBytes: limit } });
}
