import { route } from "@/lib/api/route.ts";
import { listTips } from "@/lib/tips/data.ts";
import { tipListQuerySchema } from "@/lib/tips/schema.ts";

// Moderators read tips here; nothing of a tip is ever public.
export const GET = route({ access: "tip.review", query: tipListQuerySchema }, async ({ query }) => listTips(query));
