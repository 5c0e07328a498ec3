import { created, route } from "@/lib/api/route.ts";
import { listAllTokens, listTokensOf } from "@/lib/auth/data.ts";
import { createApiToken } from "@/lib/auth/mutations.ts";
import { can } from "@/lib/auth/policy.ts";
import { createTokenSchema, tokenListQuerySchema } from "@/lib/auth/schema.ts";
import { ownedTokenView, tokenView } from "@/lib/auth/views.ts";
import { errors } from "@/lib/errors.ts";

// The caller's own tokens; with ?all=true, every user's (admins only).
export const GET = route({ access: "token.manage_own", query: tokenListQuerySchema }, async ({ actor, query }) => {
  if (!actor.userId) throw errors.unauthenticated();
  if (query.all) {
    if (!can(actor, "token.manage_all")) throw errors.forbidden("Only an admin may list every user's tokens.");
    return { tokens: (await listAllTokens()).map(ownedTokenView) };
  }
  return { tokens: (await listTokensOf(actor.userId)).map(tokenView) };
});

// A new token for the caller; the token is in this answer only.
export const POST = route({ access: "token.manage_own", body: createTokenSchema }, async ({ actor, body }) => {
  if (!actor.userId) throw errors.unauthenticated();
  const token = await createApiToken(actor, actor.userId, body);
  return created({
    id: token.id,
    name: token.name,
    token: token.token,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
  });
});
