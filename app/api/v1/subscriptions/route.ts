import { route } from "@/lib/api/route.ts";
import { SUBSCRIBE_RATE_LIMIT } from "@/lib/subscriptions/limits.ts";
import { subscribe } from "@/lib/subscriptions/mutations.ts";
import { subscribeSchema } from "@/lib/subscriptions/schema.ts";

// "Avísame": public, and the same answer whether or not the address was known.
export const POST = route(
  { access: "public", authenticate: false, body: subscribeSchema, rateLimit: SUBSCRIBE_RATE_LIMIT },
  async ({ body }) => Response.json(await subscribe(body), { status: 202 }),
);
