"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "../api/action.ts";
import { ensureDefaultOrganization } from "../auth/mutations.ts";
import { env } from "../env.ts";
import { acceptInvitation, createInvitation, revokeInvitation } from "./mutations.ts";
import { acceptInvitationSchema, createInvitationSchema } from "./schema.ts";

export const createInvitationAction = action(
  { access: "user.manage", input: createInvitationSchema },
  async ({ actor, input }) => {
    const organizationId = input.organizationId ?? (await ensureDefaultOrganization(actor)).id;
    const invitation = await createInvitation(actor, { ...input, organizationId });
    revalidatePath("/admin/usuarios");
    // The link is in this answer only; the database keeps its hash.
    return { email: input.email, url: `${env.publicUrl()}/invitacion/${invitation.secret}`, expiresAt: invitation.expiresAt.toISOString() };
  },
);

export const revokeInvitationAction = action(
  { access: "user.manage", input: z.strictObject({ id: z.uuid() }) },
  async ({ actor, input }) => {
    const result = await revokeInvitation(actor, input.id);
    revalidatePath("/admin/usuarios");
    return result;
  },
);

// Public: the link itself is the credential. Rate-limited per client against guessing.
export const acceptInvitationAction = action(
  { access: "public", input: acceptInvitationSchema, rateLimit: { name: "invitation-accept", limit: 20, windowSeconds: 900 } },
  async ({ input }) => {
    const user = await acceptInvitation(input);
    return { email: user.email };
  },
);
