import { openApiDocument } from "@/lib/api/openapi/document.ts";
import { route } from "@/lib/api/route.ts";

// The published description of this API (lib/api/openapi): the same schemas the handlers parse with.
export const GET = route({ access: "public", authenticate: false }, async () =>
  Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);
