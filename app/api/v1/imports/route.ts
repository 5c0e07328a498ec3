import { route } from "@/lib/api/route.ts";
import { startPeopleImport } from "@/lib/imports/mutations.ts";
import { readImportRequest } from "@/lib/imports/request.ts";
import { importQuerySchema } from "@/lib/imports/schema.ts";

// The spreadsheet is the raw body (text/csv or XLSX): read here, not by route().
export const POST = route({ access: "import.create", query: importQuerySchema }, async ({ actor, query, request }) => {
  const upload = await readImportRequest(request);
  const accepted = await startPeopleImport(actor, upload, { dryRun: query.dryRun ?? false, sheet: query.sheet, mapping: query.mapping });
  return Response.json(accepted, { status: 202 });
});
