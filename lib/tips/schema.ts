import { z } from "zod";
import { countLinks, MAX_TIP_LINKS } from "./links.ts";

/*
 * Tips: "I have information about this person", from anyone, read by
 * moderators only and never published.
 *
 * POST /api/v1/persons/{id}/tips (public) takes JSON or a form
 * (multipart/form-data, with at most one file part named "file") with:
 *   text       what the person knows (MIN_TIP_TEXT…MAX_TIP_TEXT characters, at most MAX_TIP_LINKS links)
 *   contact    optional: how moderators may reach them (at most MAX_TIP_CONTACT characters)
 *   formToken  from the form (the public page renders one; API clients ask
 *              GET /api/v1/persons/{id}/tips/form-token), sent at least a few
 *              seconds and at most two hours after it was issued, once
 *   website    the honeypot: a field people never see and leave empty
 * The same schema parses both bodies (a form's fields are strings too).
 * Client-safe: the form checks its fields with it before sending.
 */
export const MIN_TIP_TEXT = 10;
export const MAX_TIP_TEXT = 5000;
export const MAX_TIP_CONTACT = 300;
export const HONEYPOT_FIELD = "website";

/** The messages of the text and contact checks: the form maps them back to its own words (components/tips/tip-problems.ts). */
export const TIP_MESSAGES = {
  textRequired: "Write what you know.",
  textTooShort: `Write at least ${MIN_TIP_TEXT} characters.`,
  textTooLong: `The text may have at most ${MAX_TIP_TEXT} characters.`,
  tooManyLinks: `The text may contain at most ${MAX_TIP_LINKS} links.`,
  notText: "The text contains characters that are not text.",
  contactTooLong: `The contact may have at most ${MAX_TIP_CONTACT} characters.`,
  formTokenRequired: "Send the form token (GET /api/v1/persons/{id}/tips/form-token).",
} as const;

// Control characters (NUL included, which PostgreSQL text refuses) other than tab and line breaks.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const isText = (value: string) => !CONTROL.test(value);

const textSchema = z
  .string({ error: TIP_MESSAGES.textRequired })
  .trim()
  .min(1, { error: TIP_MESSAGES.textRequired })
  .min(MIN_TIP_TEXT, { error: TIP_MESSAGES.textTooShort })
  .max(MAX_TIP_TEXT, { error: TIP_MESSAGES.textTooLong })
  .refine(isText, { error: TIP_MESSAGES.notText })
  .refine((text) => countLinks(text) <= MAX_TIP_LINKS, { error: TIP_MESSAGES.tooManyLinks })
  .meta({
    description: `What the sender knows about the person (${MIN_TIP_TEXT} to ${MAX_TIP_TEXT} characters, at most ${MAX_TIP_LINKS} links).`,
  });

const contactSchema = z
  .string()
  .trim()
  .max(MAX_TIP_CONTACT, { error: TIP_MESSAGES.contactTooLong })
  .refine(isText, { error: TIP_MESSAGES.notText })
  .meta({ description: "Optional: a phone number or an e-mail address where moderators may reach the sender. Empty means none." });

const formTokenSchema = z
  .string({ error: TIP_MESSAGES.formTokenRequired })
  .min(1, { error: TIP_MESSAGES.formTokenRequired })
  .max(400, { error: "The form token is not valid." })
  .meta({
    description:
      "The token of the form: rendered in the public page's form, or from GET /api/v1/persons/{id}/tips/form-token. " +
      "Valid for this person only, from a few seconds after it was issued until two hours after, once.",
  });

const honeypotSchema = z
  .string()
  .max(2000)
  .meta({ description: "Leave it out or empty. People never see this field; a value marks the sender as a bot." });

/** The body of POST /api/v1/persons/{id}/tips, as JSON or as the text parts of a form. */
export const createTipSchema = z.strictObject({
  text: textSchema,
  contact: contactSchema.optional(),
  formToken: formTokenSchema,
  [HONEYPOT_FIELD]: honeypotSchema.optional(),
});
export type CreateTipInput = z.output<typeof createTipSchema>;

