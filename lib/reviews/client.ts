import type { PossibleDuplicate } from "../persons/data.ts";
import type { QueuePage } from "./data.ts";
import { queueSearchParams, QUEUE_PAGE_SIZE, type QueueFilters } from "./keys.ts";
import type { BatchReviewResult, ReviewInput } from "./schema.ts";

/**
 * The queue screen's calls to the HTTP API (the same endpoints outside tools
 * use), and what a refusal means in words the screen can translate. The
 * session cookie goes with each request (same origin).
 */

/** Why the server (or the network) said no, as a key of the `review.problem` messages. */
export type ReviewProblem =
  | "own_report"
  | "already_decided"
  | "not_under_review"
  | "no_evidence"
  | "reason_required"
  | "second_factor_required"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "network"
  | "internal";

export class ReviewRequestError extends Error {
  override name = "ReviewRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }

  get problem(): ReviewProblem {
    return problemOf(this.status, this.code, this.message, this.reason);
  }
}

/**
 * The problem behind an API error. 403 and 409 each cover two cases that the
 * error code alone does not tell apart (lib/reviews/mutations.ts words them
 * differently), so the server's message picks between them, and the more
 * general sentence is used when the wording is not recognised.
 */
export function problemOf(status: number, code: string, message: string, reason?: string): ReviewProblem {
  // The server names the refusal in `details.reason`; the wording is the fallback for older answers.
  if (reason === "own_report" || reason === "already_decided" || reason === "not_under_review" || reason === "no_evidence") return reason;
  if (reason === "reason_required") return reason;
  switch (code) {
    case "forbidden":
      return /reported this release/i.test(message) ? "own_report" : "forbidden";
    case "conflict":
      return /already decided/i.test(message) ? "already_decided" : "not_under_review";
    case "unprocessable":
      return "no_evidence";
    case "invalid_input":
      return "reason_required";
    case "second_factor_required":
    case "unauthenticated":
    case "not_found":
    case "rate_limited":
      return code;
    case "network":
      return "network";
  }
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "not_under_review";
  if (status === 422) return "no_evidence";
  if (status === 429) return "rate_limited";
  return "internal";
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", headers: { Accept: "application/json", ...init.headers } });
  } catch (error) {
    if ((error as { name?: string }).name === "AbortError") throw error;
    throw new ReviewRequestError(0, "network", "The server could not be reached.");
  }
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: { reason?: unknown } };
  } | null;
  if (!response.ok) {
    const reason = typeof body?.error?.details?.reason === "string" ? body.error.details.reason : undefined;
    throw new ReviewRequestError(response.status, body?.error?.code ?? "internal", body?.error?.message ?? response.statusText, reason);
  }
  return body as T;
}

/** One page of the queue (`GET /api/v1/reviews/queue`). */
export function fetchQueuePage(filters: QueueFilters, cursor: string | null, signal?: AbortSignal): Promise<QueuePage> {
  const params = queueSearchParams(filters, { cursor, limit: QUEUE_PAGE_SIZE });
  return call<QueuePage>(`/api/v1/reviews/queue?${params}`, { signal });
}

export interface ReviewResponse {
  release: { id: string; status: "reported" | "verified" | "rejected" | "disputed" | "retracted"; approvals: number; approvalsRequired: number };
}

/** A decision (`POST /api/v1/releases/{id}/reviews`). */
export function postReview(releaseId: string, input: ReviewInput): Promise<ReviewResponse> {
  return call<ReviewResponse>(`/api/v1/releases/${encodeURIComponent(releaseId)}/reviews`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input.reason ? input : { decision: input.decision }),
  });
}

/** A batch approval (`POST /api/v1/reviews/batch`): one approval per release, each decided on its own. */
export function postBatchApproval(releaseIds: readonly string[], reason?: string): Promise<BatchReviewResult> {
  return call<BatchReviewResult>("/api/v1/reviews/batch", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ releaseIds, decision: "approve", ...(reason?.trim() ? { reason: reason.trim() } : {}) }),
  });
}

/**
 * Other records that may be the same person (`GET /api/v1/persons/duplicates`):
 * the whole name goes as given names (the matcher takes words in any order),
 * with the cédula when there is one.
 */
export async function fetchDuplicates(
  person: { id: string; name: string; cedula: string | null },
  signal?: AbortSignal,
): Promise<PossibleDuplicate[]> {
  const params = new URLSearchParams({ givenNames: person.name, excludeId: person.id });
  if (person.cedula) params.set("cedula", person.cedula);
  const body = await call<{ results: PossibleDuplicate[] }>(`/api/v1/persons/duplicates?${params}`, { signal });
  return body.results;
}
