import { route } from "@/lib/api/route.ts";
import { findToken } from "@/lib/auth/data.ts";
import { revokeApiToken } from "@/lib/auth/mutations.ts";
import { tokenIdParamsSchema } from "@/lib/auth/params.ts";
import { decide } from "@/lib/auth/policy.ts";
import { errors } from "@/lib/errors.ts";

export const DELETE = route({ access: "token.manage_own", params: tokenIdParamsSchema }, async ({ actor, params }) => {
  const token = await findToken(params.id);
  // Someone else's token is "not found" to a non-admin: no probing for ids.
  if (!token || !decide(actor, "token.manage_own", { ownerId: token.userId }).ok) throw errors.notFound("Token");
  const result = await revokeApiToken(actor, token.id);
  return { id: token.id, revoked: true, changed: result.revoked };
});
