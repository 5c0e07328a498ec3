import { route } from "@/lib/api/route.ts";
import { updateUser } from "@/lib/auth/mutations.ts";
import { userIdParamsSchema } from "@/lib/auth/params.ts";
import { updateUserSchema } from "@/lib/auth/schema.ts";

export const PATCH = route(
  { access: "user.manage", params: userIdParamsSchema, body: updateUserSchema },
  async ({ actor, params, body }) => {
    const user = await updateUser(actor, params.id, body);
    return { id: user.id, role: user.role, disabled: user.disabledAt !== null, version: user.version };
  },
);
