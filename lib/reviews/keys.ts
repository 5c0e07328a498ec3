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
  /** Only the releases one import created (`?importacion=<id>` on the page, `importId` in the API). */
  importId?: string;
  /** "mine": what still waits for the viewer's decision; "all": everything under review (see defaultWaiting). */
  waiting: "mine" | "all";
}

/** The page's parameter for the import filter (the import screen links to `/revision?importacion=<id>`). */
export const IMPORT_PARAM = "importacion";

/**
 * What the page shows when the URL does not say: what waits for the viewer;
 * but for one import, all of its releases under review, so that the
 * moderator who ran it (their reporter, who cannot approve them) sees exactly
 * what it created, and others switch to "waiting for me" with one tab.
 */
export function defaultWaiting(filters: Pick<QueueFilters, "importId">): "mine" | "all" {
  return filters.importId ? "all" : "mine";
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
  const filters: QueueFilters = { waiting: "mine" };
  for (const name of OPTIONAL) {
    const raw = read(params, name)?.trim();
    if (!raw) continue;
    const parsed = shape[name].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) (filters as unknown as Record<OptionalFilter, string>)[name] = parsed.data;
  }
  const importId = shape.importId.safeParse((read(params, IMPORT_PARAM) ?? read(params, "importId"))?.trim().toLowerCase());
  if (importId.success && importId.data) filters.importId = importId.data;
  const waiting = read(params, "waiting");
  filters.waiting = waiting === "all" || waiting === "mine" ? waiting : defaultWaiting(filters);
  if (filters.releasedFrom && filters.releasedTo && filters.releasedFrom > filters.releasedTo) {
    [filters.releasedFrom, filters.releasedTo] = [filters.releasedTo, filters.releasedFrom];
  }
  return filters;
}

/** The API's search params of these filters (`GET /api/v1/reviews/queue`); "mine", the API's default, is left out. */
export function queueSearchParams(filters: QueueFilters, page: { cursor?: string | null; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of OPTIONAL) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (filters.importId) params.set("importId", filters.importId);
  if (filters.waiting === "all") params.set("waiting", "all");
  if (page.cursor) params.set("cursor", page.cursor);
  if (page.limit) params.set("limit", String(page.limit));
  return params;
}

/** The page's URL for these filters: the import as `importacion`, the waiting mode only when it is not the default. */
export function queueHref(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const name of OPTIONAL) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (filters.importId) params.set(IMPORT_PARAM, filters.importId);
  if (filters.waiting !== defaultWaiting(filters)) params.set("waiting", filters.waiting);
  const query = params.toString();
  return query ? `/revision?${query}` : "/revision";
}

/** How many of the form's filters are set (the waiting mode and the import, shown apart, are not counted). */
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
  if (filters.importId) out.importId = filters.importId;
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
  /** Batch approvals: under `decide`, so that "decisions in flight" counts them too. */
  decideBatch: () => [...reviewKeys.decide(), "batch"] as const,
};

/** The waiting mode of a cached queue, read back from its key. */
export function waitingOfKey(key: readonly unknown[]): "mine" | "all" {
  const filters = key[2] as Partial<QueueFilters> | undefined;
  return filters?.waiting === "all" ? "all" : "mine";
}
