import type { Operation } from "../registry.ts";

export const personOperations: readonly Operation[] = [];
