import type { ZodType } from "zod";
import type { ErrorCode } from "../errors.ts";
import { clientKeyFromHeaders } from "../auth/client-key.ts";
import { actorOf, getViewer } from "../auth/session.ts";
import { checkAccess, describeError, enforceRateLimit, parseInput, type Access, type ActorFor, type RateLimitRule } from "./guard.ts";

/**
 * The wrapper every server action goes through: the same authentication
 * (session), permission check, strict input parsing and error mapping as
 * route handlers. Returns a result instead of throwing, so that forms can show
 * the message in the user's language and keep what was typed.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fields: Record<string, string>; details?: Record<string, unknown> } };

export function action<A extends Access, I, T>(
  options: { access: A; input: ZodType<I>; rateLimit?: RateLimitRule },
  handler: (context: { actor: ActorFor<A>; input: I }) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const viewer = await getViewer();
      const actor = viewer ? actorOf(viewer) : null;
      checkAccess(actor, options.access);
      if (options.rateLimit) {
        const { headers } = await import("next/headers");
        await enforceRateLimit(options.rateLimit, actor?.userId ?? clientKeyFromHeaders(await headers()));
      }
      const input = parseInput(options.input, raw instanceof FormData ? formDataToObject(raw) : raw, "form");
      return { ok: true, data: await handler({ actor: actor as ActorFor<A>, input }) };
    } catch (error) {
      const { body } = describeError(error);
      const fields: Record<string, string> = {};
      for (const issue of body.error.issues ?? []) fields[issue.path] ??= issue.message;
      return {
        ok: false,
        error: { code: body.error.code as ErrorCode, message: body.error.message, fields, ...(body.error.details ? { details: body.error.details } : {}) },
      };
    }
  };
}

/**
 * FormData → plain object for zod. Empty fields become absent (so optional
 * fields are optional in forms too); `$ACTION_*` fields that React adds are dropped.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value === "string" && value.trim() === "") continue;
    out[key] = value;
  }
  return out;
}
