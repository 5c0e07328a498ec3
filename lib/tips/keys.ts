import { TIP_STATUSES, type TipStatusName } from "./schema.ts";

/**
 * The moderators' tips page: its filters as kept in the URL, and the
 * TanStack Query keys of what it caches. Pure and client-safe: the server
 * page reads its search params with the same function the client uses.
 */
export interface TipFilters {
  status: TipStatusName;
  personId?: string;
}

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: ParamSource, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters from search params; a value the API would refuse is dropped rather than failing the page. */
export function tipFiltersFrom(params: ParamSource): TipFilters {
  const status = read(params, "status");
  const personId = read(params, "personId")?.trim();
  return {
    status: (TIP_STATUSES as readonly string[]).includes(status ?? "") ? (status as TipStatusName) : "pending",
    ...(personId && UUID.test(personId) ? { personId: personId.toLowerCase() } : {}),
  };
}

/** The search params of these filters ("pending", the default, is left out so the plain URL means it). */
export function tipSearchParams(filters: TipFilters, page: { cursor?: string | null; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== "pending") params.set("status", filters.status);
  if (filters.personId) params.set("personId", filters.personId);
  if (page.cursor) params.set("cursor", page.cursor);
  if (page.limit) params.set("limit", String(page.limit));
  return params;
}

/** The page's URL for these filters. */
export function tipsPageHref(filters: TipFilters): string {
  const query = tipSearchParams(filters).toString();
  return query ? `/pistas?${query}` : "/pistas";
}

export const tipKeys = {
  all: ["tips"] as const,
  /** Every cached list, whatever its filters (for optimistic updates and invalidation). */
  lists: () => [...tipKeys.all, "list"] as const,
  list: (filters: TipFilters) =>
    [...tipKeys.lists(), filters.personId ? { status: filters.status, personId: filters.personId } : { status: filters.status }] as const,
  /** The mutation key of marking, to tell whether others are still in flight. */
  mark: () => [...tipKeys.all, "mark"] as const,
};
