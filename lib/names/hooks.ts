import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { decideLine, fetchQueuePage, loadNameList, NameRequestError, searchCandidates } from "./client.ts";
import { nameKeys, type QueueFilter } from "./keys.ts";
import { restoreLine, withoutLine, type QueueData } from "./queue-cache.ts";
import type { DecidedLine, DecisionInput, QueueItem, QueuePage } from "./schema.ts";

/**
 * TanStack Query hooks of the name-list screens (client components only):
 * loading a list (its progress is followed like any import's,
 * lib/imports/hooks.ts), and the matching queue.
 */

const asRequestError = (error: unknown) => (error instanceof NameRequestError ? error : new NameRequestError(0, "network", String(error)));

/** Sends a list; the caller follows the import it answers with. */
export function useLoadNameList(announcementId: string) {
  return useMutation({
    mutationFn: (list: { body: Blob | string; contentType: string; fileName?: string }) => loadNameList(announcementId, list),
  });
}

/** The queue with this filter, one page at a time; the server page hands over the first. */
export function useNameQueue(filter: QueueFilter, initial: { page: QueuePage; fetchedAt: number }) {
  return useInfiniteQuery<QueuePage, Error, QueueData, ReturnType<typeof nameKeys.queue>, string | null>({
    queryKey: nameKeys.queue(filter),
    queryFn: ({ pageParam, signal }) => fetchQueuePage(filter, pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (last: QueuePage) => last.nextCursor,
    initialData: { pages: [initial.page], pageParams: [null] },
    initialDataUpdatedAt: initial.fetchedAt,
  });
}

/** Everyone on record matching `q` (moderators), once `q` is long enough. */
export function useCandidateSearch(q: string) {
  return useQuery({
    queryKey: nameKeys.candidates(q),
    queryFn: ({ signal }) => searchCandidates(q, signal),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });
}

export interface DecideVariables {
  line: QueueItem;
  input: DecisionInput;
}

export interface DecideCallbacks {
  onDecided?: (variables: DecideVariables, line: DecidedLine) => void;
  /** The server (or the network) refused it; the line is already back in the queue. */
  onRefused?: (variables: DecideVariables, error: NameRequestError) => void;
}

/**
 * A decision on a line of the queue, optimistic: the line leaves every cached
 * page at once; a refusal puts it back from the snapshot taken before. The
 * queue is invalidated after the last decision in flight — refetched after a
 * success, only marked stale after a refusal, so that the line stays in view
 * with its message. An undo (of a decision just taken) brings the line back
 * through that refetch.
 */
export function useDecideName(callbacks: DecideCallbacks) {
  const queryClient = useQueryClient();
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  return useMutation({
    mutationKey: nameKeys.decide(),
    mutationFn: ({ line, input }: DecideVariables) => decideLine(line.id, input),
    onMutate: async ({ line, input }) => {
      if (input.action === "undo") return { snapshot: [] as [readonly unknown[], QueueData | undefined][] };
      await queryClient.cancelQueries({ queryKey: nameKeys.queues() });
      const snapshot = queryClient.getQueriesData<QueueData>({ queryKey: nameKeys.queues() });
      for (const [key, data] of snapshot) queryClient.setQueryData<QueueData>(key, withoutLine(data, line.id));
      return { snapshot };
    },
    onError: (error, variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) {
        queryClient.setQueryData<QueueData>(key, (current) => restoreLine(current, data, variables.line.id));
      }
      latest.current.onRefused?.(variables, asRequestError(error));
    },
    onSuccess: (line, variables) => latest.current.onDecided?.(variables, line),
    onSettled: (_data, error) => {
      // Only after the last decision in flight: an earlier refetch would bring back lines still being decided.
      if (queryClient.isMutating({ mutationKey: nameKeys.decide() }) === 1) {
        void queryClient.invalidateQueries({ queryKey: nameKeys.queues(), refetchType: error ? "none" : "active" });
      }
    },
  });
}
