import { route } from "@/lib/api/route.ts";
import { reviewQueue } from "@/lib/reviews/data.ts";
import { queueQuerySchema } from "@/lib/reviews/schema.ts";

// Releases waiting for a decision, oldest first; by default only those still waiting for the caller's.
export const GET = route({ access: "release.review", query: queueQuerySchema }, async ({ actor, query }) =>
  reviewQueue(actor.userId ?? "00000000-0000-0000-0000-000000000000", query),
);
