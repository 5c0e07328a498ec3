import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ReviewDecision } from "../generated/prisma/enums.ts";
import { fetchDuplicates, fetchQueuePage, postBatchApproval, postReview, ReviewRequestError, type ReviewResponse } from "./client.ts";
import type { QueueItem, QueuePage } from "./data.ts";
import { reviewKeys, waitingOfKey, type QueueFilters } from "./keys.ts";
import { applyDecision, applyResult, restoreItem, type QueueData, type QueueReviewer } from "./queue-cache.ts";
import type { BatchReviewResult } from "./schema.ts";

/**
 * TanStack Query hooks of the review queue screen (client components only).
 */

/**
 * The queue for these filters, one page at a time. The server page renders
 * the first page and hands it over as `initial`, so the list shows at once
 * and the browser fetches only what comes next.
 */
export function useReviewQueue(filters: QueueFilters, initial: { page: QueuePage; fetchedAt: number } | null) {
  return useInfiniteQuery<QueuePage, Error, QueueData, ReturnType<typeof reviewKeys.queue>, string | null>({
    queryKey: reviewKeys.queue(filters),
    queryFn: ({ pageParam, signal }) => fetchQueuePage(filters, pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (last: QueuePage) => last.nextCursor,
    initialData: initial ? { pages: [initial.page], pageParams: [null] } : undefined,
    initialDataUpdatedAt: initial?.fetchedAt,
  });
}

/** Other records that may be the same person as this item's; fetched only when `enabled`. */
export function useDuplicates(person: QueueItem["person"], enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.duplicates(person.id),
    queryFn: ({ signal }) => fetchDuplicates(person, signal),
    enabled,
    staleTime: 60_000,
  });
}

export interface DecisionVariables {
  item: QueueItem;
  decision: ReviewDecision;
  reason?: string;
}

export interface DecisionCallbacks {
  /** The server recorded the decision. */
  onDecided?: (variables: DecisionVariables, response: ReviewResponse) => void;
  /** The server (or the network) refused it; the cache is already rolled back. */
  onRefused?: (variables: DecisionVariables, error: ReviewRequestError) => void;
}

/**
 * A decision, optimistic: every cached queue shows it at once (the item
 * leaves "waiting for me" lists, "all" lists show its new approvals); a
 * refusal puts the item back from the snapshot taken before; the queues are
 * then invalidated — refetched after the last decision in flight succeeds,
 * only marked stale after a refusal, so that the refused item stays in view
 * with its message until the moderator moves on.
 */
export function useReviewDecision(reviewer: QueueReviewer, callbacks: DecisionCallbacks) {
  const queryClient = useQueryClient();
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  return useMutation({
    mutationKey: reviewKeys.decide(),
    mutationFn: ({ item, decision, reason }: DecisionVariables) =>
      postReview(item.id, { decision, ...(reason?.trim() ? { reason: reason.trim() } : {}) }),
    onMutate: async ({ item, decision, reason }) => {
      await queryClient.cancelQueries({ queryKey: reviewKeys.queues() });
      const snapshot = queryClient.getQueriesData<QueueData>({ queryKey: reviewKeys.queues() });
      const at = new Date();
      for (const [key, data] of snapshot) {
        if (!data) continue;
        queryClient.setQueryData<QueueData>(key, applyDecision(data, waitingOfKey(key), { releaseId: item.id, decision, reason }, reviewer, at));
      }
      return { snapshot };
    },
    onError: (error, variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) {
        queryClient.setQueryData<QueueData>(key, (current) => restoreItem(current, data, variables.item.id));
      }
      const refusal = error instanceof ReviewRequestError ? error : new ReviewRequestError(0, "network", String(error));
      latest.current.onRefused?.(variables, refusal);
    },
    onSuccess: (response, variables) => {
      queryClient.setQueriesData<QueueData>({ queryKey: reviewKeys.queues() }, (data) => applyResult(data, response.release));
      latest.current.onDecided?.(variables, response);
    },
    onSettled: (_data, error) => {
      // Only after the last decision in flight: an earlier refetch would bring back items still being decided.
      if (queryClient.isMutating({ mutationKey: reviewKeys.decide() }) === 1) {
        void queryClient.invalidateQueries({ queryKey: reviewKeys.queues(), refetchType: error ? "none" : "active" });
      }
    },
  });
}

export interface BatchVariables {
  /** The selected items, as the moderator saw them. */
  items: QueueItem[];
}

export interface BatchCallbacks {
  /** The server answered, release by release (refused ones are already back in the list). */
  onAnswered?: (variables: BatchVariables, result: BatchReviewResult) => void;
  /** The whole request failed (network, session, permission); every item is back where it was. */
  onFailed?: (variables: BatchVariables, error: ReviewRequestError) => void;
}

/**
 * A batch approval, optimistic like a single decision: every selected item
 * shows the viewer's approval at once (it leaves "waiting for me" lists).
 * When the answer comes, approved items take the server's status and
 * approvals, refused ones go back from the snapshot; if the whole request
 * fails, they all go back.
 */
export function useBatchApproval(reviewer: QueueReviewer, callbacks: BatchCallbacks) {
  const queryClient = useQueryClient();
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  return useMutation({
    mutationKey: reviewKeys.decideBatch(),
    mutationFn: ({ items }: BatchVariables) => postBatchApproval(items.map((item) => item.id)),
    onMutate: async ({ items }) => {
      await queryClient.cancelQueries({ queryKey: reviewKeys.queues() });
      const snapshot = queryClient.getQueriesData<QueueData>({ queryKey: reviewKeys.queues() });
      const at = new Date();
      for (const [key, data] of snapshot) {
        if (!data) continue;
        const waiting = waitingOfKey(key);
        const next = items.reduce<QueueData | undefined>(
          (current, item) => applyDecision(current, waiting, { releaseId: item.id, decision: "approve" }, reviewer, at),
          data,
        );
        queryClient.setQueryData<QueueData>(key, next);
      }
      return { snapshot };
    },
    onError: (error, variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) {
        queryClient.setQueryData<QueueData>(key, (current) =>
          variables.items.reduce((restored, item) => restoreItem(restored, data, item.id), current),
        );
      }
      const failure = error instanceof ReviewRequestError ? error : new ReviewRequestError(0, "network", String(error));
      latest.current.onFailed?.(variables, failure);
    },
    onSuccess: (result, variables, context) => {
      const refused = result.results.filter((item) => item.outcome === "refused").map((item) => item.releaseId);
      for (const [key, data] of context?.snapshot ?? []) {
        queryClient.setQueryData<QueueData>(key, (current) => refused.reduce((restored, id) => restoreItem(restored, data, id), current));
      }
      for (const item of result.results) {
        if (item.release) queryClient.setQueriesData<QueueData>({ queryKey: reviewKeys.queues() }, (data) => applyResult(data, item.release!));
      }
      latest.current.onAnswered?.(variables, result);
    },
    onSettled: (_data, error) => {
      if (queryClient.isMutating({ mutationKey: reviewKeys.decide() }) === 1) {
        void queryClient.invalidateQueries({ queryKey: reviewKeys.queues(), refetchType: error ? "none" : "active" });
      }
    },
  });
}
