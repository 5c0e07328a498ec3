import { z } from "zod";
import { EXAMPLE_ANNOUNCEMENT } from "../../../announcements/openapi-fixtures.ts";
import {
  announcementHistorySchema,
  announcementIdParamsSchema,
  announcementListSchema,
  announcementViewSchema,
  changeAnnouncementStatusSchema,
  createAnnouncementSchema,
  deleteAnnouncementSchema,
  updateAnnouncementSchema,
} from "../../../announcements/schema.ts";
import { tallyQuerySchema, tallyResponseSchema } from "../../../tally/schema.ts";
import type { Operation } from "../registry.ts";

const CLAIM_RULES =
  "`claimed`: `qualifier` exact, at_least, about (with `value`) or range (with `min` ≤ `max`). `covers`: `basis` " +
  "window (`from` and `to`, not ending before it starts), cumulative_since (`from`), single_day or as_of (`date`), " +
  "or unspecified (no dates); no date after `statedOn`, none in the future. `scope`: all, nationals (VE), " +
  "foreigners or `nationality:XX`. A quote without `quoteLang` is taken to be Spanish.";

const archiveFormSchema = z.strictObject({
  version: z.string().regex(/^\d+$/).meta({ description: "The version the announcement was read at." }),
  file: z.string().meta({
    format: "binary",
    contentMediaType: "application/octet-stream",
    description: "The archived copy: a PDF or an image of the page (photos are stored without their metadata).",
  }),
});

