import { route } from "@/lib/api/route.ts";
import { findSessionUser } from "@/lib/auth/data.ts";
import { actionsFor } from "@/lib/auth/policy.ts";
import { errors } from "@/lib/errors.ts";

// Who am I: lets a script check its token and see what its role allows.
export const GET = route({ access: "signed_in" }, async ({ actor }) => {
  if (!actor.userId) throw errors.unauthenticated();
  const user = await findSessionUser(actor.userId);
  if (!user) throw errors.unauthenticated();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organization: { id: user.organizationId, name: user.organization.name },
    via: actor.kind,
    allowed: actionsFor(user.role),
  };
});
