import type { RateLimitRule } from "../api/guard.ts";

/**
 * Rate limits of the public subscription routes and pages, per client,
 * counted in PostgreSQL (so they hold across app instances). Asking is rarer
 * than following a link, and each request may send a mail.
 */
export const SUBSCRIBE_RATE_LIMIT: RateLimitRule = { name: "subscriptions.create", limit: 10, windowSeconds: 600 };
export const LINK_RATE_LIMIT: RateLimitRule = { name: "subscriptions.link", limit: 30, windowSeconds: 600 };
