import { route } from "@/lib/api/route.ts";
import { nameQueue } from "@/lib/names/data.ts";
import { queueQuerySchema } from "@/lib/names/schema.ts";

export const GET = route({ access: "names.match", query: queueQuerySchema }, async ({ query }) => nameQueue(query));
