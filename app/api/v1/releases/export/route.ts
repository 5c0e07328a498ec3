import { route } from "@/lib/api/route.ts";
import { publicExportResponse } from "@/lib/exports/http.ts";
import { publicExportQuerySchema } from "@/lib/exports/schema.ts";

// Public and the same for everyone: no session lookup.
export const GET = route({ access: "public", authenticate: false, query: publicExportQuerySchema }, async ({ query }) =>
  publicExportResponse(query.format),
);
