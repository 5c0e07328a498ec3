/**
 * The errors a request can end in, each with the status and code of the
 * API.md error shape `{"error": {"code", "message"}}`. Domain code throws
 * these; the one wrapper in lib/api turns them into responses. Anything else
 * thrown is a bug and becomes a 500 whose details stay in the server log.
 */
export type ErrorCode =
  | "invalid_json"
  | "invalid_input"
  | "unauthenticated"
  | "invalid_token"
  | "forbidden"
  | "second_factor_required"
  | "not_found"
  | "conflict"
  | "stale_version"
  | "too_large"
  | "unprocessable"
  | "rate_limited"
  | "unsupported_media_type"
  | "internal";

/** The HTTP status of each error code (also what the OpenAPI document lists per status). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  invalid_input: 400,
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  second_factor_required: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: FieldIssue[]; retryAfterSeconds?: number; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const errors = {
  invalidInput: (message: string, issues?: FieldIssue[]) => new AppError("invalid_input", message, { issues }),
  unauthenticated: () => new AppError("unauthenticated", "Sign in or send an API token (Authorization: Bearer …)."),
  invalidToken: () => new AppError("invalid_token", "The API token is unknown, revoked or expired."),
  forbidden: (message = "You are not allowed to do this.") => new AppError("forbidden", message),
  secondFactorRequired: () =>
    new AppError("second_factor_required", "Set up your second factor (authenticator app) in your account first."),
  notFound: (what = "Resource") => new AppError("not_found", `${what} not found.`),
  conflict: (message: string, details?: Record<string, unknown>) => new AppError("conflict", message, { details }),
  staleVersion: (details?: Record<string, unknown>) =>
    new AppError("stale_version", "Someone else changed this record since you opened it.", { details }),
  tooLarge: (limitBytes: number) => new AppError("too_large", `The request is larger than ${limitBytes} bytes.`),
  unprocessable: (message: string) => new AppError("unprocessable", message),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError("rate_limited", "Too many requests; try again later.", { retryAfterSeconds }),
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
