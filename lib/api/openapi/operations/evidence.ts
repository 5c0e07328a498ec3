import { z } from "zod";
import { ACCEPTED_CONTENT_TYPES } from "../../../evidence/types.ts";
import {
  addedEvidenceResponseSchema,
  addEvidenceJsonSchema,
  addEvidenceMultipartSchema,
  evidenceListResponseSchema,
  evidenceReleaseParamsSchema,
  fileParamsSchema,
} from "../../../evidence/schema.ts";
import type { Operation } from "../registry.ts";

// 413 and 415 are answered by these handlers but said in the descriptions: the
// registry's error list follows what route() answers (413 only for a `body`).
const SIZE_AND_TYPE =
  "A file larger than `CONSTANCIA_MAX_UPLOAD_BYTES` (default 25 MB), or a body larger than that plus 64 KB, " +
  "is refused with **413** (`too_large`, `details.limitBytes`). A body that is neither JSON nor a form, or a file " +
  "of a type not accepted, is refused with **415** (`unsupported_media_type`, `details.accepted`).";

export const evidenceOperations: readonly Operation[] = [
  {
    operationId: "addEvidence",
    method: "POST",
    path: "/api/v1/releases/{id}/evidence",
    summary: "Add evidence to a release",
    description:
      "A link as JSON (`url` is then required), or a form (`multipart/form-data`) with the same fields as text " +
      "parts and at most one file part named `file` (then `url` is optional). The file's type is read from its " +
      "bytes, not its name: photos (JPEG, PNG, WebP, GIF, HEIC/HEIF, AVIF) are stored re-encoded without their " +
      "metadata (GPS, camera; HEIC/HEIF/AVIF as JPEG), PDF, audio (MP3, M4A/AAC, OGG/Opus, WAV) and video " +
      "(MP4, MOV, WebM, 3GP) as sent — their metadata is not removed. Files are stored once per content: the " +
      `answer's \`sha256\` names the stored copy. Evidence is private unless \`public\` is true. ${SIZE_AND_TYPE}`,
    tags: ["Evidence"],
    access: "evidence.create",
    params: evidenceReleaseParamsSchema,
    handlerJsonBody: addEvidenceJsonSchema,
    multipartBody: addEvidenceMultipartSchema,
    bodyExample: {
      kind: "press_report",
      url: "https://example.org/noticias/2026/01/12/excarcelaciones",
      description: "Nota de prensa que nombra a la persona entre los excarcelados del 12 de enero.",
      obtainedOn: "2026-01-12",
      public: true,
    },
    responses: { 201: { description: "The evidence was added.", schema: addedEvidenceResponseSchema } },
    errors: {
      400: "A JSON body without `url`, or a form with neither `url` nor a file (`invalid_input`).",
      404: "No such release, or it (or its person) was deleted or merged (`not_found`).",
      422: "The photo cannot be decoded: damaged or incomplete (`unprocessable`, `details.reason` `damaged_image`).",
    },
  },
  {
    operationId: "listEvidence",
    method: "GET",
    path: "/api/v1/releases/{id}/evidence",
    summary: "List a release's evidence",
    description:
      "Every piece of evidence of the release that is not deleted, public or not, oldest first, with who added " +
      "it and the stored file (fetch it at `file.href`).",
    tags: ["Evidence"],
    access: "evidence.view_private",
    params: evidenceReleaseParamsSchema,
    responses: { 200: { description: "The release's evidence.", schema: evidenceListResponseSchema } },
    errors: { 404: "No such release, or it was deleted (`not_found`)." },
  },
  {
    operationId: "getFile",
    method: "GET",
    path: "/api/v1/files/{sha256}",
    summary: "Fetch a stored evidence file",
    description:
      "The bytes of an evidence file, with its stored type. The public may fetch the files of public evidence " +
      "(of a release neither deleted, rejected nor retracted, of a person not withheld); signed-in users the " +
      "file of any evidence; moderators and admins also the files sent with tips (never public). Photos, audio and video are sent `inline`, PDFs as `attachment`; every file is " +
      "sent with `X-Content-Type-Options: nosniff` and a sandboxing `Content-Security-Policy`.",
    tags: ["Evidence"],
    access: "public",
    params: fileParamsSchema,
    responses: {
      200: {
        description: "The file.",
        schema: z.string().meta({ format: "binary", contentMediaType: "application/octet-stream" }),
        mediaTypes: ACCEPTED_CONTENT_TYPES,
        headers: {
          "Content-Disposition": { description: "`inline` for photos, audio and video, `attachment` otherwise, with the file name." },
          "Cache-Control": { description: "`public, max-age=3600` for a public file, `private, no-store` otherwise." },
          "X-Content-Type-Options": { description: "The browser must not guess another type.", value: "nosniff" },
          "Content-Security-Policy": {
            description: "A file can never run anything in this origin.",
            value: "default-src 'none'; sandbox",
          },
        },
      },
    },
    errors: {
      404:
        "No such file, or the caller may not see it (`not_found` in every case, so that hashes of private files " +
        "cannot be probed).",
    },
  },
];
