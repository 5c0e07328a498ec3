import { parseInput } from "../api/guard.ts";
import { isMultipart, readMultipartForm } from "../api/multipart.ts";
import { env } from "../env.ts";
import { AppError, errors } from "../errors.ts";
import type { UploadedFile } from "../evidence/mutations.ts";
import { archiveFormSchema } from "./schema.ts";

const FORM_FIELDS_ALLOWANCE = 64 * 1024;

/** The body of `POST /api/v1/announcements/{id}/archive`: multipart/form-data with a `file` and the `version`. */
export async function readArchiveRequest(request: Request): Promise<{ version: number; file: UploadedFile }> {
  if (!isMultipart(request)) {
    throw new AppError("unsupported_media_type", "Send a form (multipart/form-data) with the file in a part named \"file\".");
  }
  const form = await readMultipartForm(request, { maxBytes: env.maxUploadBytes() + FORM_FIELDS_ALLOWANCE, fileField: "file" });
  const { version } = parseInput(archiveFormSchema, form.fields, "form");
  if (!form.file || form.file.size === 0) throw errors.invalidInput("Attach the archived copy in a part named \"file\".");
  return { version, file: { bytes: Buffer.from(await form.file.arrayBuffer()), fileName: form.file.name } };
}
