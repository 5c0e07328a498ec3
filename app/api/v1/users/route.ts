import { created, route } from "@/lib/api/route.ts";
import { listUsers } from "@/lib/auth/data.ts";
import { createUser, ensureDefaultOrganization } from "@/lib/auth/mutations.ts";
import { createUserSchema } from "@/lib/auth/schema.ts";
import { userView } from "@/lib/auth/views.ts";

export const GET = route({ access: "user.manage" }, async () => {
  const users = await listUsers();
  return { users: users.map(userView) };
});

export const POST = route({ access: "user.manage", body: createUserSchema }, async ({ actor, body }) => {
  const organizationId = body.organizationId ?? (await ensureDefaultOrganization(actor)).id;
  const user = await createUser(actor, { ...body, organizationId });
  return created({
    id: user.id,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
    ...(user.generatedPassword ? { password: user.generatedPassword } : {}),
  });
});
