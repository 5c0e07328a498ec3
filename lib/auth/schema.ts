import { z } from "zod";

export const roleSchema = z.enum(["volunteer", "moderator", "admin"], {
  error: "Role must be one of volunteer, moderator, admin.",
});

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: "Not a valid e-mail address." }));

// Long passphrases welcome; a cap keeps hashing cheap for attackers' payloads.
export const passwordSchema = z
  .string()
  .min(10, { error: "The password must have at least 10 characters." })
  .max(200, { error: "The password must have at most 200 characters." });

export const signInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
  code: z.string().trim().max(20).optional(),
});

export const totpCodeSchema = z.strictObject({
  code: z.string().trim().regex(/^\d{3}[\s-]?\d{3}$/, { error: "Enter the 6 digits shown in your app." }),
});

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200).optional(),
  role: roleSchema,
  password: passwordSchema.optional(),
  organizationId: z.uuid().optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  version: z.int().positive(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).default("API"),
  expiresInDays: z.int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const createOrganizationSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Use lower-case letters, digits and hyphens." })
    .max(80),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;
