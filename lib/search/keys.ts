/**
 * TanStack Query keys of the public search (client-safe, pure). The text in a
 * key is the validated text (trimmed, spaces collapsed), so that "ana  p" and
 * "ana p" share one cache entry and one request.
 */
export const searchKeys = {
  all: ["search"] as const,
  /** Every cached answer, whatever its text (to cancel or forget them all). */
  answers: () => [...searchKeys.all, "answer"] as const,
  answer: (text: string, limit: number) => [...searchKeys.answers(), { text, limit }] as const,
};
