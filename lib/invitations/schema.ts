import { z } from "zod";
import { emailSchema, passwordSchema, roleSchema } from "../auth/schema.ts";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export const createInvitationSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  organizationId: z.uuid().optional(),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/, { error: "Not an invitation link." });

export const acceptInvitationSchema = z
  .strictObject({
    token: invitationSecretSchema,
    name: z.string().trim().min(1).max(200),
    password: passwordSchema,
    passwordAgain: z.string().max(200),
  })
  .refine((input) => input.password === input.passwordAgain, {
    path: ["passwordAgain"],
    error: "The two passwords differ.",
  });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
