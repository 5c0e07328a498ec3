import { queueQuerySchema, type QueueQuery } from "./schema.ts";

/**
 * The review queue's filters as the page keeps them in its URL, and the
 * TanStack Query keys of everything the queue screen caches. Pure and
 * client-safe: the server page parses its search params with the same
 * function the client uses to build them.
 */
export type EvidenceFilter = NonNullable<QueueQuery["evidenceKind"]>;

export interface QueueFilters {
  organizationId?: string;
  facility?: string;
  releasedFrom?: string;
  releasedTo?: string;
  evidenceKind?: EvidenceFilter;
  /** "mine" (default): what still waits for the viewer's decision; "all": everything under review. */
  waiting: "mine" | "all";
}

/** Items per page, on the server's first render and on every "load more". */
export const QUEUE_PAGE_SIZE = 20;

/** The optional filters, in the order the URL writes them. */
const OPTIONAL = ["organizationId", "facility", "releasedFrom", "releasedTo", "evidenceKind"] as const;
type OptionalFilter = (typeof OPTIONAL)[number];

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: ParamSource, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Filters from search params. Each one is checked on its own with the API's
 * schema: a value the API would refuse (a mistyped date, an unknown kind) is
 * dropped rather than failing the whole page.
 */
export function queueFiltersFrom(params: ParamSource): QueueFilters {
  const shape = queueQuerySchema.shape;
  const filters: QueueFilters = { waiting: read(params, "waiting") === "all" ? "all" : "mine" };
  for (const name of OPTIONAL) {
    const raw = read(params, name)?.trim();
    if (!raw) continue;
    const parsed = shape[name].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) (filters as unknown as Record<OptionalFilter, string>)[name] = parsed.data;
  }
  if (filters.releasedFrom && filters.releasedTo && filters.releasedFrom > filters.releasedTo) {
    [filters.releasedFrom, filters.releasedTo] = [filters.releasedTo, filters.releasedFrom];
  }
  return filters;
}

/** The search params of these filters; "mine" (the default) is left out so the plain URL means it. */
export function queueSearchParams(filters: QueueFilters, page: { cursor?: string | null; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of OPTIONAL) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (filters.waiting === "all") params.set("waiting", "all");
  if (page.cursor) params.set("cursor", page.cursor);
  if (page.limit) params.set("limit", String(page.limit));
  return params;
}

/** How many of the optional filters are set (the waiting mode is not counted). */
export function activeFilterCount(filters: QueueFilters): number {
  return OPTIONAL.filter((name) => Boolean(filters[name])).length;
}

/** The same filters with every optional one absent rather than undefined, so that equal filters make equal keys. */
function canonical(filters: QueueFilters): QueueFilters {
  const out: QueueFilters = { waiting: filters.waiting };
  for (const name of OPTIONAL) {
    const value = filters[name];
    if (value) (out as unknown as Record<OptionalFilter, string>)[name] = value;
  }
  return out;
}

export const reviewKeys = {
  all: ["reviews"] as const,
  /** Every cached queue, whatever its filters (for optimistic updates and invalidation). */
  queues: () => [...reviewKeys.all, "queue"] as const,
  queue: (filters: QueueFilters) => [...reviewKeys.queues(), canonical(filters)] as const,
  item: (releaseId: string) => [...reviewKeys.all, "item", releaseId] as const,
  /** Other records that may be the same person as this release's. */
  duplicates: (personId: string) => [...reviewKeys.all, "duplicates", personId] as const,
  /** The mutation key of decisions, to tell whether others are still in flight. */
  decide: () => [...reviewKeys.all, "decide"] as const,
};

/** The waiting mode of a cached queue, read back from its key. */
export function waitingOfKey(key: readonly unknown[]): "mine" | "all" {
  const filters = key[2] as Partial<QueueFilters> | undefined;
  return filters?.waiting === "all" ? "all" : "mine";
}
