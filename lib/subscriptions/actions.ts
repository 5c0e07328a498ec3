"use server";

import { action } from "../api/action.ts";
import { LINK_RATE_LIMIT } from "./limits.ts";
import { confirmSubscription, unsubscribe } from "./mutations.ts";
import { linkTokenSchema } from "./schema.ts";

// The buttons of /avisos/confirmar and /avisos/baja: a POST, never the GET of
// the link itself, because mail scanners open links on their own.

export const confirmAction = action({ access: "public", input: linkTokenSchema, rateLimit: LINK_RATE_LIMIT }, async ({ input }) =>
  confirmSubscription(input.token),
);

export const unsubscribeAction = action({ access: "public", input: linkTokenSchema, rateLimit: LINK_RATE_LIMIT }, async ({ input }) =>
  unsubscribe(input.token),
);
