import type { ZodType } from "zod";
import { clientKeyFromHeaders } from "../auth/client-key.ts";
import { AppError, errors } from "../errors.ts";
import {
  checkAccess,
  describeError,
  enforceRateLimit,
  parseInput,
  type Access,
  type ActorFor,
  type RateLimitRule,
} from "./guard.ts";

/**
 * The one wrapper every route handler (`route.ts` under app/) goes through: it
 * authenticates (API token or session cookie), checks the permission, applies
 * the rate limit, parses params/query/body with strict zod schemas, and maps
 * every error to `{"error": {"code", "message"}}` with its status.
 */
export interface RouteOptions<A extends Access, P, Q, B> {
  access: A;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  /** A JSON body, parsed with this schema. */
  body?: ZodType<B>;
  maxBodyBytes?: number;
  rateLimit?: RateLimitRule;
  /** Public routes that must not touch the session (the health check) set this to false. */
  authenticate?: boolean;
}

export interface RouteContext<A extends Access, P, Q, B> {
  actor: ActorFor<A>;
  params: P;
  query: Q;
  body: B;
  request: Request;
}

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export const DEFAULT_MAX_BODY = 1024 * 1024;

/** The options each wrapped handler was declared with, so tests can hold the OpenAPI registry to them. */
const declaredOptions = new WeakMap<object, RouteOptions<Access, unknown, unknown, unknown>>();

/** The options a handler made by `route()` was declared with; undefined for anything else. */
export function routeOptionsOf(handler: unknown): RouteOptions<Access, unknown, unknown, unknown> | undefined {
  return typeof handler === "function" ? declaredOptions.get(handler) : undefined;
}

export function route<A extends Access, P = undefined, Q = undefined, B = undefined>(
  options: RouteOptions<A, P, Q, B>,
  handler: (context: RouteContext<A, P, Q, B>) => Promise<Response | object>,
) {
  const wrapped = async (request: Request, context?: NextRouteContext): Promise<Response> => {
    try {
      const actor = options.authenticate === false && options.access === "public" ? null : await authenticate(request);
      checkAccess(actor, options.access);
      await enforceRateLimit(options.rateLimit, actor?.userId ?? clientKeyFromHeaders(request.headers));
      const params = options.params
        ? parseInput(options.params, (await context?.params) ?? {}, "path")
        : (undefined as P);
      const query = options.query
        ? parseInput(options.query, Object.fromEntries(new URL(request.url).searchParams), "query")
        : (undefined as Q);
      const body = options.body
        ? parseInput(options.body, await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
        : (undefined as B);
      const result = await handler({ actor: actor as ActorFor<A>, params, query, body, request });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      const { status, body, headers } = describeError(error);
      return Response.json(body, { status, headers });
    }
  };
  declaredOptions.set(wrapped, options as RouteOptions<Access, unknown, unknown, unknown>);
  return wrapped;
}

/**
 * The session and token check, loaded when a route first needs it: routes that
 * never authenticate (the public search) then do not load next-auth, which is
 * what lets the web server answer them itself (lib/runtime/direct-routes.ts).
 */
async function authenticate(request: Request) {
  const { resolveActor } = await import("../auth/authenticate.ts");
  return resolveActor(request);
}

/** A 201 with the created resource. */
export function created(body: object): Response {
  return Response.json(body, { status: 201 });
}

/** Reads at most `limit` bytes of JSON; a larger body is a 413, not a crash. */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw errors.invalidInput("Send a JSON body with Content-Type: application/json.");
  }
  const text = await readTextBody(request, limit);
  if (text.trim() === "") throw errors.invalidInput("The request body is empty.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
}

export async function readTextBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw errors.tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw errors.tooLarge(limit);
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    return decoder.decode(Buffer.concat(chunks));
  } catch {
    throw errors.invalidInput("The request body is not valid UTF-8.");
  }
}
