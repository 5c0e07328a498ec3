import { parseInput } from "../api/guard.ts";
import { isMultipart, readMultipartForm } from "../api/multipart.ts";
import { DEFAULT_MAX_BODY, readJsonBody } from "../api/route.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import type { UploadedFile } from "./mutations.ts";
import { addEvidenceFormSchema, addEvidenceJsonSchema, type AddEvidenceInput } from "./schema.ts";

/** Room for the text parts and part headers of a form, on top of the file's own limit. */
const FORM_FIELDS_ALLOWANCE = 64 * 1024;

const isJson = (request: Request) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "");

/**
 * The body of POST /api/v1/releases/{id}/evidence, which comes in two forms
 * (so the route wrapper cannot parse it): JSON for a link, or
 * multipart/form-data with an optional file. Anything else is a 415.
 */
export async function readAddEvidenceRequest(request: Request): Promise<{ input: AddEvidenceInput; file?: UploadedFile }> {
  if (isJson(request)) {
    return { input: parseInput(addEvidenceJsonSchema, await readJsonBody(request, DEFAULT_MAX_BODY), "body") };
  }
  if (isMultipart(request)) {
    const form = await readMultipartForm(request, { maxBytes: env.maxUploadBytes() + FORM_FIELDS_ALLOWANCE, fileField: "file" });
    const input = parseInput(addEvidenceFormSchema, form.fields, "form");
    if (!form.file) return { input };
    return { input, file: { bytes: Buffer.from(await form.file.arrayBuffer()), fileName: form.file.name } };
  }
  throw new AppError(
    "unsupported_media_type",
    "Send JSON (Content-Type: application/json) for a link, or a form (multipart/form-data) with a file.",
  );
}
