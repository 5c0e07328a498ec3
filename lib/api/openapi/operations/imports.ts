import { z } from "zod";
import { IMPORT_COLUMNS } from "../../../imports/columns.ts";
import { MAX_CELL_CHARS, MAX_ROWS } from "../../../imports/read.ts";
import { IMPORT_MEDIA_TYPES } from "../../../imports/request.ts";
import { dismissedSchema, duplicateIdParamsSchema, duplicateQueueQuerySchema, duplicateQueueSchema } from "../../../duplicates/schema.ts";
import { importAcceptedSchema, importIdParamsSchema, importQuerySchema, rerunSchema } from "../../../imports/schema.ts";
import type { Operation } from "../registry.ts";

const spreadsheetSchema = z.string().meta({
  description:
    "The spreadsheet as a file: CSV (comma, semicolon or tab; UTF-8 with or without BOM, Windows-1252/Latin-1 or UTF-16) " +
    "or XLSX (the first sheet, or `sheet`). The first row is the header; columns in any order: " +
    `${IMPORT_COLUMNS.join(", ")}. Headers in Spanish ("Cédula", "Nombres", "Apellidos", "Fecha de excarcelación"…) are ` +
    "recognised; others are mapped with `mapping`. Dates as YYYY-MM-DD or dd/mm/yyyy (a release may give only the " +
    `month: YYYY-MM or mm/yyyy). At most ${MAX_ROWS} rows; a cell of more than ${MAX_CELL_CHARS} characters is an error.`,
  example:
    "external_id,given_names,surnames,cedula,sex,nationality,released_on,release_conditions,disclosure\n" +
    "FP-0001,José Luis,Pérez Rodríguez,V-12.345.678,M,VE,12/01/2026,condicional,initials\n",
});

/** People imports (lib/imports): API.md "POST /api/v1/imports". Progress is `getImport` (operations/names.ts). */
export const importOperations: readonly Operation[] = [
  {
    operationId: "createImport",
    method: "POST",
    path: "/api/v1/imports",
    summary: "Import a spreadsheet of people and releases",
    description:
      "A moderator or admin loads their organization's spreadsheet. The file is read at once: a file that cannot be an " +
      "import (empty, only a header, binary, no known column, a required column missing, a sheet that does not exist, " +
      "a compressed file that would inflate far beyond a spreadsheet) is refused with **422** (`details.reason`) and " +
      "nothing is written. Otherwise the answer is **202** with the import's id, and the rows are processed in the " +
      "background in batches; `GET /api/v1/imports/{id}` tells the progress. Rows are keyed by `external_id` within " +
      "the organization: loading the same file twice creates nothing new; a changed row updates its record (new " +
      "version, audit event). A blank cell never clears what is on record. A row with `released_on` creates a release " +
      "in status `reported` with evidence of kind `ngo_list` pointing at the import. A new row whose cédula another " +
      "record has, or whose full name (three words or more, or with the same birth year) is another organization's " +
      "record, is created and put in the merge queue with it (`possibleDuplicates`). A row with errors is skipped and " +
      "reported with its row and column; the other rows still load. `dryRun=true` says all of this without writing " +
      "any record. Unknown columns are reported (row 1), not fatal. Send the file's name, URI-encoded, in `X-File-Name`. " +
      "Another content type is refused with **415**; a file over the upload limit (or with too many rows) with " +
      "**413** (`too_large`).",
    tags: ["Imports"],
    access: "import.create",
    query: importQuerySchema,
    textBody: { mediaTypes: IMPORT_MEDIA_TYPES, schema: spreadsheetSchema },
    responses: { 202: { description: "Accepted: the file is stored and its rows are being processed.", schema: importAcceptedSchema } },
    errors: {
      400: "A bad `mapping` (not JSON, an unknown column, two headers on one column).",
      422: "Not an import: see the description (`unprocessable`, `details.reason`).",
    },
  },
  {
    operationId: "rerunImport",
    method: "POST",
    path: "/api/v1/imports/{id}/rerun",
    summary: "Load an import's file again",
    description:
      "The file of an earlier import of the caller's organization, loaded again without sending it: the real run after " +
      "a dry run (`{\"dryRun\": false}`), or a new dry run with another `mapping` or `sheet` (by default, the earlier " +
      "run's). Answers **202** with the new import's id; the earlier import is left as it was.",
    tags: ["Imports"],
    access: "import.create",
    params: importIdParamsSchema,
    body: rerunSchema,
    bodyExample: { dryRun: false },
    responses: { 202: { description: "Accepted: a new import of the same file.", schema: importAcceptedSchema } },
    errors: {
      404: "No such import, not a spreadsheet import, or another organization's (`not_found`).",
      422: "The file cannot be read with this mapping or sheet (`unprocessable`, `details.reason`).",
    },
  },
  {
    operationId: "getDuplicateQueue",
    method: "GET",
    path: "/api/v1/duplicates",
    summary: "The merge queue",
    description:
      "Pairs of records that may be one person, found by imports: the record an import created and the one that was " +
      "there (same cédula, or the same full name in another organization's record), oldest first, with what a " +
      "moderator needs to compare them. Merge the two with `POST /api/v1/persons/merge` (which settles the entry), " +
      "or say they are different people with `POST /api/v1/duplicates/{id}/dismiss`. Filter by `importId`; `open` " +
      "counts the entries waiting.",
    tags: ["Imports", "Persons"],
    access: "person.merge",
    query: duplicateQueueQuerySchema,
    responses: { 200: { description: "The entries waiting.", schema: duplicateQueueSchema } },
  },
  {
    operationId: "dismissDuplicate",
    method: "POST",
    path: "/api/v1/duplicates/{id}/dismiss",
    summary: "Two records are different people",
    description:
      "Settles a merge-queue entry without merging. A cédula the entry holds stays off the imported record (a cédula " +
      "is one person's: one of the two sources has it wrong). Audited.",
    tags: ["Imports", "Persons"],
    access: "person.merge",
    params: duplicateIdParamsSchema,
    responses: { 200: { description: "Settled.", schema: dismissedSchema } },
    errors: { 404: "No such entry (`not_found`).", 409: "The entry was already settled (`conflict`)." },
  },
];
