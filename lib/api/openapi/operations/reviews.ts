import type { Operation } from "../registry.ts";

export const reviewOperations: readonly Operation[] = [];
