import { tallyAsOf } from "./service.ts";

/**
 * The answer of `GET /api/v1/tally`: the cached JSON, compressed once when the
 * client accepts gzip, and 304 when the client already has this very answer.
 * "no-cache" rather than a lifetime: the figures change whenever a release is
 * verified, so every use asks again, and the ETag makes asking cheap.
 */
export async function tallyResponse(asOf: string | undefined, headers: Headers): Promise<Response> {
  const computed = await tallyAsOf(asOf);
  const common = { ETag: computed.etag, "Cache-Control": "no-cache", Vary: "Accept-Encoding" };
  if (headers.get("if-none-match")?.split(/\s*,\s*/).includes(computed.etag)) return new Response(null, { status: 304, headers: common });
  if (/\bgzip\b/.test(headers.get("accept-encoding") ?? "")) {
    return new Response(new Uint8Array(computed.gzip), {
      headers: { ...common, "Content-Type": "application/json", "Content-Encoding": "gzip" },
    });
  }
  return new Response(computed.json, { headers: { ...common, "Content-Type": "application/json" } });
}
