import type { UploadResult } from "../record/upload.ts";
import { MAX_TIP_LINKS } from "../../lib/tips/links.ts";
import { MAX_TIP_CONTACT, MAX_TIP_TEXT, MIN_TIP_TEXT, TIP_MESSAGES, tipFieldsSchema } from "../../lib/tips/schema.ts";

/**
 * What went wrong with a tip, as a key of the `tips.problems` messages, the
 * field it is about (said next to it), and what the form should do: fetch a
 * new form token (`renew`) or let the person send again as is (`retry`).
 * Pure, so that it is tested without a browser.
 */
export type TipProblemKey =
  | "textRequired"
  | "textTooShort"
  | "textTooLong"
  | "tooManyLinks"
  | "notText"
  | "contactTooLong"
  | "fileEmpty"
  | "fileTooLarge"
  | "fileType"
  | "heicNotReadable"
  | "damagedImage"
  | "tooFast"
  | "expired"
  | "used"
  | "tokenInvalid"
  | "rateLimited"
  | "personGone"
  | "connectionLost"
  | "cancelled"
  | "failed";

export type TipField = "text" | "contact" | "file";

export interface TipProblem {
  key: TipProblemKey;
  field: TipField | null;
  values?: Record<string, number>;
  /** The form token must be replaced before sending again. */
  renew?: boolean;
}

const MEGABYTE = 1024 * 1024;
const megabytes = (bytes: number) => Math.max(1, Math.floor(bytes / MEGABYTE));

/** The numbers each message may use (ICU arguments). */
export const PROBLEM_VALUES = { min: MIN_TIP_TEXT, max: MAX_TIP_TEXT, links: MAX_TIP_LINKS, contactMax: MAX_TIP_CONTACT } as const;

/** A schema message (lib/tips/schema.ts TIP_MESSAGES) → its key, for the server's answers and the form's own check. */
const BY_MESSAGE: Record<string, TipProblemKey> = {
  [TIP_MESSAGES.textRequired]: "textRequired",
  [TIP_MESSAGES.textTooShort]: "textTooShort",
  [TIP_MESSAGES.textTooLong]: "textTooLong",
  [TIP_MESSAGES.tooManyLinks]: "tooManyLinks",
  [TIP_MESSAGES.notText]: "notText",
  [TIP_MESSAGES.contactTooLong]: "contactTooLong",
};

function fieldIssue(issues: readonly { path: string; message: string }[]): TipProblem | null {
  for (const issue of issues) {
    const field = issue.path.split(".")[0];
    if (field === "text") return { key: BY_MESSAGE[issue.message] ?? "textRequired", field: "text" };
    if (field === "contact") return { key: BY_MESSAGE[issue.message] ?? "contactTooLong", field: "contact" };
    if (field === "formToken") return { key: "tokenInvalid", field: null, renew: true };
  }
  return null;
}

/** Checks made before sending (with the server's own schema): a bad connection should not carry a tip the server refuses. */
export function checkTipBeforeSending(input: { text: string; contact: string; file: { size: number } | null }, limitBytes: number): TipProblem | null {
  const parsed = tipFieldsSchema.safeParse({ text: input.text, contact: input.contact });
  if (!parsed.success) {
    const problem = fieldIssue(parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })));
    if (problem) return problem;
  }
  if (input.file && input.file.size === 0) return { key: "fileEmpty", field: "file" };
  if (input.file && input.file.size > limitBytes) return { key: "fileTooLarge", field: "file", values: { limitMb: megabytes(limitBytes) } };
  return null;
}

/** A refused or failed send → what to tell the person and what the form does next. */
export function tipProblemOf(result: Exclude<UploadResult, { ok: true }>, limitBytes: number): TipProblem {
  if (result.kind === "network") return { key: "connectionLost", field: null };
  if (result.kind === "aborted") return { key: "cancelled", field: null };
  const { error } = result;
  const reason = error.details?.reason;
  switch (error.code) {
    case "too_large": {
      const limit = typeof error.details?.limitBytes === "number" ? error.details.limitBytes : limitBytes;
      return { key: "fileTooLarge", field: "file", values: { limitMb: megabytes(limit) } };
    }
    case "unsupported_media_type":
      return { key: reason === "heic" ? "heicNotReadable" : "fileType", field: "file" };
    case "unprocessable":
      if (reason === "form_too_fast") {
        const wait = typeof error.details?.waitSeconds === "number" ? error.details.waitSeconds : 3;
        return { key: "tooFast", field: null, values: { seconds: wait } };
      }
      if (reason === "form_expired") return { key: "expired", field: null, renew: true };
      if (reason === "damaged_image") return { key: "damagedImage", field: "file" };
      break;
    case "conflict":
      if (reason === "form_used") return { key: "used", field: null, renew: true };
      break;
    case "invalid_input":
      if (reason === "form_token_invalid") return { key: "tokenInvalid", field: null, renew: true };
      return fieldIssue(error.issues ?? []) ?? { key: "failed", field: null };
    case "rate_limited": {
      const seconds = typeof error.details?.retryAfterSeconds === "number" ? error.details.retryAfterSeconds : 3600;
      return { key: "rateLimited", field: null, values: { minutes: Math.max(1, Math.ceil(seconds / 60)) } };
    }
    case "not_found":
      return { key: "personGone", field: null };
  }
  return { key: "failed", field: null };
}
