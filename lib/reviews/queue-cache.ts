import type { InfiniteData } from "@tanstack/react-query";
import type { ReviewDecision, Role } from "../generated/prisma/enums.ts";
import type { QueueItem, QueuePage } from "./data.ts";
import { decideReview, type ReviewOutcome, type ReviewState } from "./rule.ts";

/**
 * The queue screen's optimistic updates, as pure functions over the cached
 * pages, so that they can be tested without a browser: a decision takes the
 * item out of "waiting for me" lists at once (or shows its new approvals in
 * "all" lists), and a refusal puts the item back where it was.
 *
 * What a decision would do is asked of THE rule (lib/reviews/rule.ts), with
 * the item as the viewer last saw it: the screen foresees what the server
 * will decide, and the server still decides.
 */
export type QueueData = InfiniteData<QueuePage, string | null>;

export interface QueueReviewer {
  id: string;
  name: string;
  role: Role;
}

export interface QueueDecision {
  releaseId: string;
  decision: ReviewDecision;
  reason?: string;
}

/** The rule's view of a queue item. */
export function reviewStateOf(item: QueueItem): ReviewState {
  const evidenceTimes = item.evidence.map((evidence) => Date.parse(evidence.createdAt)).filter(Number.isFinite);
  return {
    status: item.status,
    reportedById: item.reportedBy?.id ?? null,
    evidenceCount: item.evidence.length,
    lastEvidenceAt: evidenceTimes.length > 0 ? new Date(Math.max(...evidenceTimes)) : null,
    reviews: item.reviews.map((review) => ({
      reviewerId: review.reviewerId,
      decision: review.decision as ReviewDecision,
      decidedAt: new Date(review.at),
    })),
    approvalsRequired: item.approvalsRequired,
  };
}

/** What the rule would answer to this reviewer's decision on the item as last seen. */
export function foreseeDecision(item: QueueItem, reviewer: Pick<QueueReviewer, "id" | "role">, decision: Omit<QueueDecision, "releaseId">): ReviewOutcome {
  return decideReview(reviewStateOf(item), reviewer, { decision: decision.decision, reason: decision.reason ?? null });
}

/** The item as it will be after the decision (unchanged when the rule would refuse it). */
export function withDecision(item: QueueItem, reviewer: QueueReviewer, decision: Omit<QueueDecision, "releaseId">, at: Date): QueueItem {
  const outcome = foreseeDecision(item, reviewer, decision);
  if (!outcome.ok) return item;
  return {
    ...item,
    status: outcome.status,
    approvals: outcome.approvals,
    reviews: [
      ...item.reviews.filter((review) => review.reviewerId !== reviewer.id),
      {
        id: `pending-${item.id}`,
        reviewerId: reviewer.id,
        reviewerName: reviewer.name,
        decision: decision.decision,
        reason: decision.reason?.trim() || null,
        at: at.toISOString(),
      },
    ],
  };
}

function mapPages(data: QueueData, change: (items: QueueItem[]) => QueueItem[]): QueueData {
  let changed = false;
  const pages = data.pages.map((page) => {
    const items = change(page.items);
    if (items === page.items) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/**
 * A decision applied to one cached queue: in a "mine" list the item leaves at
 * once (it no longer waits for this viewer); in an "all" list it stays, with
 * the decision, its approvals and its new status.
 */
export function applyDecision(
  data: QueueData | undefined,
  waiting: "mine" | "all",
  decision: QueueDecision,
  reviewer: QueueReviewer,
  at: Date,
): QueueData | undefined {
  if (!data) return data;
  return mapPages(data, (items) => {
    const index = items.findIndex((item) => item.id === decision.releaseId);
    if (index < 0) return items;
    if (waiting === "mine") return items.filter((item) => item.id !== decision.releaseId);
    const next = [...items];
    next[index] = withDecision(items[index]!, reviewer, decision, at);
    return next;
  });
}

/** The server's answer written into the cached item (its approvals and status are the truth). */
export function applyResult(
  data: QueueData | undefined,
  result: { id: string; status: QueueItem["status"]; approvals: number; approvalsRequired: number },
): QueueData | undefined {
  if (!data) return data;
  return mapPages(data, (items) => {
    const index = items.findIndex((item) => item.id === result.id);
    if (index < 0) return items;
    const next = [...items];
    next[index] = { ...items[index]!, status: result.status, approvals: result.approvals, approvalsRequired: result.approvalsRequired };
    return next;
  });
}

/** Queue order: oldest first, then by id (the server's keyset order). */
function before(a: QueueItem, b: QueueItem): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/**
 * Rollback of one decision: the item as it was in `snapshot` (taken before
 * the optimistic update) goes back into the current cache, in its page and in
 * queue order. Only that item is restored, so other decisions made meanwhile
 * keep their own optimistic updates.
 */
export function restoreItem(current: QueueData | undefined, snapshot: QueueData | undefined, releaseId: string): QueueData | undefined {
  if (!snapshot) return current;
  const pageIndex = snapshot.pages.findIndex((page) => page.items.some((item) => item.id === releaseId));
  if (pageIndex < 0) return current;
  if (!current || current.pages.length === 0) return snapshot;
  const original = snapshot.pages[pageIndex]!.items.find((item) => item.id === releaseId)!;
  const target = Math.min(pageIndex, current.pages.length - 1);
  const pages = current.pages.map((page, index) => {
    const items = page.items.filter((item) => item.id !== releaseId);
    if (index !== target) return items.length === page.items.length ? page : { ...page, items };
    const at = items.findIndex((item) => before(original, item));
    items.splice(at < 0 ? items.length : at, 0, original);
    return { ...page, items };
  });
  return { ...current, pages };
}

/** Every item of the loaded pages, once each, in queue order. */
export function queueItems(data: QueueData | undefined): QueueItem[] {
  if (!data) return [];
  const seen = new Set<string>();
  const items: QueueItem[] = [];
  for (const page of data.pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}
