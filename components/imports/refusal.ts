import type { ActionResult } from "@/lib/api/action.ts";
import { FILE_REFUSALS, type FileRefusal } from "@/lib/imports/limits.ts";

/** The key of `imports.refusal` that says why a file or an action was refused. */
export type RefusalKey = FileRefusal | "too_large" | "invalid_input" | "network" | "forbidden" | "unauthenticated" | "not_found" | "internal";

const CODES: readonly string[] = ["too_large", "invalid_input", "forbidden", "unauthenticated", "not_found"];

/** Why a file or an action was refused: the file's `details.reason` (read.ts, mutations.ts), else the error's code. */
export function refusalOf(result: ActionResult<unknown> | null, thrown?: unknown): RefusalKey {
  if (thrown !== undefined) return "network";
  if (!result || result.ok) return "internal";
  const reason = result.error.details?.reason;
  if (typeof reason === "string" && (FILE_REFUSALS as readonly string[]).includes(reason)) return reason as RefusalKey;
  if (CODES.includes(result.error.code)) return result.error.code as RefusalKey;
  return "internal";
}
