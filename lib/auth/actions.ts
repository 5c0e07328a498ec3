"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "../api/action.ts";
import { errors } from "../errors.ts";
import { findToken } from "./data.ts";
import {
  confirmTotpEnrollment,
  createApiToken,
  createOrganization,
  createUser,
  ensureDefaultOrganization,
  resetTotp,
  revokeApiToken,
  startTotpEnrollment,
  updateUser,
} from "./mutations.ts";
import { decide } from "./policy.ts";
import { createOrganizationSchema, createTokenSchema, createUserSchema, roleSchema, totpCodeSchema } from "./schema.ts";

// Server actions of the account and administration pages: thin adapters that
// go through the one wrapper (lib/api/action.ts) to the same mutations the API uses.

const createTokenForm = createTokenSchema.extend({
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

export const createTokenAction = action(
  { access: "token.manage_own", input: createTokenForm },
  async ({ actor, input }) => {
    if (!actor.userId) throw errors.unauthenticated();
    const token = await createApiToken(actor, actor.userId, input);
    revalidatePath("/cuenta");
    // The token is shown once, from this answer, and never again.
    return { id: token.id, name: token.name, token: token.token };
  },
);

export const revokeTokenAction = action(
  { access: "token.manage_own", input: z.strictObject({ id: z.uuid() }) },
  async ({ actor, input }) => {
    const token = await findToken(input.id);
    if (!token || !decide(actor, "token.manage_own", { ownerId: token.userId }).ok) throw errors.notFound("Token");
    await revokeApiToken(actor, token.id);
    revalidatePath("/cuenta");
    revalidatePath("/admin/tokens");
    return { id: token.id };
  },
);

export const createUserAction = action({ access: "user.manage", input: createUserSchema }, async ({ actor, input }) => {
  const organizationId = input.organizationId ?? (await ensureDefaultOrganization(actor)).id;
  const user = await createUser(actor, { ...input, organizationId });
  revalidatePath("/admin/usuarios");
  return { id: user.id, email: user.email, password: user.generatedPassword };
});

export const updateUserAction = action(
  {
    access: "user.manage",
    input: z.strictObject({
      id: z.uuid(),
      version: z.coerce.number().int().positive(),
      role: roleSchema.optional(),
      disabled: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
    }),
  },
  async ({ actor, input }) => {
    const { id, ...changes } = input;
    const user = await updateUser(actor, id, changes);
    revalidatePath("/admin/usuarios");
    return { id: user.id, role: user.role, disabled: user.disabledAt !== null };
  },
);

export const createOrganizationAction = action(
  { access: "organization.manage", input: createOrganizationSchema },
  async ({ actor, input }) => {
    const organization = await createOrganization(actor, input);
    revalidatePath("/admin/usuarios");
    return { id: organization.id, slug: organization.slug };
  },
);

export const startTotpAction = action({ access: "account.view", input: z.strictObject({}) }, async ({ actor }) => {
  if (!actor.userId) throw errors.unauthenticated();
  await startTotpEnrollment(actor, actor.userId);
  revalidatePath("/cuenta/verificacion");
  return { started: true };
});

export const confirmTotpAction = action(
  { access: "account.view", input: totpCodeSchema, rateLimit: { name: "totp-confirm", limit: 10, windowSeconds: 900 } },
  async ({ actor, input }) => {
    if (!actor.userId) throw errors.unauthenticated();
    await confirmTotpEnrollment(actor, actor.userId, input.code);
    revalidatePath("/", "layout");
    return { enabled: true };
  },
);

export const resetTotpAction = action(
  { access: "user.manage", input: z.strictObject({ id: z.uuid() }) },
  async ({ actor, input }) => {
    if (input.id === actor.userId) throw errors.forbidden("Ask another admin to reset your own second factor.");
    await resetTotp(actor, input.id);
    revalidatePath("/admin/usuarios");
    return { id: input.id };
  },
);
