import type { Operation } from "../registry.ts";

export const releaseOperations: readonly Operation[] = [];
