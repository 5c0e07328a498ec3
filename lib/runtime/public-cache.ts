import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import Negotiator from "negotiator";
import { LOCALE_COOKIE, resolveLocale, type AppLocale } from "../i18n/locale.ts";

/**
 * The answers that are the same for every visitor who is not signed in, until
 * the record changes: the public tally (`GET /api/v1/tally`) and the
 * reconciliation page (`/anuncios`). After an announcement everyone opens
 * them at once; rendering the page costs tens of milliseconds and the tally's
 * JSON is large, so the web server (lib/runtime/web.ts) keeps each answer,
 * compressed once, and serves it again while the record's change stamp (the
 * newest audit event, lib/tally/cache.ts) and the day stay the same. A new
 * stamp means "ask Next again": a release verified is in the very next answer.
 *
 * What is never answered from here, and goes to Next as before: anything but
 * GET; a caller with a session cookie or an Authorization header (their pages
 * show their own links); Next's client navigations and server actions (RSC
 * headers); a query parameter the route does not declare; an answer that is
 * not a plain 200 or that sets a cookie.
 */
export interface CachedRoute {
  /** The exact path. */
  path: string;
  /** The query parameters that choose another answer; any other parameter sends the request to Next. */
  params: readonly string[];
  /** True for pages: their words are in the visitor's language. */
  localized: boolean;
}

export const CACHED_ROUTES: readonly CachedRoute[] = [
  { path: "/api/v1/tally", params: ["asOf"], localized: false },
  { path: "/anuncios", params: ["asOf", "pagina"], localized: true },
];

/** One answer as a visitor asks for it: its path and query, and the language it is in. */
export interface Variant {
  key: string;
  /** Path and query, normalised (declared parameters only, sorted). */
  url: string;
  locale: AppLocale | null;
}

/** The answer as Next gave it (uncompressed). */
export interface Filled {
  headers: [string, string][];
  body: Buffer;
}

interface Entry {
  stamp: bigint;
  day: string;
  headers: [string, string][];
  etag: string | null;
  bodies: Record<Encoding, Buffer>;
  bytes: number;
}

type Encoding = "br" | "gzip" | "identity";
const ENCODINGS: Encoding[] = ["br", "gzip", "identity"];

/** Session cookies of next-auth (plain, `__Secure-` over HTTPS, and chunked `.0`, `.1`…). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
/** Headers of Next's client router and server actions: those requests get RSC payloads, not the page. */
const NEXT_CLIENT_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];

/** The variant a request asks for, or null when the request must go to Next. */
export function variantOf(
  request: { method?: string; url?: string; headers: IncomingHttpHeaders },
  routes: readonly CachedRoute[] = CACHED_ROUTES,
): Variant | null {
  if (request.method !== "GET" || !request.url) return null;
  const headers = request.headers;
  if (headers.authorization !== undefined) return null;
  if (headers.cookie !== undefined && SESSION_COOKIE.test(headers.cookie)) return null;
  if (NEXT_CLIENT_HEADERS.some((name) => headers[name] !== undefined)) return null;

  let parsed: URL;
  try {
    parsed = new URL(request.url, "http://cache.invalid");
  } catch {
    return null;
  }
  const route = routes.find((candidate) => candidate.path === parsed.pathname);
  if (!route) return null;
  const names = [...parsed.searchParams.keys()];
  // Undeclared or repeated parameters: Next decides (a 400 for the API, its own reading for the page).
  if (names.some((name) => !route.params.includes(name)) || new Set(names).size !== names.length) return null;
  const query = [...parsed.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const search = new URLSearchParams(query).toString();
  const url = `${route.path}${search ? `?${search}` : ""}`;
  const locale = route.localized ? resolveLocale({ cookie: cookieValue(headers.cookie, LOCALE_COOKIE), acceptLanguage: headers["accept-language"] }) : null;
  return { key: `${url}#${locale ?? "-"}`, url, locale };
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** Response headers of Next's answer that are not kept: they belong to one connection or one answer. */
const DROPPED_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "set-cookie"]);

export function keptHeaders(headers: Iterable<[string, string]>): [string, string][] {
  return [...headers].filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase()) && !name.toLowerCase().startsWith("x-constancia-"));
}

/**
 * Next's answer as kept, or null when it must not be kept: only a plain 200,
 * not already encoded, that sets no cookie (nothing meant for one visitor).
 */
export function keepable(status: number, headers: Iterable<[string, string]>, body: Buffer): Filled | null {
  const pairs = [...headers];
  const has = (name: string) => pairs.some(([key]) => key.toLowerCase() === name);
  if (status !== 200 || has("set-cookie") || has("content-encoding")) return null;
  return { headers: keptHeaders(pairs), body };
}

const compressGzip = promisify(gzip);
const compressBrotli = promisify(brotliCompress);

export interface PublicCacheOptions {
  /** Asks Next for a variant, as an anonymous visitor in that language; null when the answer must not be kept. */
  fill: (variant: Variant) => Promise<Filled | null>;
  /** The record's change stamp, read after the call (lib/tally/cache.ts `changeStamp`). */
  stamp: () => Promise<bigint>;
  /** Today, where the figures are counted (the default as-of day). */
  today: () => string;
  routes?: readonly CachedRoute[];
  /** All entries together, every encoding counted. */
  maxBytes?: number;
}

