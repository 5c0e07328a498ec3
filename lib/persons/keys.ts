/**
 * TanStack Query keys for persons, in one factory so that every screen asks
 * for (and invalidates) the same cache entries.
 */
export interface DuplicateParams {
  givenNames: string;
  surnames: string;
  cedula: string;
}

export const personKeys = {
  all: ["persons"] as const,
  duplicates: (params: DuplicateParams) => [...personKeys.all, "duplicates", params] as const,
};
