import { route } from "@/lib/api/route.ts";
import { duplicateQueue } from "@/lib/duplicates/data.ts";
import { duplicateQueueQuerySchema } from "@/lib/duplicates/schema.ts";

export const GET = route({ access: "person.merge", query: duplicateQueueQuerySchema }, async ({ query }) => duplicateQueue(query));
