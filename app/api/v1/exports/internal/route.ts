import { route } from "@/lib/api/route.ts";
import { internalExportResponse } from "@/lib/exports/http.ts";
import { internalExportQuerySchema } from "@/lib/exports/schema.ts";

export const GET = route({ access: "export.internal", query: internalExportQuerySchema }, async ({ actor, query }) =>
  internalExportResponse(actor, query),
);
