import { route } from "@/lib/api/route.ts";
import { LINK_RATE_LIMIT } from "@/lib/subscriptions/limits.ts";
import { unsubscribe } from "@/lib/subscriptions/mutations.ts";
import { linkTokenSchema } from "@/lib/subscriptions/schema.ts";

export const POST = route(
  { access: "public", authenticate: false, body: linkTokenSchema, rateLimit: LINK_RATE_LIMIT },
  async ({ body }) => ({ status: await unsubscribe(body.token) }),
);