/** Bodies larger than this are not kept (every variant is compressed twice and held three times). */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

export function publicCache(options: PublicCacheOptions) {
  const routes = options.routes ?? CACHED_ROUTES;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  const filling = new Map<string, Promise<Entry | null>>();
  let bytes = 0;

  function remember(key: string, entry: Entry): void {
    const old = entries.get(key);
    // A slower fill from an older stamp never replaces a newer answer.
    if (old && old.stamp > entry.stamp) return;
    if (old) bytes -= old.bytes;
    entries.delete(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [oldest, value] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(oldest);
      bytes -= value.bytes;
    }
  }

  async function build(variant: Variant, stamp: bigint, day: string): Promise<Entry | null> {
    const filled = await options.fill(variant);
    if (!filled || filled.body.length > MAX_ENTRY_BYTES) return null;
    const [gzipped, brotli] = await Promise.all([
      compressGzip(filled.body),
      // Quality 5: most of brotli's gain at a fraction of its top setting's time.
      compressBrotli(filled.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
    ]);
    const etag = filled.headers.find(([name]) => name.toLowerCase() === "etag")?.[1] ?? null;
    const bodies = { identity: filled.body, gzip: gzipped, br: brotli };
    const entry = { stamp, day, headers: filled.headers, etag, bodies, bytes: filled.body.length + gzipped.length + brotli.length };
    remember(variant.key, entry);
    return entry;
  }

  /** The kept answer for the variant, filled first when missing or older than the record. */
  async function lookup(variant: Variant): Promise<{ entry: Entry; filled: boolean } | null> {
    const stamp = await options.stamp();
    const day = options.today();
    const hit = entries.get(variant.key);
    if (hit && hit.stamp === stamp && hit.day === day) {
      // Most recently used last, so that the least used is dropped first.
      entries.delete(variant.key);
      entries.set(variant.key, hit);
      return { entry: hit, filled: false };
    }
    // One fill per variant and stamp, however many visitors ask at once.
    const flightKey = `${variant.key}|${stamp}|${day}`;
    let flight = filling.get(flightKey);
    if (!flight) {
      flight = build(variant, stamp, day).finally(() => filling.delete(flightKey));
      filling.set(flightKey, flight);
    }
    const entry = await flight;
    return entry ? { entry, filled: true } : null;
  }

  return {
    /**
     * Answers the request from the cache, or calls `pass` to let Next answer
     * it. A failure of the cache (the stamp unreadable, Next's fill failing) is
     * never the visitor's problem: Next answers as it would without the cache.
     */
    async handle(request: IncomingMessage, response: ServerResponse, pass: () => void): Promise<void> {
      const variant = variantOf(request, routes);
      if (!variant) return pass();
      let found: Awaited<ReturnType<typeof lookup>>;
      try {
        found = await lookup(variant);
      } catch {
        found = null;
      }
      if (!found) return pass();
      send(request, response, found.entry, { how: found.filled ? "fill" : "hit", localized: variant.locale !== null });
    },
    /** Entries kept and their bytes (for tests and the benchmark). */
    size(): { entries: number; bytes: number } {
      return { entries: entries.size, bytes };
    },
  };
}

function send(request: IncomingMessage, response: ServerResponse, entry: Entry, served: { how: "hit" | "fill"; localized: boolean }): void {
  for (const [name, value] of entry.headers) response.appendHeader(name, value);
  response.setHeader("X-Constancia-Cache", served.how);
  appendVary(response, "Accept-Encoding");
  // A page's language comes from the NEXT_LOCALE cookie, else Accept-Language.
  if (served.localized) for (const name of ["Accept-Language", "Cookie"]) appendVary(response, name);
  const asked = request.headers["if-none-match"];
  if (entry.etag && asked?.split(/\s*,\s*/).includes(entry.etag)) {
    response.writeHead(304);
    response.end();
    return;
  }
  const encoding = (pickEncoding.call(new Negotiator(request), ENCODINGS, { preferred: ENCODINGS }) ?? "identity") as Encoding;
  const body = entry.bodies[encoding];
  if (encoding !== "identity") response.setHeader("Content-Encoding", encoding);
  response.setHeader("Content-Length", body.length);
  response.writeHead(200);
  response.end(body);
}

/**
 * negotiator's choice among the encodings the client accepts; ties (browsers
 * send "gzip, deflate, br" without weights) go to our order, brotli first,
 * the smallest. The `preferred` option is newer than negotiator's types.
 */
const pickEncoding = Negotiator.prototype.encoding as (this: Negotiator, available: string[], options: { preferred: string[] }) => string | undefined;

function appendVary(response: ServerResponse, name: string): void {
  const current = String(response.getHeader("Vary") ?? "");
  const names = current.split(",").map((part) => part.trim().toLowerCase());
  if (!names.includes(name.toLowerCase())) response.setHeader("Vary", current ? `${current}, ${name}` : name);
}
