import { personIdParamsSchema } from "../../../persons/schema.ts";
import {
  createdTipResponseSchema,
  createTipMultipartSchema,
  createTipSchema,
  tipFormTokenResponseSchema,
  tipIdParamsSchema,
  tipItemSchema,
  tipListQuerySchema,
  tipPageSchema,
  updateTipSchema,
} from "../../../tips/schema.ts";
import { TIP_FORM_TOKEN_RATE_LIMIT, TIP_PER_PERSON_LIMIT, TIP_POST_RATE_LIMIT } from "../../../tips/spam-guard.ts";
import type { Operation } from "../registry.ts";

// 413 and 415 are answered by the handler but said in the description: the
// registry's error list follows what route() answers (413 only for a `body`).
const SIZE_AND_TYPE =
  "A file larger than `CONSTANCIA_MAX_UPLOAD_BYTES` (default 25 MB) is refused with **413** (`too_large`, " +
  "`details.limitBytes`); a body that is neither JSON nor a form, or a file of a type not accepted (an executable, " +
  "an archive, whatever its name), with **415** (`unsupported_media_type`, `details.accepted`). Nothing is stored then.";

export const tipOperations: readonly Operation[] = [
  {
    operationId: "getTipFormToken",
    method: "GET",
    path: "/api/v1/persons/{id}/tips/form-token",
    summary: "Get a form token to send a tip",
    description:
      "What the tip form on the public person page carries, for API clients: a signed token for this person, " +
      "to send as `formToken` with the tip no sooner than `notBefore` (a few seconds: people take longer to " +
      "write) and no later than `expiresAt` (two hours), once. Ask for a new one for each tip. Never cached.",
    tags: ["Tips"],
    access: "public",
    authenticate: false,
    params: personIdParamsSchema,
    rateLimit: TIP_FORM_TOKEN_RATE_LIMIT,
    responses: {
      200: {
        description: "A fresh token.",
        schema: tipFormTokenResponseSchema,
        headers: { "Cache-Control": { description: "Never cached.", value: "no-store" } },
      },
    },
    errors: { 404: "The public may not see this person: unknown, withheld, deleted or merged (`not_found`)." },
  },
  {
    operationId: "sendTip",
    method: "POST",
    path: "/api/v1/persons/{id}/tips",
    summary: "Send a tip about a person",
    description:
      "\"I have information about this person\": anyone may send what they know (`text`), how to reach them " +
      "(`contact`, optional) and one file (optional). The tip lands as `pending` for moderators and is never shown " +
      "publicly — not on the person's page, not in this API's public answers, not in search. Send JSON, or a form " +
      "(`multipart/form-data`) with the same fields as text parts and at most one file part named `file`. The file " +
      "is checked like evidence: its type is read from its bytes; photos are stored re-encoded without their " +
      "metadata (GPS, camera); only moderators may fetch it. " +
      "\n\nThe spam guard needs no third-party service: `formToken` comes from " +
      "`GET /api/v1/persons/{id}/tips/form-token` (or the page's form) and must be sent between its `notBefore` and " +
      "`expiresAt`, once; the text may contain at most 2 links; `website` is a field people never see, and a request " +
      "that fills it is answered like a success but nothing is stored. " +
      `Each client may send ${TIP_POST_RATE_LIMIT.limit} requests an hour, and at most ${TIP_PER_PERSON_LIMIT.limit} ` +
      `tips an hour may be written about one person (**429** with \`Retry-After\`). ${SIZE_AND_TYPE}`,
    tags: ["Tips"],
    access: "public",
    authenticate: false,
    params: personIdParamsSchema,
    handlerJsonBody: createTipSchema,
    multipartBody: createTipMultipartSchema,
    rateLimit: TIP_POST_RATE_LIMIT,
    bodyExample: {
      text: "Lo vi salir del Rodeo I el 12 de enero por la tarde; su hermana lo esperaba afuera.",
      contact: "0414-555.01.23",
      formToken: "dDF8MDE5MGYwYTAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAxfDE3Njg…",
    },
    responses: { 201: { description: "The tip was received and waits for a moderator.", schema: createdTipResponseSchema } },
    errors: {
      400:
        "The text is too short, too long or has more than 2 links, or the form token is not valid for this person " +
        "(`invalid_input`; `details.reason` `form_token_invalid` for the token).",
      404: "The public may not see this person: unknown, withheld, deleted or merged (`not_found`).",
      409: "This form token was already used (`conflict`, `details.reason` `form_used`): ask for a new one.",
      422:
        "Sent too soon after the token was issued (`unprocessable`, `details.reason` `form_too_fast`, " +
        "`details.waitSeconds`), or the token expired (`form_expired`); or the photo cannot be decoded " +
        "(`damaged_image`).",
      429: `More than ${TIP_PER_PERSON_LIMIT.limit} tips in an hour about this person (\`rate_limited\`, with \`Retry-After\`).`,
    },
  },
  {
    operationId: "listTips",
    method: "GET",
    path: "/api/v1/tips",
    summary: "List tips",
    description:
      "Tips of one status (`pending` by default), newest first, with the person they are about (full name on " +
      "record), the text, the contact and the file (fetch it at `file.href`). Pages follow `nextCursor`.",
    tags: ["Tips"],
    access: "tip.review",
    query: tipListQuerySchema,
    responses: { 200: { description: "One page of tips.", schema: tipPageSchema } },
  },
  {
    operationId: "reviewTip",
    method: "PATCH",
    path: "/api/v1/tips/{id}",
    summary: "Mark a tip reviewed or dismissed",
    description:
      "`reviewed`: a moderator read it and acted on it; `dismissed`: not useful. Records who and when, with an " +
      "audit event. Marking a tip again the way it already is changes nothing.",
    tags: ["Tips"],
    access: "tip.review",
    params: tipIdParamsSchema,
    body: updateTipSchema,
    bodyExample: { status: "reviewed" },
    responses: { 200: { description: "The tip as it now is.", schema: tipItemSchema } },
    errors: {
      404: "No such tip (`not_found`).",
      409: "Another moderator already marked it the other way (`conflict`, `details.current`).",
    },
  },
];
