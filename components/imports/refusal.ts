import type { ActionResult } from "@/lib/api/action.ts";

/** The key of `imports.refusal` that says why a file or an action was refused. */
export type RefusalKey =
  | "empty"
  | "only_header"
  | "binary"
  | "unreadable"
  | "too_many_rows"
  | "zip_bomb"
  | "no_sheet"
  | "unknown_sheet"
  | "no_known_columns"
  | "duplicate_headers"
  | "missing_columns"
  | "too_large"
  | "invalid_input"
  | "network"
  | "forbidden"
  | "unauthenticated"
  | "not_found"
  | "internal";

const REASONS: readonly string[] = [
  "empty",
  "only_header",
  "binary",
  "unreadable",
  "too_many_rows",
  "zip_bomb",
  "no_sheet",
  "unknown_sheet",
  "no_known_columns",
  "duplicate_headers",
  "missing_columns",
];
const CODES: readonly string[] = ["too_large", "invalid_input", "forbidden", "unauthenticated", "not_found"];

/** Why a file or an action was refused: the file's `details.reason` (read.ts, mutations.ts), else the error's code. */
export function refusalOf(result: ActionResult<unknown> | null, thrown?: unknown): RefusalKey {
  if (thrown !== undefined) return "network";
  if (!result || result.ok) return "internal";
  const reason = result.error.details?.reason;
  if (typeof reason === "string" && REASONS.includes(reason)) return reason as RefusalKey;
  if (CODES.includes(result.error.code)) return result.error.code as RefusalKey;
  return "internal";
}
