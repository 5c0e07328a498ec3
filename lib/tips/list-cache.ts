import type { InfiniteData } from "@tanstack/react-query";
import type { TipItem, TipPage } from "./schema.ts";

/**
 * The tips page's optimistic updates, as pure functions over the cached
 * pages: marking a tip takes it out of the list at once, and a refusal puts
 * it back where it was (newest first), leaving other changes alone.
 */
export type TipListData = InfiniteData<TipPage, string | null>;

/** The list without this tip. */
export function withoutTip(data: TipListData | undefined, tipId: string): TipListData | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    const tips = page.tips.filter((tip) => tip.id !== tipId);
    if (tips.length === page.tips.length) return page;
    changed = true;
    return { ...page, tips };
  });
  return changed ? { ...data, pages } : data;
}

/** List order: newest first, then by id descending (the server's keyset order). */
function before(a: TipItem, b: TipItem): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

/**
 * Rollback of one mark: the tip as it was in `snapshot` (taken before the
 * optimistic update) goes back into the current cache, in its page and in
 * list order. Only that tip is restored.
 */
export function restoreTip(current: TipListData | undefined, snapshot: TipListData | undefined, tipId: string): TipListData | undefined {
  if (!snapshot) return current;
  const pageIndex = snapshot.pages.findIndex((page) => page.tips.some((tip) => tip.id === tipId));
  if (pageIndex < 0) return current;
  if (!current || current.pages.length === 0) return snapshot;
  const original = snapshot.pages[pageIndex]!.tips.find((tip) => tip.id === tipId)!;
  const target = Math.min(pageIndex, current.pages.length - 1);
  const pages = current.pages.map((page, index) => {
    const tips = page.tips.filter((tip) => tip.id !== tipId);
    if (index !== target) return tips.length === page.tips.length ? page : { ...page, tips };
    const at = tips.findIndex((tip) => before(original, tip));
    tips.splice(at < 0 ? tips.length : at, 0, original);
    return { ...page, tips };
  });
  return { ...current, pages };
}

/** Every tip of the loaded pages, once each, in list order. */
export function tipsOf(data: TipListData | undefined): TipItem[] {
  if (!data) return [];
  const seen = new Set<string>();
  const tips: TipItem[] = [];
  for (const page of data.pages) {
    for (const tip of page.tips) {
      if (seen.has(tip.id)) continue;
      seen.add(tip.id);
      tips.push(tip);
    }
  }
  return tips;
}
