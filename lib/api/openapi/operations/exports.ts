import { z } from "zod";
import { XLSX_CONTENT_TYPE } from "../../../exports/xlsx.ts";
import {
  INTERNAL_COLUMNS,
  internalExportQuerySchema,
  PUBLIC_CSV_COLUMNS,
  publicExportJsonSchema,
  publicExportQuerySchema,
} from "../../../exports/schema.ts";
import type { Operation } from "../registry.ts";

const file = (description: string) => z.string().meta({ description, format: "binary" });

export const exportOperations: readonly Operation[] = [
  {
    operationId: "exportVerifiedReleases",
    method: "GET",
    path: "/api/v1/releases/export",
    summary: "Download the public list of verified releases",
    description:
      "Every verified release with public fields only (DESIGN.md rule 4): the person's name as disclosed (in full, or " +
      "initials), the release month (never the day), the conditions category, the day it was verified, the member " +
      "organization that recorded it and the person's public page. Withheld people never appear. Streamed, whatever " +
      "the size.\n\n" +
      `- \`csv\`: UTF-8 with a byte-order mark, CRLF, columns ${PUBLIC_CSV_COLUMNS.map((c) => `\`${c}\``).join(", ")}; ` +
      "a cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) starts with `'`.\n" +
      "- `json`: one array of objects (the schema below).\n" +
      "- `pfif`: PFIF 1.4 XML (namespace `http://zesty.ca/pfif/1.4`): one `person` per person (`person_record_id` " +
      "`<domain>/person.<id>`, the domain being this instance's host; `entry_date`, `source_date` in UTC " +
      "`YYYY-MM-DDTHH:MM:SSZ`; `full_name`, `given_name`, `family_name`, `source_name`, `source_url`), each with a " +
      "`note` per verified release (`note_record_id` `<domain>/note.<release id>`, `author_name` the organization, " +
      "`source_date` when it was verified, `status` `believed_alive`, `text`).",
    tags: ["Exports"],
    access: "public",
    authenticate: false,
    query: publicExportQuerySchema,
    responses: {
      200: {
        description: "The file, streamed: CSV, a JSON array, or PFIF 1.4 XML.",
        schema: z.union([publicExportJsonSchema, file("The CSV or the PFIF XML.")]),
        mediaTypes: ["text/csv", "application/json", "application/xml"],
        headers: {
          "Content-Disposition": { description: "`attachment` with a dated file name, e.g. `constancia-excarcelaciones-verificadas-2026-01-14.csv`." },
          "Cache-Control": { description: "A minute old is fine for a download.", value: "public, max-age=60" },
        },
      },
    },
  },
  {
    operationId: "exportInternalRecords",
    method: "GET",
    path: "/api/v1/exports/internal",
    summary: "Export an organization's own records",
    description:
      "Every live person of the caller's organization (an admin may name another with `organizationId`), every " +
      "disclosure level, with every live release in any status: cédula, internal notes and all. One line per release " +
      "(a person with none has one line). The first columns are the import's (API.md `POST /api/v1/imports`), so the " +
      `file loads back; then the record's own: ${INTERNAL_COLUMNS.slice(14).map((c) => `\`${c}\``).join(", ")}. ` +
      "Streamed, whatever the size. Each export is recorded in the audit trail (`export.internal`, with the format and " +
      "the number of persons and releases) before the first line is sent. CSV cells that a spreadsheet would read as " +
      "a formula start with `'`; XLSX cells are text, never formulas.",
    tags: ["Exports"],
    access: "export.internal",
    query: internalExportQuerySchema,
    responses: {
      200: {
        description: "The file, streamed: CSV (UTF-8 with BOM) or XLSX.",
        schema: file("The CSV or the XLSX workbook."),
        mediaTypes: ["text/csv", XLSX_CONTENT_TYPE],
        headers: {
          "Content-Disposition": { description: "`attachment` with a dated file name, e.g. `constancia-expedientes-2026-01-14.xlsx`." },
          "Cache-Control": { description: "Private data: never stored.", value: "private, no-store" },
          "X-Export-Rows-Persons": { description: "How many persons the file holds." },
          "X-Export-Rows-Releases": { description: "How many releases the file holds." },
        },
      },
    },
    errors: {
      403: "A moderator named another organization than their own (`forbidden`).",
      404: "`organizationId` names no organization, or a deleted one (`not_found`).",
    },
  },
];
