import { route } from "@/lib/api/route.ts";
import { tallyAsOf } from "@/lib/tally/service.ts";
import { tallyQuerySchema } from "@/lib/tally/schema.ts";

// Public and the same for everyone: no session lookup.
export const GET = route({ access: "public", authenticate: false, query: tallyQuerySchema }, async ({ query }) => {
  const { json } = await tallyAsOf(query.asOf);
  return new Response(json, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
});
