import { randomUUID } from "node:crypto";
import { z, type ZodType } from "zod";
import type { Actor } from "../auth/actor.ts";
import { decide, type Action } from "../auth/policy.ts";
import { AppError, errors, type FieldIssue } from "../errors.ts";
import { consumeRateLimit } from "../rate-limit/mutations.ts";

/**
 * What route handlers and server actions share: the permission check, input
 * parsing and the mapping of every error to the API.md shape. Only this
 * folder builds error responses.
 */
export type Access = "public" | "signed_in" | Action;

export type ActorFor<A extends Access> = A extends "public" ? Actor | null : Actor;

export function checkAccess(actor: Actor | null, access: Access): void {
  if (access === "public") return;
  if (!actor) throw errors.unauthenticated();
  if (access === "signed_in") return;
  const decision = decide(actor, access);
  if (!decision.ok) throw decision.reason === "second_factor" ? errors.secondFactorRequired() : errors.forbidden();
}

export interface RateLimitRule {
  /** A name for the limited operation, part of the bucket key. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export async function enforceRateLimit(rule: RateLimitRule | undefined, clientKey: string): Promise<void> {
  if (!rule) return;
  const decision = await consumeRateLimit(`${rule.name}:${clientKey}`, rule.limit, rule.windowSeconds);
  if (!decision.allowed) throw errors.rateLimited(decision.retryAfterSeconds);
}

/** Parses with a zod schema; failures become a 400 listing each field's problem. */
export function parseInput<T>(schema: ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
  throw errors.invalidInput(`Invalid ${what}: ${summary}`, issues);
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: FieldIssue[]; details?: Record<string, unknown> };
}

/** Any thrown value → status, body and headers in the API.md shape. Unexpected errors are logged, not shown. */
export function describeError(error: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const known = toAppError(error);
  if (known) {
    const headers: Record<string, string> = {};
    if (known.extra.retryAfterSeconds !== undefined) headers["Retry-After"] = String(known.extra.retryAfterSeconds);
    return {
      status: known.status,
      headers,
      body: {
        error: {
          code: known.code,
          message: known.message,
          ...(known.extra.issues ? { issues: known.extra.issues } : {}),
          ...(known.extra.details ? { details: known.extra.details } : {}),
        },
      },
    };
  }
  const reference = randomUUID().slice(0, 8);
  console.error(`[constancia] unexpected error (ref ${reference})`, error);
  return {
    status: 500,
    headers: {},
    body: { error: { code: "internal", message: `Something went wrong on our side (ref ${reference}).` } },
  };
}

/** Database constraint errors that are really the caller's conflict, turned into AppErrors in one place. */
function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return errors.invalidInput("Invalid input.", toFieldIssues(error));
  // The client went away while sending its body: its problem, not a server fault to log.
  if ((error as { code?: unknown } | null)?.code === "ECONNRESET") {
    return errors.invalidInput("The request was interrupted before its body arrived.");
  }
  const prismaCode = (error as { code?: unknown; name?: unknown } | null)?.code;
  if ((error as { name?: unknown } | null)?.name === "PrismaClientKnownRequestError" && typeof prismaCode === "string") {
    if (prismaCode === "P2002") return errors.conflict("A record with the same unique value already exists.");
    if (prismaCode === "P2025") return errors.notFound();
    if (prismaCode === "P2003") return errors.conflict("The record refers to something that does not exist.");
  }
  return null;
}
