import { z } from "zod";
import { IMPORT_COLUMNS } from "./columns.ts";

/**
 * Inputs of people imports (API.md "POST /api/v1/imports"), shared by the API
 * and the app's import screen; and the progress of every kind of import
 * (API.md "GET /api/v1/imports/{id}"), spreadsheets and name lists alike.
 */

export const importIdParamsSchema = z.strictObject({ id: z.uuid({ error: "Not an import id." }) });

const columnSchema = z.enum(IMPORT_COLUMNS, { error: `A column is one of: ${IMPORT_COLUMNS.join(", ")}.` });

/** Header of the file → column of API.md, or null to ignore the header. */
export const mappingSchema = z
  .record(z.string().min(1).max(200), columnSchema.nullable())
  .refine((mapping) => Object.keys(mapping).length <= 200, { error: "At most 200 headers." })
  .meta({
    description: "Header as it appears in the file → the API.md column it holds (or null to ignore it).",
    example: { "Cédula": "cedula", "Nombres": "given_names", "Apellidos": "surnames", "Nº": "external_id" },
  });
export type MappingInput = z.infer<typeof mappingSchema>;

const booleanText = z.enum(["true", "false"], { error: "dryRun is true or false." }).transform((text) => text === "true");

/** A mapping sent as text (a query parameter, a form field): JSON of header → column. */
export const mappingJsonSchema = z
  .string()
  .max(20_000)
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "mapping is JSON: an object of header → column." });
      return z.NEVER;
    }
  })
  .pipe(mappingSchema);

export const sheetNameSchema = z.string().trim().min(1).max(100, { error: "A sheet name has at most 100 characters." });

export const importQuerySchema = z.strictObject({
  dryRun: booleanText.optional().meta({ description: "true: say what the file would do, writing nothing. Default false." }),
  sheet: sheetNameSchema.optional().meta({ description: "XLSX: the sheet to read (default the first)." }),
  mapping: mappingJsonSchema.optional().meta({
    description: "JSON object, header → column, for headers that are not API.md's names. Remembered for the organization.",
  }),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** Loading the file of an earlier import again: after a dry run, or with another mapping or sheet. */
export const rerunSchema = z.strictObject({
  dryRun: z.boolean({ error: "dryRun is true or false." }),
  sheet: sheetNameSchema.optional(),
  mapping: mappingSchema.optional(),
});
export type RerunInput = z.infer<typeof rerunSchema>;

export interface ImportOptions {
  dryRun: boolean;
  sheet?: string | null;
  mapping?: MappingInput;
}

/** What the app shows of a file before it is loaded. */
export const previewSchema = z.object({
  format: z.enum(["csv", "xlsx"]),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  rows: z.int().min(0),
  sample: z.array(z.array(z.string())),
  mapping: z.record(z.string(), columnSchema.nullable()),
  remembered: z.boolean(),
});
export type ImportPreview = z.infer<typeof previewSchema>;

// ───────────────────────────── import progress ─────────────────────────────

export const importStatusSchema = z.enum(["queued", "running", "done", "failed"]);
export type ImportStatusName = z.infer<typeof importStatusSchema>;

export const importErrorSchema = z.object({
  row: z.int().meta({ description: "Line of the file (1 = the first line; in a CSV, the header)." }),
  column: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

/** API.md's progress shape, for every kind of import. */
export const importViewSchema = z.object({
  id: z.uuid(),
  status: importStatusSchema,
  dryRun: z.boolean(),
  total: z.int().min(0),
  processed: z.int().min(0),
  created: z.int().min(0).meta({ description: "Name lists: lines added." }),
  updated: z.int().min(0),
  unchanged: z.int().min(0).meta({ description: "Name lists: lines that were already there (a list loaded again)." }),
  possibleDuplicates: z.int().min(0).meta({ description: "Name lists: lines added that wait in the matching queue." }),
  errors: z.array(importErrorSchema),
});
export type ImportView = z.infer<typeof importViewSchema>;

export const importAcceptedSchema = z.object({ importId: z.uuid() });
