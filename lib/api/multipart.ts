import { errors } from "../errors.ts";

/**
 * Reads a multipart/form-data body without ever holding more than `maxBytes`
 * of it: a declared Content-Length over the limit is refused before reading,
 * and the body itself is counted as it arrives (a client that sends no length,
 * or lies about it, is cut off at the limit). Parsing is the platform's own
 * `Request.formData()`, fed through the counting stream.
 */
export interface MultipartForm {
  /** The text parts, by name. */
  fields: Record<string, string>;
  /** The one file part, or null when none was sent (or an empty file input was). */
  file: File | null;
}

export function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "");
}

export async function readMultipartForm(
  request: Request,
  options: { maxBytes: number; fileField?: string },
): Promise<MultipartForm> {
  const fileField = options.fileField ?? "file";
  const contentType = request.headers.get("content-type") ?? "";
  if (!isMultipart(request) || !/\bboundary=/i.test(contentType)) {
    throw errors.invalidInput("Send a form as multipart/form-data with its boundary.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > options.maxBytes) throw errors.tooLarge(options.maxBytes);
  if (!request.body) throw errors.invalidInput("The form is empty.");

  let received = 0;
  let exceeded = false;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > options.maxBytes) {
        exceeded = true;
        // Erroring the stream also cancels the request body upstream: nothing more is read.
        controller.error(errors.tooLarge(options.maxBytes));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  const counted = new Request(request.url, {
    method: "POST",
    headers,
    body: request.body.pipeThrough(counter),
    // Required by Node's fetch for a streamed body.
    duplex: "half",
  } as RequestInit & { duplex: "half" });

  let form: FormData;
  try {
    form = await counted.formData();
  } catch (error) {
    if (exceeded) throw errors.tooLarge(options.maxBytes);
    if ((error as { code?: unknown } | null)?.code === "ECONNRESET") throw error;
    throw errors.invalidInput("The form could not be read as multipart/form-data.");
  }

  // No prototype: a part named "__proto__" is just an unknown field.
  const fields = Object.create(null) as Record<string, string>;
  let file: File | null = null;
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") {
      if (name !== fileField) throw errors.invalidInput(`Unexpected file part "${name}": send the file as "${fileField}".`);
      if (file) throw errors.invalidInput(`Send at most one file (one part named "${fileField}").`);
      file = value;
      continue;
    }
    if (name === fileField) {
      // A form's empty file input (no file chosen) may arrive as an empty text part: no file.
      if (value === "") continue;
      throw errors.invalidInput(`The part "${fileField}" must be a file, with a filename.`);
    }
    if (Object.hasOwn(fields, name)) throw errors.invalidInput(`The field "${name}" was sent more than once.`);
    fields[name] = value;
  }
  // …or as a file with no name and no bytes: no file either.
  if (file && file.size === 0 && file.name === "") file = null;
  else if (file && file.size === 0) throw errors.invalidInput(`The file "${file.name}" is empty.`);
  return { fields, file };
}
