import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { PossibleDuplicate } from "./data.ts";
import { duplicateQueryIsUsable } from "./changes.ts";
import { personKeys, type DuplicateParams } from "./keys.ts";

/** How long typing must pause before the duplicates are asked for. */
export const DUPLICATES_DEBOUNCE_MS = 300;

/** The value, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export class DuplicatesRequestError extends Error {
  constructor(readonly status: number) {
    super(`duplicates request failed with ${status}`);
  }
}

/** GET /api/v1/persons/duplicates; the AbortSignal (from TanStack Query) drops a stale request. */
export async function fetchPossibleDuplicates(params: DuplicateParams, signal?: AbortSignal): Promise<PossibleDuplicate[]> {
  const query = new URLSearchParams();
  if (params.givenNames.trim()) query.set("givenNames", params.givenNames.trim());
  if (params.surnames.trim()) query.set("surnames", params.surnames.trim());
  if (params.cedula.trim()) query.set("cedula", params.cedula.trim());
  const response = await fetch(`/api/v1/persons/duplicates?${query}`, {
    signal,
    credentials: "same-origin",
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new DuplicatesRequestError(response.status);
  return ((await response.json()) as { results: PossibleDuplicate[] }).results;
}

/**
 * Records already on file that may be the person being typed, asked for
 * ~300 ms after typing stops. Earlier answers stay on screen while the next
 * one loads; a request overtaken by newer typing is cancelled.
 */
export function usePossibleDuplicates(params: DuplicateParams) {
  // One string, so that the debounce compares by value and not by object identity.
  const key = useDebouncedValue(JSON.stringify([params.givenNames.trim(), params.surnames.trim(), params.cedula.trim()]), DUPLICATES_DEBOUNCE_MS);
  const [givenNames, surnames, cedula] = JSON.parse(key) as [string, string, string];
  const settled: DuplicateParams = { givenNames, surnames, cedula };
  const enabled = duplicateQueryIsUsable(settled);
  const query = useQuery({
    queryKey: personKeys.duplicates(settled),
    queryFn: ({ signal }) => fetchPossibleDuplicates(settled, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { ...query, enabled, results: enabled ? (query.data ?? []) : [] };
}
