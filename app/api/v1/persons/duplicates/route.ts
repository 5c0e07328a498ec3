import { route } from "@/lib/api/route.ts";
import { possibleDuplicates } from "@/lib/persons/data.ts";
import { duplicateQuerySchema } from "@/lib/persons/schema.ts";

// Records that may be the person being typed (the recording form asks as the volunteer types).
export const GET = route({ access: "duplicate.flag", query: duplicateQuerySchema }, async ({ query }) => ({
  results: await possibleDuplicates(query, 8),
}));
