import type { UploadResult } from "./upload.ts";

/**
 * What went wrong with a piece of evidence, as a message key to show next to
 * the field concerned. Keys under `evidence.errors` come from the evidence
 * namespace; the others (connection, cancelled, other) from `record.upload`.
 */
export type EvidenceErrorKey =
  | "tooLarge"
  | "unsupportedType"
  | "heicNotReadable"
  | "damagedImage"
  | "urlOrFile"
  | "urlInvalid"
  | "descriptionRequired"
  | "descriptionTooLong"
  | "obtainedOnFuture"
  | "fileEmpty";
export type UploadErrorKey = "connectionLost" | "cancelled" | "refused" | "notAllowed" | "releaseGone";

export type EvidenceField = "file" | "url" | "description" | "kind" | null;

export type EvidenceProblem =
  | { namespace: "evidence"; key: EvidenceErrorKey; field: EvidenceField; values?: Record<string, number> }
  | { namespace: "record"; key: UploadErrorKey; field: null; retry: boolean };

export const MEGABYTE = 1024 * 1024;
export const limitInMegabytes = (limitBytes: number) => Math.max(1, Math.floor(limitBytes / MEGABYTE));

const MAX_DESCRIPTION = 2000;

/** Checks made before sending anything (a bad connection should not carry a file the server will refuse). */
export function checkEvidenceBeforeUpload(
  input: { description: string; url: string; file: { size: number } | null },
  limitBytes: number,
): EvidenceProblem | null {
  if (input.file && input.file.size === 0) return { namespace: "evidence", key: "fileEmpty", field: "file" };
  if (input.file && input.file.size > limitBytes) {
    return { namespace: "evidence", key: "tooLarge", field: "file", values: { limitMb: limitInMegabytes(limitBytes) } };
  }
  if (!input.file && input.url.trim() === "") return { namespace: "evidence", key: "urlOrFile", field: "url" };
  if (input.url.trim() !== "" && !/^https?:\/\/\S+$/i.test(input.url.trim())) {
    return { namespace: "evidence", key: "urlInvalid", field: "url" };
  }
  if (input.description.trim() === "") return { namespace: "evidence", key: "descriptionRequired", field: "description" };
  if (input.description.trim().length > MAX_DESCRIPTION) {
    return { namespace: "evidence", key: "descriptionTooLong", field: "description", values: { max: MAX_DESCRIPTION } };
  }
  return null;
}

/** A failed upload → what to tell the person, and whether retrying as is may help. */
export function evidenceProblem(result: Exclude<UploadResult, { ok: true }>, limitBytes: number): EvidenceProblem {
  if (result.kind === "network") return { namespace: "record", key: "connectionLost", field: null, retry: true };
  if (result.kind === "aborted") return { namespace: "record", key: "cancelled", field: null, retry: true };
  const { error } = result;
  const reason = error.details?.reason;
  switch (error.code) {
    case "too_large": {
      const limit = typeof error.details?.limitBytes === "number" ? error.details.limitBytes : limitBytes;
      return { namespace: "evidence", key: "tooLarge", field: "file", values: { limitMb: limitInMegabytes(limit) } };
    }
    case "unsupported_media_type":
      return { namespace: "evidence", key: reason === "heic" ? "heicNotReadable" : "unsupportedType", field: "file" };
    case "unprocessable":
      if (reason === "damaged_image") return { namespace: "evidence", key: "damagedImage", field: "file" };
      break;
    case "invalid_input": {
      for (const issue of error.issues ?? []) {
        const field = issue.path.split(".")[0];
        if (field === "url") {
          const missing = /give a url|send the file/i.test(issue.message);
          return { namespace: "evidence", key: missing ? "urlOrFile" : "urlInvalid", field: "url" };
        }
        if (field === "description") {
          return /at most/i.test(issue.message)
            ? { namespace: "evidence", key: "descriptionTooLong", field: "description", values: { max: MAX_DESCRIPTION } }
            : { namespace: "evidence", key: "descriptionRequired", field: "description" };
        }
        if (field === "obtainedOn") return { namespace: "evidence", key: "obtainedOnFuture", field: null };
        if (field === "kind") return { namespace: "record", key: "refused", field: null, retry: false };
      }
      break;
    }
    case "unauthenticated":
    case "forbidden":
    case "second_factor_required":
      return { namespace: "record", key: "notAllowed", field: null, retry: false };
    case "not_found":
      return { namespace: "record", key: "releaseGone", field: null, retry: false };
    case "internal":
    case "rate_limited":
      return { namespace: "record", key: "connectionLost", field: null, retry: true };
  }
  return { namespace: "record", key: "refused", field: null, retry: false };
}
