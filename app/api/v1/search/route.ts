import { clientKeyFromHeaders } from "@/lib/auth/client-key.ts";
import { route } from "@/lib/api/route.ts";
import { searchForClient } from "@/lib/search/for-client.ts";
import { SEARCH_RATE_LIMIT } from "@/lib/search/policy.ts";
import { searchQuerySchema } from "@/lib/search/schema.ts";

// Public and the same for everyone: no session lookup on every keystroke.
export const GET = route(
  { access: "public", authenticate: false, query: searchQuerySchema, rateLimit: SEARCH_RATE_LIMIT },
  async ({ query, request }) => {
    const answer = await searchForClient(query.q, query.limit, clientKeyFromHeaders(request.headers), { countGeneral: false });
    return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
  },
);
