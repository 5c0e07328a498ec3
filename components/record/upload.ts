/**
 * Sending evidence to POST /api/v1/releases/{id}/evidence from the browser.
 * XMLHttpRequest rather than fetch, because only it reports upload progress;
 * the session cookie authenticates. A dropped connection is told apart from
 * a refusal, so the form can offer to retry the upload alone.
 */

export interface ApiErrorBody {
  code: string;
  message?: string;
  issues?: { path: string; message: string }[];
  details?: Record<string, unknown>;
}

export type UploadResult =
  | { ok: true; id: string; sha256?: string }
  /** The connection dropped (or timed out) before an answer came back. */
  | { ok: false; kind: "network" }
  /** The person cancelled it. */
  | { ok: false; kind: "aborted" }
  /** The server answered with an error. */
  | { ok: false; kind: "refused"; status: number; error: ApiErrorBody };

export interface Upload {
  done: Promise<UploadResult>;
  abort: () => void;
}

export function startUpload(releaseId: string, body: FormData, onProgress: (fraction: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve) => {
    xhr.open("POST", `/api/v1/releases/${encodeURIComponent(releaseId)}/evidence`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve(readAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ ok: false, kind: "network" });
    xhr.ontimeout = () => resolve({ ok: false, kind: "network" });
    xhr.onabort = () => resolve({ ok: false, kind: "aborted" });
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}

/** An answer's status and body → the result (exported for tests). */
export function readAnswer(status: number, text: string): UploadResult {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (status >= 200 && status < 300 && body && typeof (body as { id?: unknown }).id === "string") {
    const { id, sha256 } = body as { id: string; sha256?: string };
    return sha256 ? { ok: true, id, sha256 } : { ok: true, id };
  }
  // A proxy's HTML error page, or nothing at all: the connection is what failed, as far as the person can tell.
  if (status === 0) return { ok: false, kind: "network" };
  const error = (body as { error?: ApiErrorBody } | null)?.error;
  return { ok: false, kind: "refused", status, error: error && typeof error.code === "string" ? error : { code: status === 413 ? "too_large" : "internal" } };
}
