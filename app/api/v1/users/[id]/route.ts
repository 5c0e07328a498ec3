import { z } from "zod";
import { route } from "@/lib/api/route.ts";
import { updateUser } from "@/lib/auth/mutations.ts";
import { updateUserSchema } from "@/lib/auth/schema.ts";

const params = z.strictObject({ id: z.uuid({ error: "Not a valid user id." }) });

export const PATCH = route(
  { access: "user.manage", params, body: updateUserSchema },
  async ({ actor, params, body }) => {
    const user = await updateUser(actor, params.id, body);
    return { id: user.id, role: user.role, disabled: user.disabledAt !== null, version: user.version };
  },
);
