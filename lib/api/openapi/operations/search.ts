import type { Operation } from "../registry.ts";

export const searchOperations: readonly Operation[] = [];
