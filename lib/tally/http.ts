import { tallyAsOf } from "./service.ts";

/**
 * The answer of `GET /api/v1/tally`: the cached JSON, and 304 when the client
 * already has this very answer. "no-cache" rather than a lifetime: the figures
 * change whenever a release is verified, so every use asks again, and the ETag
 * makes asking cheap. (Compression is left to the web server: Next strips a
 * route's own Content-Encoding; the public cache, lib/runtime/public-cache.ts,
 * compresses the anonymous answer once per change.)
 */
export async function tallyResponse(asOf: string | undefined, headers: Headers): Promise<Response> {
  const computed = await tallyAsOf(asOf);
  const common = { ETag: computed.etag, "Cache-Control": "no-cache" };
  if (headers.get("if-none-match")?.split(/\s*,\s*/).includes(computed.etag)) return new Response(null, { status: 304, headers: common });
  return new Response(computed.json, { headers: { ...common, "Content-Type": "application/json" } });
}
