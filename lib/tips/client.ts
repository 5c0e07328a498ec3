import { tipSearchParams, type TipFilters } from "./keys.ts";
import { TIP_PAGE_SIZE, type TipItem, type TipPage, type UpdateTipInput } from "./schema.ts";

/**
 * The moderators' page's calls to the HTTP API (the same endpoints outside
 * tools use), with the session cookie (same origin).
 */

/** Why the server (or the network) said no, as a key of `tips.moderation.problem`. */
export type TipRequestProblem =
  | "conflict"
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "second_factor_required"
  | "rate_limited"
  | "network"
  | "internal";

const KNOWN: readonly TipRequestProblem[] = ["conflict", "not_found", "forbidden", "unauthenticated", "second_factor_required", "rate_limited"];

export class TipRequestError extends Error {
  override name = "TipRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  get problem(): TipRequestProblem {
    if (this.code === "network") return "network";
    return (KNOWN as readonly string[]).includes(this.code) ? (this.code as TipRequestProblem) : "internal";
  }
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", headers: { Accept: "application/json", ...init.headers } });
  } catch (error) {
    if ((error as { name?: string }).name === "AbortError") throw error;
    throw new TipRequestError(0, "network", "The server could not be reached.");
  }
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!response.ok) throw new TipRequestError(response.status, body?.error?.code ?? "internal", body?.error?.message ?? response.statusText);
  return body as T;
}

/** One page of tips (`GET /api/v1/tips`). */
export function fetchTipPage(filters: TipFilters, cursor: string | null, signal?: AbortSignal): Promise<TipPage> {
  return call<TipPage>(`/api/v1/tips?${tipSearchParams(filters, { cursor, limit: TIP_PAGE_SIZE })}`, { signal });
}

/** Marks a tip (`PATCH /api/v1/tips/{id}`). */
export function markTip(tipId: string, input: UpdateTipInput): Promise<TipItem> {
  return call<TipItem>(`/api/v1/tips/${encodeURIComponent(tipId)}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input),
  });
}
