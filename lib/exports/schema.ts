import { z } from "zod";
import { IMPORT_COLUMNS } from "../imports/columns.ts";

/**
 * The exports' inputs and the shape of what they write. Public exports
 * (`GET /api/v1/releases/export`) carry DESIGN.md rule 4's public fields only;
 * the internal export (`GET /api/v1/exports/internal`) is an organization's
 * own records, in the import's columns so that it loads back.
 */

export const PUBLIC_EXPORT_FORMATS = ["csv", "json", "pfif"] as const;
export type PublicExportFormat = (typeof PUBLIC_EXPORT_FORMATS)[number];

export const INTERNAL_EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type InternalExportFormat = (typeof INTERNAL_EXPORT_FORMATS)[number];

export const publicExportQuerySchema = z.strictObject({
  format: z
    .enum(PUBLIC_EXPORT_FORMATS, { error: "format: csv, json or pfif." })
    .meta({ description: "`csv` (UTF-8 with BOM, for spreadsheets), `json` (an array) or `pfif` (PFIF 1.4 XML)." }),
});
export type PublicExportQuery = z.infer<typeof publicExportQuerySchema>;

export const internalExportQuerySchema = z.strictObject({
  format: z.enum(INTERNAL_EXPORT_FORMATS, { error: "format: csv or xlsx." }).meta({ description: "`csv` or `xlsx`." }),
  organizationId: z
    .uuid({ error: "organizationId: an organization's id." })
    .optional()
    .meta({ description: "Admins only: another organization than their own. Default: the caller's organization." }),
});
export type InternalExportQuery = z.infer<typeof internalExportQuerySchema>;

/** One verified release as the public export writes it (JSON; the CSV has the same fields in snake_case). */
export const publicExportRowSchema = z.strictObject({
  personId: z.uuid(),
  /** The name as disclosed: in full, or initials. */
  name: z.string(),
  disclosure: z.enum(["public", "initials"]),
  releaseId: z.uuid(),
  status: z.literal("release_verified"),
  /** The month of the release (never the day, DESIGN.md rule 4); null when unknown. */
  releasedMonth: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
  conditions: z.enum(["full", "conditional", "house_arrest", "expelled", "unknown"]),
  /** The day the release was verified (UTC); null if the record does not say. */
  verifiedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** The member organization that recorded the release. */
  organization: z.string(),
  /** The person's public page. */
  url: z.url(),
});
export type PublicExportRow = z.infer<typeof publicExportRowSchema>;

export const publicExportJsonSchema = z.array(publicExportRowSchema);

/** The public CSV's header, in column order. */
export const PUBLIC_CSV_COLUMNS = [
  "person_id",
  "name",
  "disclosure",
  "release_id",
  "status",
  "released_month",
  "conditions",
  "verified_on",
  "organization",
  "url",
] as const;

/**
 * The internal export's columns: the import's own (API.md "POST /api/v1/imports"),
 * in its order, so that the file loads back; then what only the record knows.
 */
export const INTERNAL_COLUMNS = [
  ...IMPORT_COLUMNS,
  "release_status",
  "release_status_reason",
  "verified_at",
  "release_conditions_detail",
  "person_id",
  "release_id",
  "person_version",
  "release_version",
  "created_at",
] as const;
export type InternalColumn = (typeof INTERNAL_COLUMNS)[number];

/** One line of the internal export: a release with its person (or a person with no release). */
export type InternalExportRow = Record<InternalColumn, string | number | null>;
