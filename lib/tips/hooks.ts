import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchTipPage, markTip, TipRequestError } from "./client.ts";
import { tipKeys, type TipFilters } from "./keys.ts";
import { restoreTip, withoutTip, type TipListData } from "./list-cache.ts";
import type { TipItem, TipPage } from "./schema.ts";

/**
 * TanStack Query hooks of the moderators' tips page (client components only).
 */

/** The tips of these filters, one page at a time; the server page hands over the first. */
export function useTipList(filters: TipFilters, initial: { page: TipPage; fetchedAt: number }) {
  return useInfiniteQuery<TipPage, Error, TipListData, ReturnType<typeof tipKeys.list>, string | null>({
    queryKey: tipKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchTipPage(filters, pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (last: TipPage) => last.nextCursor,
    initialData: { pages: [initial.page], pageParams: [null] },
    initialDataUpdatedAt: initial.fetchedAt,
  });
}

export interface MarkVariables {
  tip: TipItem;
  status: "reviewed" | "dismissed";
}

export interface MarkCallbacks {
  onMarked?: (variables: MarkVariables, tip: TipItem) => void;
  /** The server (or the network) refused it; the tip is already back in the list. */
  onRefused?: (variables: MarkVariables, error: TipRequestError) => void;
}

/**
 * Marking a tip, optimistic: it leaves every cached list at once (a list
 * shows one status, and the tip no longer has it); a refusal puts it back
 * from the snapshot taken before. The lists are invalidated after the last
 * mark in flight — refetched after a success, only marked stale after a
 * refusal, so that the tip stays in view with its message.
 */
export function useMarkTip(callbacks: MarkCallbacks) {
  const queryClient = useQueryClient();
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  return useMutation({
    mutationKey: tipKeys.mark(),
    mutationFn: ({ tip, status }: MarkVariables) => markTip(tip.id, { status }),
    onMutate: async ({ tip }) => {
      await queryClient.cancelQueries({ queryKey: tipKeys.lists() });
      const snapshot = queryClient.getQueriesData<TipListData>({ queryKey: tipKeys.lists() });
      for (const [key, data] of snapshot) queryClient.setQueryData<TipListData>(key, withoutTip(data, tip.id));
      return { snapshot };
    },
    onError: (error, variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) {
        queryClient.setQueryData<TipListData>(key, (current) => restoreTip(current, data, variables.tip.id));
      }
      const refusal = error instanceof TipRequestError ? error : new TipRequestError(0, "network", String(error));
      latest.current.onRefused?.(variables, refusal);
    },
    onSuccess: (tip, variables) => latest.current.onMarked?.(variables, tip),
    onSettled: (_data, error) => {
      // Only after the last mark in flight: an earlier refetch would bring back tips still being marked.
      if (queryClient.isMutating({ mutationKey: tipKeys.mark() }) === 1) {
        void queryClient.invalidateQueries({ queryKey: tipKeys.lists(), refetchType: error ? "none" : "active" });
      }
    },
  });
}
