import { useQuery } from "@tanstack/react-query";
import { importKeys } from "./keys.ts";
import type { ImportView } from "./schema.ts";

/**
 * Following an import's progress from the browser (client components only),
 * whatever its kind: a spreadsheet's page and a name list being loaded read
 * the same `GET /api/v1/imports/{id}` outside tools read.
 */

const POLL_MS = 1_000;

/** An import's progress, asked again every second while it is queued or running. */
export function useImportProgress(importId: string | null) {
  return useQuery<ImportView, Error>({
    queryKey: importKeys.progress(importId ?? "none"),
    queryFn: ({ signal }) => fetchImport(importId!, signal),
    enabled: importId !== null,
    staleTime: 0,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "done" || status === "failed" ? false : POLL_MS;
    },
    retry: 3,
  });
}

/** The screens only tell that the progress could not be read (and keep asking), not why: any failure is an Error. */
async function fetchImport(importId: string, signal: AbortSignal): Promise<ImportView> {
  const response = await fetch(`/api/v1/imports/${encodeURIComponent(importId)}`, {
    signal,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`The import's progress could not be read (HTTP ${response.status}).`);
  return (await response.json()) as ImportView;
}
