import { createHash } from "node:crypto";

/**
 * A stable, non-reversible key for "this client" in rate limits: the first
 * X-Forwarded-For address (the app runs behind a proxy in production) or the
 * direct address. Hashed so that rate-limit rows never store IP addresses.
 */
export function clientKeyFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || get("x-real-ip") || "local";
  return createHash("sha256").update(address).digest("hex").slice(0, 32);
}