export const announcementOperations: readonly Operation[] = [
  {
    operationId: "listAnnouncements",
    method: "GET",
    path: "/api/v1/announcements",
    summary: "List announcements",
    description: "Every claim recorded (not deleted), newest statement first. Claims are public statements: anyone may read them.",
    tags: ["Announcements"],
    access: "public",
    authenticate: false,
    responses: { 200: { description: "The announcements.", schema: announcementListSchema } },
  },
  {
    operationId: "createAnnouncement",
    method: "POST",
    path: "/api/v1/announcements",
    summary: "Record an announcement",
    description: `A claim about releases or detentions, as it was made: who, when, what count, over which releases. ${CLAIM_RULES}`,
    tags: ["Announcements"],
    access: "announcement.manage",
    body: createAnnouncementSchema,
    bodyExample: EXAMPLE_ANNOUNCEMENT,
    responses: { 201: { description: "The announcement recorded (version 1).", schema: announcementViewSchema } },
  },
  {
    operationId: "getAnnouncement",
    method: "GET",
    path: "/api/v1/announcements/{id}",
    summary: "One announcement",
    description: "The claim as recorded now. Its figures against the records are in `GET /api/v1/tally`.",
    tags: ["Announcements"],
    access: "public",
    authenticate: false,
    params: announcementIdParamsSchema,
    responses: { 200: { description: "The announcement.", schema: announcementViewSchema } },
    errors: { 404: "No such announcement, or it was deleted (`not_found`)." },
  },
  {
    operationId: "updateAnnouncement",
    method: "PATCH",
    path: "/api/v1/announcements/{id}",
    summary: "Correct an announcement",
    description:
      `Send the whole claim again with the \`version\` you read and, if you like, a \`reason\`. Each change is kept ` +
      `as a new version (see the history); the tally for an earlier date still reads the version current then. ` +
      `Sending the same claim changes nothing. ${CLAIM_RULES}`,
    tags: ["Announcements"],
    access: "announcement.manage",
    params: announcementIdParamsSchema,
    body: updateAnnouncementSchema,
    bodyExample: { ...EXAMPLE_ANNOUNCEMENT, claimed: { qualifier: "at_least", value: 116 }, version: 1, reason: "La cifra es un mínimo." },
    responses: { 200: { description: "The announcement as corrected.", schema: announcementViewSchema } },
    errors: {
      404: "No such announcement, or it was deleted (`not_found`).",
      409: "Someone changed it since you read it (`stale_version`, `details.currentVersion`).",
    },
  },
  {
    operationId: "deleteAnnouncement",
    method: "DELETE",
    path: "/api/v1/announcements/{id}",
    summary: "Delete an announcement recorded by mistake",
    description:
      "Marks it deleted, with why. It disappears from lists and from tallies from now on; tallies for earlier days " +
      "still show it, as they stood. To say a claim is contested or replaced, change its status instead.",
    tags: ["Announcements"],
    access: "announcement.manage",
    params: announcementIdParamsSchema,
    body: deleteAnnouncementSchema,
    bodyExample: { version: 1, reason: "Registrado dos veces." },
    responses: { 200: { description: "Deleted.", schema: z.strictObject({ id: z.uuid() }) } },
    errors: {
      404: "No such announcement, or it was already deleted (`not_found`).",
      409: "Someone changed it since you read it (`stale_version`).",
    },
  },
  {
    operationId: "changeAnnouncementStatus",
    method: "POST",
    path: "/api/v1/announcements/{id}/status",
    summary: "Mark an announcement disputed, superseded or active",
    description:
      "`disputed`: its figure or base is contested. `superseded`: a later announcement (`supersededById`, made the " +
      "same day or later) replaces it. `active`: neither. Always with a reason; kept as a new version.",
    tags: ["Announcements"],
    access: "announcement.manage",
    params: announcementIdParamsSchema,
    body: changeAnnouncementStatusSchema,
    bodyExample: { status: "disputed", reason: "La oposición dice que la cifra no corresponde a la realidad.", version: 2 },
    responses: { 200: { description: "The announcement with its new status.", schema: announcementViewSchema } },
    errors: {
      404: "No such announcement (`not_found`).",
      409: "Someone changed it since you read it (`stale_version`).",
      422: "The superseding announcement does not exist, is earlier, is this one, or is itself superseded by this one (`unprocessable`).",
    },
  },
  {
    operationId: "attachAnnouncementArchive",
    method: "POST",
    path: "/api/v1/announcements/{id}/archive",
    summary: "Keep an archived copy of the source",
    description:
      "A form (`multipart/form-data`) with the copy (`file`: a PDF or an image of the page, checked like evidence: " +
      "type read from the bytes, image metadata removed) and the `version` you read. The copy is public, like the " +
      "statement. A file larger than `CONSTANCIA_MAX_UPLOAD_BYTES` is refused with **413**; a type not accepted, or " +
      "a body that is not a form, with **415**. For a link to a web archive instead, set `archivedUrl` with an edit.",
    tags: ["Announcements"],
    access: "announcement.manage",
    params: announcementIdParamsSchema,
    multipartBody: archiveFormSchema,
    responses: { 200: { description: "The announcement with its archived copy.", schema: announcementViewSchema } },
    errors: {
      404: "No such announcement (`not_found`).",
      409: "Someone changed it since you read it (`stale_version`).",
    },
  },
  {
    operationId: "getAnnouncementHistory",
    method: "GET",
    path: "/api/v1/announcements/{id}/history",
    summary: "Every version of an announcement",
    description: "Newest first: when each version was recorded, why (when said), and which fields changed from what to what.",
    tags: ["Announcements"],
    access: "public",
    authenticate: false,
    params: announcementIdParamsSchema,
    responses: { 200: { description: "The versions.", schema: announcementHistorySchema } },
    errors: { 404: "No such announcement, or it was deleted (`not_found`)." },
  },
  {
    operationId: "getTally",
    method: "GET",
    path: "/api/v1/tally",
    summary: "The tally: every announcement against the names verified",
    description:
      "Numbers as of the end of `asOf` (Caracas time; default today), computed from the records' history, so any past " +
      "day shows again as it stood: releases verified and reported (withheld persons counted, never named); for each " +
      "announcement recorded and stated by then, the releases verified and reported in its coverage and scope, the " +
      "gap (claimed minus verified; for a range from its min), and the figures of its name list; and the running total " +
      "of verified releases per day.\n\nA release counts in a claim's coverage when its date certainly falls inside " +
      "(a release known only to the month, when the whole month does); releases of unknown date count only for claims " +
      "of unspecified coverage. Claims about detentions are not compared with releases (their figures are null). " +
      "Figures from 1 to 4 that include a person whose name is withheld are left out (null, listed in `suppressed`), " +
      "with those they could be worked back from.\n\nThe answer carries an `ETag`: send it back in `If-None-Match` and an " +
      "unchanged tally is a **304** with no body.",
    tags: ["Tally"],
    access: "public",
    authenticate: false,
    query: tallyQuerySchema,
    responses: {
      200: {
        description: "The tally.",
        schema: tallyResponseSchema,
        headers: {
          ETag: { description: "Names this very answer; it changes whenever a figure does." },
          "Cache-Control": { description: "Ask again each time (the ETag makes it cheap).", value: "no-cache" },
        },
      },
    },
  },
];
