import { z } from "zod";

/*
 * POST /api/v1/releases/{id}/evidence (volunteer+) accepts either
 *   - JSON (application/json): {"kind", "url", "description", "obtainedOn"?, "public"?}
 *     — a JSON call must carry a `url` (it has no file);
 *   - a form (multipart/form-data): the same fields as text parts ("public" is
 *     "true", "false" or "on"; empty `url`/`obtainedOn` count as absent) and at
 *     most one file part named "file". It needs a `url` or a file, or both.
 * Files: at most CONSTANCIA_MAX_UPLOAD_BYTES (default 25 MB; env.maxUploadBytes()).
 * Their type is read from the bytes, never from the name or the declared type:
 *   photos  JPEG, PNG, WebP, GIF, HEIC/HEIF and AVIF — re-encoded without metadata
 *           (GPS, camera, EXIF), HEIC/HEIF/AVIF as JPEG;
 *   PDF;
 *   audio   MP3, M4A/AAC, OGG (Opus: WhatsApp voice notes), WAV;
 *   video   MP4, MOV, WebM, 3GP — PDF, audio and video stored as sent.
 * (The table of types is lib/evidence/types.ts; `UPLOAD_ACCEPT` there is for <input accept>.)
 * Answers 201 {"id", "sha256"?}. Errors a form shows (message keys of the `evidence` namespace):
 *   413 too_large (details.limitBytes) → errors.tooLarge {limitMb}
 *   415 unsupported_media_type (details.reason "type" or "heic") → errors.unsupportedType / errors.heicNotReadable
 *   422 unprocessable (details.reason "damaged_image") → errors.damagedImage
 *   400 invalid_input, issues on `url` (errors.urlOrFile / errors.urlInvalid),
 *       `description` (errors.descriptionRequired / errors.descriptionTooLong {max}),
 *       `obtainedOn` (errors.obtainedOnFuture); an empty file → errors.fileEmpty
 * Labels: kinds.<kind>; hints: acceptedTypes {limitMb}, metadataNote.
 */

export const EVIDENCE_KINDS = [
  "family_testimony",
  "lawyer_confirmation",
  "photo_video",
  "court_document",
  "press_report",
  "official_list",
  "ngo_list",
  "social_media",
  "other",
] as const;
export type EvidenceKindName = (typeof EVIDENCE_KINDS)[number];

export const MAX_URL_LENGTH = 2000;
export const MAX_DESCRIPTION_LENGTH = 2000;

export const evidenceKindSchema = z.enum(EVIDENCE_KINDS, {
  error: `Kind must be one of ${EVIDENCE_KINDS.join(", ")}.`,
});

export const URL_OR_FILE_MESSAGE = "Give a url (a link to the evidence), or send the file as multipart/form-data.";

const urlSchema = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH, { error: `The url must have at most ${MAX_URL_LENGTH} characters.` })
  .pipe(z.url({ protocol: /^https?$/, error: "The url must be a web address starting with http:// or https://." }))
  .meta({ description: "A link to the evidence (http or https)." });

const descriptionSchema = z
  .string({ error: "Describe the evidence." })
  .trim()
  .min(1, { error: "Describe the evidence." })
  .max(MAX_DESCRIPTION_LENGTH, { error: `The description must have at most ${MAX_DESCRIPTION_LENGTH} characters.` })
  .meta({ description: "What the evidence shows, and where it comes from." });

/** Today's calendar day in Caracas, where Constancia's users are: "YYYY-MM-DD". */
export function caracasToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Caracas",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

const obtainedOnSchema = z
  .iso.date({ error: "Give the date as YYYY-MM-DD." })
  .refine((day) => day <= caracasToday(), { error: "The date when the evidence was obtained cannot be in the future." })
  .meta({ description: "When the evidence was obtained (YYYY-MM-DD, not in the future)." });

const kindField = evidenceKindSchema.meta({ description: "What kind of evidence this is." });

/** JSON body: a link. (A file comes as multipart/form-data.) */
export const addEvidenceJsonSchema = z
  .strictObject({
    kind: kindField,
    url: urlSchema.optional(),
    description: descriptionSchema,
    obtainedOn: obtainedOnSchema.optional(),
    public: z.boolean().default(false).meta({ description: "Whether the public may see it (default: no)." }),
  })
  .refine((input) => input.url !== undefined, { error: URL_OR_FILE_MESSAGE, path: ["url"] });

/** The same fields as text parts of a form: empty optional fields count as absent. */
const blankAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const addEvidenceFormSchema = z.strictObject({
  kind: kindField,
  url: z.preprocess(blankAsAbsent, urlSchema.optional()),
  description: descriptionSchema,
  obtainedOn: z.preprocess(blankAsAbsent, obtainedOnSchema.optional()),
  public: z
    .enum(["true", "false", "on"], { error: 'public must be "true", "false" or "on".' })
    .optional()
    .transform((value) => value === "true" || value === "on")
    .meta({ description: 'Whether the public may see it: "true" or "on" (a checked box) for yes; default no.' }),
});

/** What the endpoint accepts, in either form. */
export type AddEvidenceInput = z.output<typeof addEvidenceJsonSchema>;

/** The form as published in the OpenAPI document: its fields plus the file part. */
export const addEvidenceMultipartSchema = z.strictObject({
  kind: kindField,
  url: urlSchema.optional(),
  description: descriptionSchema,
  obtainedOn: z.iso.date().optional().meta({ description: "When the evidence was obtained (YYYY-MM-DD, not in the future)." }),
  public: z.enum(["true", "false", "on"]).optional().meta({ description: 'Whether the public may see it: "true" or "on" for yes.' }),
  file: z
    .string()
    .meta({
      format: "binary",
      contentMediaType: "application/octet-stream",
      description:
        "The file (at most one part named `file`). Photos (JPEG, PNG, WebP, GIF, HEIC/HEIF, AVIF; stored without " +
        "their metadata), PDF, audio (MP3, M4A/AAC, OGG/Opus, WAV) or video (MP4, MOV, WebM, 3GP); the type is read " +
        "from the bytes. Without a file, `url` is required.",
    })
    .optional(),
});

export const evidenceReleaseParamsSchema = z.strictObject({
  id: z.uuid({ error: "Not a valid release id." }).meta({ description: "The release's id." }),
});

export const fileParamsSchema = z.strictObject({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: "Not a valid file hash (64 lower-case hexadecimal digits)." })
    .meta({ description: "The SHA-256 of the stored file, in lower-case hexadecimal." }),
});

export const addedEvidenceResponseSchema = z.strictObject({
  id: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional().meta({
    description: "The SHA-256 of the stored file (for images, of the copy without metadata), when a file was sent.",
  }),
});

export const evidenceItemSchema = z.strictObject({
  id: z.uuid(),
  kind: evidenceKindSchema,
  url: z.string().nullable(),
  description: z.string(),
  obtainedOn: z.iso.date().nullable(),
  public: z.boolean(),
  createdAt: z.iso.datetime(),
  addedBy: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  file: z
    .strictObject({
      sha256: z.string(),
      size: z.int(),
      contentType: z.string(),
      fileName: z.string().nullable(),
      href: z.string().meta({ description: "Where to fetch it: /api/v1/files/{sha256}." }),
    })
    .nullable(),
});

export const evidenceListResponseSchema = z.strictObject({ evidence: z.array(evidenceItemSchema) });
