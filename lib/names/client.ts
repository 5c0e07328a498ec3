import { queueSearchParams, type QueueFilter } from "./keys.ts";
import {
  QUEUE_PAGE_SIZE,
  type CandidateSearchResponse,
  type DecidedLine,
  type DecisionInput,
  type QueuePage,
} from "./schema.ts";

/**
 * The name-list screens' calls to the HTTP API (the same endpoints outside
 * tools use), with the session cookie (same origin).
 */

/** Why the server (or the network) said no, as a key of `names.problem`. */
export type NameRequestProblem =
  | "conflict"
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "second_factor_required"
  | "rate_limited"
  | "too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "invalid_input"
  | "network"
  | "internal";

const KNOWN: readonly NameRequestProblem[] = [
  "conflict",
  "not_found",
  "forbidden",
  "unauthenticated",
  "second_factor_required",
  "rate_limited",
  "too_large",
  "unsupported_media_type",
  "unprocessable",
  "invalid_input",
];

export class NameRequestError extends Error {
  override name = "NameRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get problem(): NameRequestProblem {
    if (this.code === "network") return "network";
    return (KNOWN as readonly string[]).includes(this.code) ? (this.code as NameRequestProblem) : "internal";
  }
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", headers: { Accept: "application/json", ...init.headers } });
  } catch (error) {
    if ((error as { name?: string }).name === "AbortError") throw error;
    throw new NameRequestError(0, "network", "The server could not be reached.");
  }
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;
  if (!response.ok) {
    throw new NameRequestError(response.status, body?.error?.code ?? "internal", body?.error?.message ?? response.statusText, body?.error?.details ?? {});
  }
  return body as T;
}

/** One page of the matching queue (`GET /api/v1/names/queue`). */
export function fetchQueuePage(filter: QueueFilter, cursor: string | null, signal?: AbortSignal): Promise<QueuePage> {
  return call<QueuePage>(`/api/v1/names/queue?${queueSearchParams(filter, { cursor, limit: QUEUE_PAGE_SIZE })}`, { signal });
}

/** A decision on a line (`POST /api/v1/names/{id}/decision`). */
export function decideLine(lineId: string, input: DecisionInput): Promise<DecidedLine> {
  return call<DecidedLine>(`/api/v1/names/${encodeURIComponent(lineId)}/decision`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input),
  });
}

/** Everyone on record matching a name or a cédula (`GET /api/v1/names/candidates`). */
export function searchCandidates(q: string, signal?: AbortSignal): Promise<CandidateSearchResponse> {
  return call<CandidateSearchResponse>(`/api/v1/names/candidates?${new URLSearchParams({ q, limit: "8" })}`, { signal });
}

/** Sends a list (`POST /api/v1/announcements/{id}/names`): a file's bytes as they are, or pasted text. */
export function loadNameList(announcementId: string, list: { body: Blob | string; contentType: string; fileName?: string }): Promise<{ importId: string }> {
  return call<{ importId: string }>(`/api/v1/announcements/${encodeURIComponent(announcementId)}/names`, {
    method: "POST",
    headers: { "Content-Type": list.contentType, ...(list.fileName ? { "X-File-Name": encodeURIComponent(list.fileName) } : {}) },
    body: list.body,
  });
}

/** The content type to send a chosen file as, from its name; null for a file that is not a list. */
export function listFileType(fileName: string): string | null {
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "csv") return "text/csv";
  if (extension === "tsv") return "text/tab-separated-values";
  if (extension === "txt") return "text/plain";
  return null;
}
