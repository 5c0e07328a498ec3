import type { Operation } from "../registry.ts";

/** Name lists, their matching queue and import progress (lib/names). */
export const nameOperations: readonly Operation[] = [];
