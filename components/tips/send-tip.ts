import { readAnswer, type Upload, type UploadResult } from "../record/upload.ts";
import { HONEYPOT_FIELD } from "../../lib/tips/schema.ts";

/**
 * The tip form's calls to the same public endpoints API clients use:
 * POST /api/v1/persons/{id}/tips as multipart/form-data (with or without a
 * file), through XMLHttpRequest because only it reports upload progress, and
 * GET …/tips/form-token when the form needs a fresh token. No credentials
 * are sent: a tip is nobody's account.
 */
export interface TipFields {
  text: string;
  contact: string;
  file: File | null;
  /** The honeypot, as the (hidden) input holds it: empty for people. */
  website: string;
}

export function tipFieldsFrom(form: { get(name: string): unknown }): TipFields {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const file = form.get("file");
  return {
    text: text("text"),
    contact: text("contact"),
    // A file input with nothing chosen still sends an empty, nameless file.
    file: typeof File !== "undefined" && file instanceof File && (file.size > 0 || file.name !== "") ? file : null,
    website: text(HONEYPOT_FIELD),
  };
}

export function tipBody(fields: TipFields, formToken: string): FormData {
  const body = new FormData();
  body.set("text", fields.text);
  body.set("contact", fields.contact);
  body.set("formToken", formToken);
  body.set(HONEYPOT_FIELD, fields.website);
  if (fields.file) body.set("file", fields.file, fields.file.name || "archivo");
  return body;
}

export function startTipUpload(personId: string, body: FormData, onProgress: (fraction: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve) => {
    xhr.open("POST", `/api/v1/persons/${encodeURIComponent(personId)}/tips`);
    xhr.withCredentials = false;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve(withRetryAfter(readAnswer(xhr.status, xhr.responseText), xhr.getResponseHeader("Retry-After")));
    xhr.onerror = () => resolve({ ok: false, kind: "network" });
    xhr.ontimeout = () => resolve({ ok: false, kind: "network" });
    xhr.onabort = () => resolve({ ok: false, kind: "aborted" });
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}

/** A 429 says when to come back in a header; the form words it in minutes. */
function withRetryAfter(result: UploadResult, retryAfter: string | null): UploadResult {
  if (result.ok || result.kind !== "refused" || result.status !== 429 || !retryAfter) return result;
  const seconds = Number(retryAfter);
  if (!Number.isFinite(seconds)) return result;
  return { ...result, error: { ...result.error, details: { ...result.error.details, retryAfterSeconds: seconds } } };
}

/** A fresh form token, or null when it cannot be had (offline, person gone, rate limited). */
export async function fetchFormToken(personId: string): Promise<string | null> {
  try {
    const response = await fetch(`/api/v1/persons/${encodeURIComponent(personId)}/tips/form-token`, {
      headers: { Accept: "application/json" },
      credentials: "omit",
      cache: "no-store",
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { token?: unknown };
    return typeof body.token === "string" ? body.token : null;
  } catch {
    return null;
  }
}
