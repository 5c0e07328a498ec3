import { created, route } from "@/lib/api/route.ts";
import { listTokensOf } from "@/lib/auth/data.ts";
import { createApiToken } from "@/lib/auth/mutations.ts";
import { createTokenSchema } from "@/lib/auth/schema.ts";
import { tokenView } from "@/lib/auth/views.ts";
import { errors } from "@/lib/errors.ts";

export const GET = route({ access: "token.manage_own" }, async ({ actor }) => {
  if (!actor.userId) throw errors.unauthenticated();
  return { tokens: (await listTokensOf(actor.userId)).map(tokenView) };
});

// A new token for the caller; the token is in this answer only.
export const POST = route({ access: "token.manage_own", body: createTokenSchema }, async ({ actor, body }) => {
  if (!actor.userId) throw errors.unauthenticated();
  const token = await createApiToken(actor, actor.userId, body);
  return created({ id: token.id, name: token.name, token: token.token, expiresAt: token.expiresAt?.toISOString() ?? null });
});
