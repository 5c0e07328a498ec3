/**
 * The matching queue's filter as kept in the URL, and the TanStack Query keys
 * of what the name-list screens cache. Pure and client-safe: the server pages
 * read their search params with the same functions the client uses.
 */
export interface QueueFilter {
  announcementId?: string;
}

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The queue's filter from the page's search params (`anuncio`); a value that is not an id is dropped. */
export function queueFilterFrom(params: ParamSource): QueueFilter {
  const raw = params instanceof URLSearchParams ? params.get("anuncio") : params.anuncio;
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value && UUID.test(value) ? { announcementId: value.toLowerCase() } : {};
}

/** The matching queue page for this filter. */
export function queueHref(filter: QueueFilter): string {
  return filter.announcementId ? `/cotejo?anuncio=${filter.announcementId}` : "/cotejo";
}

/** The API's search params for one page of the queue. */
export function queueSearchParams(filter: QueueFilter, page: { cursor?: string | null; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.announcementId) params.set("announcementId", filter.announcementId);
  if (page.cursor) params.set("cursor", page.cursor);
  if (page.limit) params.set("limit", String(page.limit));
  return params;
}

export const nameKeys = {
  all: ["names"] as const,
  /** Every cached page of the queue, whatever its filter (optimistic updates and invalidation). */
  queues: () => [...nameKeys.all, "queue"] as const,
  queue: (filter: QueueFilter) => [...nameKeys.queues(), filter.announcementId ? { announcementId: filter.announcementId } : {}] as const,
  /** The mutation key of decisions, to tell whether others are still in flight. */
  decide: () => [...nameKeys.all, "decide"] as const,
  candidates: (q: string) => [...nameKeys.all, "candidates", q] as const,
};
