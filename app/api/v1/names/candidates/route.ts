import { route } from "@/lib/api/route.ts";
import { searchCandidates } from "@/lib/names/data.ts";
import { candidateQuerySchema } from "@/lib/names/schema.ts";

export const GET = route({ access: "names.match", query: candidateQuerySchema }, async ({ query }) => searchCandidates(query.q, query.limit));
