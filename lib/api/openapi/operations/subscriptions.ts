import { LINK_RATE_LIMIT, SUBSCRIBE_RATE_LIMIT } from "../../../subscriptions/limits.ts";
import {
  confirmResultSchema,
  linkTokenSchema,
  subscribeResultSchema,
  subscribeSchema,
  unsubscribeResultSchema,
} from "../../../subscriptions/schema.ts";
import type { Operation } from "../registry.ts";

const TOKEN_EXAMPLE = { token: "hV4m9c2Qk7yXw1rT8pLz3nB6dF0sG5aJ2eK9uY7iO4q" };

export const subscriptionOperations: readonly Operation[] = [
  {
    operationId: "createSubscription",
    method: "POST",
    path: "/api/v1/subscriptions",
    summary: "Ask to be told when a release is verified",
    description:
      "An e-mail address and either a person (`personId`, one the public may see) or a search (`query`, for someone " +
      "not found yet). Nothing is sent about releases until the address confirms through the link of the mail sent " +
      "now (double opt-in). The answer is always the same `202`, whether the address was new, waiting for " +
      "confirmation or already subscribed: it never tells whether an address is subscribed. Asking again for the " +
      "same person or search adds no second subscription and sends the confirmation again at most once every ten " +
      "minutes. Addresses are never shown by any page or answer.",
    tags: ["Subscriptions"],
    access: "public",
    authenticate: false,
    body: subscribeSchema,
    bodyExample: { email: "familia@example.org", query: "jose luis perez", locale: "es" },
    rateLimit: SUBSCRIBE_RATE_LIMIT,
    responses: { 202: { description: "A confirmation mail is on its way (if one is due).", schema: subscribeResultSchema } },
    errors: { 404: "No person with this `personId` that the public may see (`not_found`)." },
  },
  {
    operationId: "confirmSubscription",
    method: "POST",
    path: "/api/v1/subscriptions/confirm",
    summary: "Confirm a subscription",
    description:
      "The `token` of the link in the confirmation mail. `confirmed` the first time, `already_confirmed` after; " +
      "only the newest confirmation mail's link works. The link's page asks for a button press before calling this, " +
      "because mail scanners open links on their own.",
    tags: ["Subscriptions"],
    access: "public",
    authenticate: false,
    body: linkTokenSchema,
    bodyExample: TOKEN_EXAMPLE,
    rateLimit: LINK_RATE_LIMIT,
    responses: { 200: { description: "The subscription is confirmed.", schema: confirmResultSchema } },
    errors: { 404: "The token is unknown, altered, superseded by a newer mail, or its subscription was cancelled (`not_found`)." },
  },
  {
    operationId: "unsubscribe",
    method: "POST",
    path: "/api/v1/subscriptions/unsubscribe",
    summary: "Cancel a subscription",
    description: "The `token` of the unsubscribe link that every mail carries. No more mail for this subscription; calling again answers the same.",
    tags: ["Subscriptions"],
    access: "public",
    authenticate: false,
    body: linkTokenSchema,
    bodyExample: TOKEN_EXAMPLE,
    rateLimit: LINK_RATE_LIMIT,
    responses: { 200: { description: "The subscription is cancelled (or already was).", schema: unsubscribeResultSchema } },
    errors: { 404: "The token is unknown or altered (`not_found`)." },
  },
];
