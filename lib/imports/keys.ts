/**
 * TanStack Query keys of imports, in one factory so that every screen that
 * follows an import (a spreadsheet's page, a name list being loaded) shares
 * the same cache entry.
 */
export const importKeys = {
  all: ["imports"] as const,
  progress: (importId: string) => [...importKeys.all, "progress", importId] as const,
};
