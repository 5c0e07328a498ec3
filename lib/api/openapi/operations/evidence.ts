import type { Operation } from "../registry.ts";

export const evidenceOperations: readonly Operation[] = [];
