import { z } from "zod";
import { announcementIdParamsSchema } from "../../../announcements/schema.ts";
import { importAcceptedSchema, importIdParamsSchema, importViewSchema } from "../../../imports/schema.ts";
import { NAME_LIST_MAX_BYTES, NAME_LIST_MAX_LINES, NAME_MAX_LENGTH } from "../../../names/parse.ts";
import {
  candidateQuerySchema,
  candidateSearchResponseSchema,
  decidedLineSchema,
  decisionSchema,
  nameIdParamsSchema,
  publicListQuerySchema,
  publicListResponseSchema,
  queuePageSchema,
  queueQuerySchema,
} from "../../../names/schema.ts";
import type { Operation } from "../registry.ts";

const listBodySchema = z.string().meta({
  description:
    "text/csv: a header row naming the columns — `name` (or `nombre`) and optionally `cedula` — then one person a " +
    "line, separated by commas, semicolons or tabs, quoted as CSV says. text/plain: one name a line (blank lines " +
    "ignored; a list number in front is dropped; a cédula before or after the name is taken as its identifier). " +
    "UTF-8 (with or without BOM) or Windows-1252/Latin-1.",
  example: "name,cedula\nPÉREZ RODRÍGUEZ JOSÉ LUIS,V-12.345.678\nGONZÁLEZ ANA,\n",
});

/** Name lists, their matching queue and import progress (lib/names). */
export const nameOperations: readonly Operation[] = [
  {
    operationId: "loadNameList",
    method: "POST",
    path: "/api/v1/announcements/{id}/names",
    summary: "Load the name list of an announcement",
    description:
      "The list of names published with the announcement, as sent: `text/csv` or `text/plain` (see the body). The " +
      "lines are stored at once and matched in the background against every person on record (DESIGN.md rule 5): a " +
      "cédula printed that is one person's, or a name whose only exact candidate is one person, is linked " +
      "automatically; every other line waits in the matching queue (`GET /api/v1/names/queue`). Answers " +
      "**202** with the import's id; `GET /api/v1/imports/{id}` tells the progress. Loading the same list again " +
      "(even re-encoded or reordered) adds nothing: each line is keyed by its folded name, its cédula and which " +
      `occurrence of them it is. At most ${NAME_LIST_MAX_LINES} names of ${NAME_MAX_LENGTH} characters; a line ` +
      "that cannot be a name is skipped and reported in the import's `errors`. A body larger than " +
      `${NAME_LIST_MAX_BYTES} bytes, or of more than ${NAME_LIST_MAX_LINES} names, is refused with **413**; ` +
      "another content type with **415**. Send the file's name, URI-encoded, in `X-File-Name` if you like.",
    tags: ["Names", "Imports"],
    access: "announcement.manage",
    params: announcementIdParamsSchema,
    textBody: { mediaTypes: ["text/csv", "text/plain"], schema: listBodySchema },
    responses: { 202: { description: "Accepted: the list is stored and being matched.", schema: importAcceptedSchema } },
    errors: {
      404: "No such announcement, or it was deleted (`not_found`).",
      422: "Not a list: empty, only a header, binary, no `name` column, or no line with a name (`unprocessable`, `details.reason`).",
    },
  },
  {
    operationId: "getNameList",
    method: "GET",
    path: "/api/v1/announcements/{id}/names",
    summary: "The name list of an announcement, as matched",
    description:
      "Each line as printed (never its identifier) in the list's order, with its state — `verified`, `unverified`, " +
      "`unmatched` (nobody on record: announced, not seen) or `pending` (not matched yet) — and the person linked " +
      "as their disclosure allows (full name or initials). A line linked to a person whose name is withheld is " +
      "counted in its state but not linked. Pages of `limit` lines; `nextCursor` gives the next.",
    tags: ["Names"],
    access: "public",
    authenticate: false,
    params: announcementIdParamsSchema,
    query: publicListQuerySchema,
    responses: { 200: { description: "The lines.", schema: publicListResponseSchema } },
    errors: { 404: "No such announcement, or it was deleted (`not_found`)." },
  },
  {
    operationId: "getImport",
    method: "GET",
    path: "/api/v1/imports/{id}",
    summary: "An import's progress",
    description:
      "API.md's progress shape, for every kind of import. For a name list: `total` lines read, `processed` so far, " +
      "`created` lines added, `unchanged` lines that were already there, `possibleDuplicates` lines added that wait in " +
      "the matching queue, `errors` lines skipped (and unknown CSV columns). A spreadsheet import of another " +
      "organization is visible to admins only.",
    tags: ["Imports"],
    access: "import.create",
    params: importIdParamsSchema,
    responses: { 200: { description: "The import's progress.", schema: importViewSchema } },
    errors: { 404: "No such import, or not one the caller may see (`not_found`)." },
  },
  {
    operationId: "getNameQueue",
    method: "GET",
    path: "/api/v1/names/queue",
    summary: "The matching queue",
    description:
      "Lines of name lists waiting for a moderator, list by list (oldest announcement first) in the order printed; " +
      "each with its candidates as moderators see them (full name, cédula, disclosure, release status, how the " +
      "name matched, and whether the printed cédula is theirs). Filter by `announcementId`; `nextCursor` gives the " +
      "next page; `pending` counts the lines waiting with the same filter.",
    tags: ["Names"],
    access: "names.match",
    query: queueQuerySchema,
    responses: { 200: { description: "One page of the queue.", schema: queuePageSchema } },
  },
  {
    operationId: "searchNameCandidates",
    method: "GET",
    path: "/api/v1/names/candidates",
    summary: "Search everyone on record, to match a line",
    description:
      "The search the matching uses (DESIGN.md rule 5), over every person on record — withheld and initials-only " +
      "people included, never deleted or merged ones — for a moderator choosing someone other than the candidates " +
      "offered. Internal: full names and cédulas.",
    tags: ["Names"],
    access: "names.match",
    query: candidateQuerySchema,
    responses: { 200: { description: "The people found, best first.", schema: candidateSearchResponseSchema } },
  },
  {
    operationId: "decideName",
    method: "POST",
    path: "/api/v1/names/{id}/decision",
    summary: "Decide a line of the matching queue",
    description:
      "`confirm` with a `personId` (a candidate or anyone found by search; a merged record leads to the person it " +
      "was merged into), `reject` (nobody on record is this name: announced, not seen), `create` (a new person " +
      "from the printed name — `person` to set the given names, surnames, cédula or disclosure; by default the " +
      "printed name is cut as lists print it, the printed cédula kept, and the disclosure is initials), or `undo` " +
      "with the state you read in `expected` (back to the queue, an automatic link too). The first three act on a " +
      "pending line only.",
    tags: ["Names"],
    access: "names.match",
    params: nameIdParamsSchema,
    body: decisionSchema,
    bodyExample: { action: "confirm", personId: "0193f0c2-0000-7000-8000-000000000001" },
    responses: { 200: { description: "The line as decided.", schema: decidedLineSchema } },
    errors: {
      404: "No such line (`not_found`).",
      409: "The line is not in the state the decision expects: someone decided it first (`conflict`, `details.current`), or the cédula of the new person is already someone's.",
      422: "The person to confirm does not exist or was deleted (`unprocessable`).",
    },
  },
];
