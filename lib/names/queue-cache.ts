import type { InfiniteData } from "@tanstack/react-query";
import type { QueueItem, QueuePage } from "./schema.ts";

/**
 * The matching queue's optimistic updates, as pure functions over the cached
 * pages: a decision takes the line out at once (and one off the count), a
 * refusal puts it back where it was, leaving other changes alone.
 */
export type QueueData = InfiniteData<QueuePage, string | null>;

/** The queue without this line. */
export function withoutLine(data: QueueData | undefined, lineId: string): QueueData | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    const items = page.items.filter((item) => item.id !== lineId);
    if (items.length === page.items.length) return page;
    changed = true;
    return { ...page, items, pending: Math.max(0, page.pending - 1) };
  });
  return changed ? { ...data, pages } : data;
}

/** Queue order: announcement, then position, then id (the server's keyset order). */
function before(a: QueueItem, b: QueueItem): boolean {
  if (a.announcement.id !== b.announcement.id) return a.announcement.id < b.announcement.id;
  return a.position < b.position || (a.position === b.position && a.id < b.id);
}

/** Rollback of one decision: the line as it was in `snapshot` goes back into the current cache, in order. */
export function restoreLine(current: QueueData | undefined, snapshot: QueueData | undefined, lineId: string): QueueData | undefined {
  if (!snapshot) return current;
  const pageIndex = snapshot.pages.findIndex((page) => page.items.some((item) => item.id === lineId));
  if (pageIndex < 0) return current;
  if (!current || current.pages.length === 0) return snapshot;
  const original = snapshot.pages[pageIndex]!.items.find((item) => item.id === lineId)!;
  const target = Math.min(pageIndex, current.pages.length - 1);
  const pages = current.pages.map((page, index) => {
    const items = page.items.filter((item) => item.id !== lineId);
    const restored = items.length === page.items.length ? 1 : 0;
    if (index !== target) return items.length === page.items.length ? page : { ...page, items };
    const at = items.findIndex((item) => before(original, item));
    items.splice(at < 0 ? items.length : at, 0, original);
    return { ...page, items, pending: page.pending + restored };
  });
  return { ...current, pages };
}

/** Every line of the loaded pages, once each, in queue order. */
export function linesOf(data: QueueData | undefined): QueueItem[] {
  if (!data) return [];
  const seen = new Set<string>();
  const lines: QueueItem[] = [];
  for (const page of data.pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      lines.push(item);
    }
  }
  return lines;
}

/** Lines waiting, as the newest page says (each decision took one off). */
export function pendingOf(data: QueueData | undefined): number {
  return data?.pages[0]?.pending ?? 0;
}
