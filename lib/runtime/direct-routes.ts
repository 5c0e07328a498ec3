import type http from "node:http";
import { gzipSync } from "node:zlib";
import Negotiator from "negotiator";
import { describeError } from "../api/guard.ts";
import { GET as search } from "../../app/api/v1/search/route.ts";
import securityHeaders from "../security-headers.json" with { type: "json" };

/**
 * Routes the web server answers itself: the same handler Next would call (the
 * route.ts's export, through the one route() wrapper: rate limit, strict
 * parsing, API.md errors), without Next's router around it. The public search
 * is asked on every pause in typing by every family looking for a name, and
 * Next's own handling of a request (routing, its request and response
 * objects, the headers and the body written to the socket separately) cost
 * as much CPU as the search's code (BENCHMARKS.md, bench:search).
 *
 * Only GET on the exact path; HEAD, OPTIONS, other methods and other spellings
 * of the path (a trailing slash) go to Next and get Next's answer. The answer
 * carries the security headers next.config.js gives every answer, and is
 * gzipped, as a phone on a slow line would want, when the client accepts it.
 */
type Handler = (request: Request) => Promise<Response>;

const DIRECT_ROUTES: ReadonlyMap<string, Handler> = new Map([["/api/v1/search", search]]);

/** Answers this small are sent as they are: compressing them saves less than a packet. */
const MIN_COMPRESSED_BYTES = 1024;

/** The handler that answers this request directly, or null when Next should. */
export function directRouteFor(request: http.IncomingMessage): Handler | null {
  if (request.method !== "GET" || !request.url?.startsWith("/")) return null;
  const end = request.url.indexOf("?");
  return DIRECT_ROUTES.get(end === -1 ? request.url : request.url.slice(0, end)) ?? null;
}

/**
 * Runs the handler on the request as a web Request and writes its Response in
 * one piece. Never rejects: a failure outside the handler's own wrapper
 * (reading the request, writing the answer) is API.md's 500, never a stack.
 */
export async function answerDirectly(handler: Handler, request: http.IncomingMessage, response: http.ServerResponse, origin: string): Promise<void> {
  try {
    await answer(handler, request, response, origin);
  } catch (error) {
    if (response.headersSent) return void response.destroy();
    const { status, body, headers } = describeError(error);
    response.writeHead(status, { ...securityHeaderRecord(), ...headers, "content-type": "application/json" });
    response.end(JSON.stringify(body));
  }
}

async function answer(handler: Handler, request: http.IncomingMessage, response: http.ServerResponse, origin: string): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const answer = await handler(new Request(new URL(request.url!, origin), { headers }));
  let body: Buffer = Buffer.from(await answer.arrayBuffer());

  // The search sets no cookie; none is passed on from a route answered here.
  const out = securityHeaderRecord();
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") out[name] = value;
  });
  if (body.length >= MIN_COMPRESSED_BYTES) {
    out.vary = out.vary ? `${out.vary}, Accept-Encoding` : "Accept-Encoding";
    if (new Negotiator({ headers: request.headers }).encoding(["gzip", "identity"]) === "gzip") {
      body = gzipSync(body);
      out["content-encoding"] = "gzip";
    }
  }
  out["content-length"] = String(body.length);
  response.writeHead(answer.status, out);
  response.end(body);
}

function securityHeaderRecord(): Record<string, string> {
  return Object.fromEntries(securityHeaders.map((header) => [header.key, header.value]));
}
