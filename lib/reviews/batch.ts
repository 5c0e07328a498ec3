import { isAppError } from "../errors.ts";
import type { QueueItem } from "./data.ts";
import { foreseeDecision, type QueueReviewer } from "./queue-cache.ts";
import type { BatchRefusal, BatchReviewItem, BatchReviewResult } from "./schema.ts";

/**
 * Batch approval, the pure parts: what a refusal of one release's approval is
 * called in the batch's answer, the answer's totals, and which queue items a
 * moderator can select (the rule, asked on the item as last seen). The writes
 * are in lib/reviews/mutations.ts `approveReleases`.
 */

const KNOWN_REASONS: ReadonlySet<string> = new Set<BatchRefusal>(["own_report", "already_decided", "not_under_review", "no_evidence"]);

/**
 * The refusal behind an error thrown by `reviewRelease` for one release.
 * `details.reason` names the rule's refusal; the error code covers the rest.
 * Anything that is not an AppError is a failure of the server (`internal`):
 * that release's transaction was rolled back, so nothing of it was written.
 */
export function batchRefusalOf(error: unknown): { code: BatchRefusal; message: string } {
  if (!isAppError(error)) return { code: "internal", message: "Something went wrong on the server: nothing was written for this release; try it again." };
  const reason = error.extra.details?.reason;
  if (typeof reason === "string" && KNOWN_REASONS.has(reason)) return { code: reason as BatchRefusal, message: error.message };
  switch (error.code) {
    case "not_found":
      return { code: "not_found", message: "No such release." };
    case "forbidden":
    case "second_factor_required":
      return { code: "forbidden", message: error.message };
    case "conflict":
      return { code: "not_under_review", message: error.message };
    case "unprocessable":
      return { code: "no_evidence", message: error.message };
    default:
      return { code: "internal", message: error.message };
  }
}

/** The batch's answer: the results in the order given and their totals. */
export function summarizeBatch(results: BatchReviewItem[]): BatchReviewResult {
  let approved = 0;
  let verified = 0;
  for (const result of results) {
    if (result.outcome === "refused") continue;
    approved += 1;
    if (result.outcome === "verified") verified += 1;
  }
  return { results, approved, verified, refused: results.length - approved };
}

/**
 * Whether this viewer can put the item in a batch: the rule would accept their
 * approval of it as last seen (not their own report, not decided by them in
 * this round, under review, with evidence). The server still decides.
 */
export function selectableForBatch(item: QueueItem, viewer: Pick<QueueReviewer, "id" | "role">): boolean {
  return foreseeDecision(item, viewer, { decision: "approve" }).ok;
}

/** The selection kept to the items still listed and still selectable (after a refetch, a decision, a filter). */
export function pruneSelection(selected: ReadonlySet<string>, items: readonly QueueItem[], viewer: Pick<QueueReviewer, "id" | "role">): Set<string> {
  const next = new Set<string>();
  for (const item of items) {
    if (selected.has(item.id) && selectableForBatch(item, viewer)) next.add(item.id);
  }
  return next.size === selected.size ? (selected as Set<string>) : next;
}

/** "Select all" of the listed items: every selectable one, or none when all of them are already selected. */
export function toggleAll(selected: ReadonlySet<string>, items: readonly QueueItem[], viewer: Pick<QueueReviewer, "id" | "role">): Set<string> {
  const selectable = items.filter((item) => selectableForBatch(item, viewer)).map((item) => item.id);
  const all = selectable.length > 0 && selectable.every((id) => selected.has(id));
  return all ? new Set() : new Set(selectable);
}