/** The form as published in the OpenAPI document: the same fields plus the file part. */
export const createTipMultipartSchema = createTipSchema.extend({
  file: z
    .string()
    .meta({
      format: "binary",
      contentMediaType: "application/octet-stream",
      description:
        "Optional, at most one part named `file`: a photo (JPEG, PNG, WebP, GIF, HEIC/HEIF, AVIF; stored without its " +
        "metadata), a PDF, audio (MP3, M4A/AAC, OGG/Opus, WAV) or video (MP4, MOV, WebM, 3GP); the type is read from " +
        "the bytes.",
    })
    .optional(),
});

/** The fields the form checks in the browser before sending (the token and honeypot are the server's business). */
export const tipFieldsSchema = createTipSchema.pick({ text: true, contact: true });

export const createdTipResponseSchema = z.strictObject({
  id: z.uuid().meta({ description: "The tip's id (for the sender's reference; the tip itself is never shown publicly)." }),
});

export const tipFormTokenResponseSchema = z.strictObject({
  token: z.string().meta({ description: "Send it as `formToken` with the tip." }),
  notBefore: z.iso.datetime().meta({ description: "The tip is refused if sent before this instant (a form filled by a person takes longer)." }),
  expiresAt: z.iso.datetime().meta({ description: "After this instant, ask for a new token." }),
});

export const TIP_STATUSES = ["pending", "reviewed", "dismissed"] as const;
export const tipStatusSchema = z.enum(TIP_STATUSES, { error: "Status must be pending, reviewed or dismissed." });
export type TipStatusName = (typeof TIP_STATUSES)[number];

/** Tips per page, on the moderators' page and by default in the API. */
export const TIP_PAGE_SIZE = 20;

/** GET /api/v1/tips: one status at a time, newest first. */
export const tipListQuerySchema = z.strictObject({
  status: tipStatusSchema.default("pending").meta({ description: "Which tips: pending (default), reviewed or dismissed." }),
  personId: z.uuid({ error: "Not a valid person id." }).optional().meta({ description: "Only the tips about this person." }),
  cursor: z.string().max(200).optional().meta({ description: "Opaque cursor from the previous page's `nextCursor`." }),
  limit: z
    .union([z.int(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.int().min(1).max(100))
    .default(TIP_PAGE_SIZE),
});
export type TipListQuery = z.output<typeof tipListQuerySchema>;

export const tipIdParamsSchema = z.strictObject({
  id: z.uuid({ error: "Not a valid tip id." }).meta({ description: "The tip's id." }),
});

/** PATCH /api/v1/tips/{id}: a moderator has read it and dealt with it, or set it aside. */
export const updateTipSchema = z.strictObject({
  status: z.enum(["reviewed", "dismissed"], { error: "Status must be reviewed or dismissed." }),
});
export type UpdateTipInput = z.output<typeof updateTipSchema>;

export const tipItemSchema = z.strictObject({
  id: z.uuid(),
  status: tipStatusSchema,
  text: z.string(),
  contact: z.string().nullable(),
  createdAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewedBy: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  person: z
    .strictObject({ id: z.uuid(), name: z.string().meta({ description: "The full name on record (moderators see every name)." }) })
    .nullable(),
  file: z
    .strictObject({
      sha256: z.string(),
      size: z.int(),
      contentType: z.string(),
      href: z.string().meta({ description: "Where moderators fetch it: /api/v1/files/{sha256} (never public)." }),
    })
    .nullable(),
});
export type TipItem = z.output<typeof tipItemSchema>;

export const tipPageSchema = z.strictObject({
  tips: z.array(tipItemSchema),
  nextCursor: z.string().nullable().meta({ description: "Pass it as `cursor` for the next page; null on the last one." }),
});
export type TipPage = z.output<typeof tipPageSchema>;
