import { clientKeyFromHeaders } from "@/lib/auth/client-key.ts";
import { enforceRateLimit } from "@/lib/api/guard.ts";
import { route } from "@/lib/api/route.ts";
import { searchPeople } from "@/lib/search/data.ts";
import { parseCedula } from "@/lib/search/normalize.ts";
import { CEDULA_SEARCH_RATE_LIMIT, SEARCH_RATE_LIMIT } from "@/lib/search/policy.ts";
import { searchQuerySchema } from "@/lib/search/schema.ts";

// Public and the same for everyone: no session lookup on every keystroke.
export const GET = route(
  { access: "public", authenticate: false, query: searchQuerySchema, rateLimit: SEARCH_RATE_LIMIT },
  async ({ query, request }) => {
    if (parseCedula(query.q)) await enforceRateLimit(CEDULA_SEARCH_RATE_LIMIT, clientKeyFromHeaders(request.headers));
    const answer = await searchPeople(query.q, query.limit);
    return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
  },
);
