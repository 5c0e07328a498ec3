import { route } from "@/lib/api/route.ts";
import { tallyResponse } from "@/lib/tally/http.ts";
import { tallyQuerySchema } from "@/lib/tally/schema.ts";

// Public and the same for everyone: no session lookup.
export const GET = route({ access: "public", authenticate: false, query: tallyQuerySchema }, async ({ query, request }) =>
  tallyResponse(query.asOf, request.headers),
);
