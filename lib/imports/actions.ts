"use server";

import { z } from "zod";
import { action } from "../api/action.ts";
import { env } from "../env.ts";
import { importTooLarge } from "./request.ts";
import { completeMapping } from "./columns.ts";
import { inspectSpreadsheet } from "./read.ts";
import { rememberedMapping, rerunPeopleImport, startPeopleImport } from "./mutations.ts";
import { mappingJsonSchema, sheetNameSchema, type ImportPreview } from "./schema.ts";

// The import screen's server actions (/importar): the same wrapper, permission
// ("import.create") and functions as POST /api/v1/imports and its rerun.

const fileSchema = z.instanceof(File, { error: "Choose a CSV or XLSX file." });
const dryRunText = z.enum(["true", "false"]).transform((text) => text === "true");

async function bytesOf(file: File): Promise<Uint8Array> {
  const limit = env.maxUploadBytes();
  if (file.size > limit) throw importTooLarge(limit);
  return new Uint8Array(await file.arrayBuffer());
}

/** Reads a file and says how it would be read (headers, sheets, a sample, the mapping): nothing is stored. */
export const previewImportAction = action(
  { access: "import.create", input: z.strictObject({ file: fileSchema, sheet: sheetNameSchema.optional() }) },
  async ({ actor, input }): Promise<ImportPreview> => {
    const sheet = await inspectSpreadsheet(await bytesOf(input.file), { sheet: input.sheet ?? null, sample: 3 });
    const remembered = await rememberedMapping(actor.organizationId!, sheet.headers);
    const mapping = completeMapping(sheet.headers, remembered ?? undefined);
    return {
      format: sheet.format,
      sheets: sheet.sheets,
      sheet: sheet.sheet,
      headers: sheet.headers,
      rows: sheet.rowCount,
      sample: sheet.sample.map((row) => sheet.headers.map((_, index) => (row.cells[index] ?? "").slice(0, 80))),
      mapping,
      remembered: remembered !== null,
    };
  },
);

export const startImportAction = action(
  {
    access: "import.create",
    input: z.strictObject({ file: fileSchema, sheet: sheetNameSchema.optional(), mapping: mappingJsonSchema, dryRun: dryRunText }),
  },
  async ({ actor, input }) =>
    startPeopleImport(actor, { bytes: await bytesOf(input.file), fileName: input.file.name.slice(0, 255) || null }, input),
);

export const rerunImportAction = action(
  {
    access: "import.create",
    input: z.strictObject({ importId: z.uuid(), sheet: sheetNameSchema.optional(), mapping: mappingJsonSchema.optional(), dryRun: dryRunText }),
  },
  async ({ actor, input }) => rerunPeopleImport(actor, input.importId, input),
);
