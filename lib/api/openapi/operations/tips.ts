import type { Operation } from "../registry.ts";

export const tipOperations: readonly Operation[] = [];
