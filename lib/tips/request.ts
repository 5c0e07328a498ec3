import { parseInput } from "../api/guard.ts";
import { isMultipart, readMultipartForm } from "../api/multipart.ts";
import { DEFAULT_MAX_BODY, readJsonBody } from "../api/route.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import type { TipSubmission } from "./mutations.ts";
import { createTipSchema, HONEYPOT_FIELD } from "./schema.ts";
import { honeypotFilled } from "./spam-guard.ts";

/** Room for the text parts and part headers of a form, on top of the file's own limit. */
const FORM_FIELDS_ALLOWANCE = 64 * 1024;

const isJson = (request: Request) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "");

/**
 * The body of POST /api/v1/persons/{id}/tips, which comes in two forms (so
 * the route wrapper cannot parse it), as for evidence: JSON without a file,
 * or multipart/form-data with an optional file part "file". Both are parsed
 * with the same schema. Anything else is a 415.
 *
 * A filled honeypot is looked at before anything else is checked, so that a
 * bot never sees a validation error it could learn from.
 */
export async function readTipSubmission(request: Request): Promise<TipSubmission> {
  if (isJson(request)) {
    const body = await readJsonBody(request, DEFAULT_MAX_BODY);
    if (trapped(body)) return { trapped: true };
    return { input: parseInput(createTipSchema, body, "body") };
  }
  if (isMultipart(request)) {
    const form = await readMultipartForm(request, { maxBytes: env.maxUploadBytes() + FORM_FIELDS_ALLOWANCE, fileField: "file" });
    if (trapped(form.fields)) return { trapped: true };
    const input = parseInput(createTipSchema, form.fields, "form");
    if (!form.file) return { input };
    return { input, file: { bytes: Buffer.from(await form.file.arrayBuffer()), fileName: form.file.name } };
  }
  throw new AppError(
    "unsupported_media_type",
    "Send JSON (Content-Type: application/json), or a form (multipart/form-data) when there is a file.",
  );
}

function trapped(body: unknown): boolean {
  if (body === null || typeof body !== "object" || !Object.hasOwn(body, HONEYPOT_FIELD)) return false;
  const value = (body as Record<string, unknown>)[HONEYPOT_FIELD];
  return typeof value !== "string" || honeypotFilled(value);
}
