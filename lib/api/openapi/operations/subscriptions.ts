import type { Operation } from "../registry.ts";

export const subscriptionOperations: readonly Operation[] = [];
