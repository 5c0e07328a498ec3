import { z } from "zod";
import { MINIMUM_ROLE, type Action } from "./policy.ts";

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

/** `GET /api/v1/tokens?all=true`: every user's tokens (admins only). */
export const tokenListQuerySchema = z.strictObject({
  all: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .meta({ description: "`true`: every user's tokens, each with its owner (admins only; 403 for anyone else)." }),
});

/** Cap of the list of every user's tokens (newest first). */
export const ALL_TOKENS_LIMIT = 500;

/** Which tokens the admin list shows: live ones, revoked ones, or all (expired ones only under all). */
export const tokenStateSchema = z.enum(["active", "revoked", "all"]);
export type TokenState = z.infer<typeof tokenStateSchema>;

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

// ───────────── responses: what the API answers (lib/auth/views.ts and the route handlers) ─────────────

const isoDateTime = z.iso.datetime({ offset: true });

/** One user as `GET /api/v1/users` lists it (`userView`). */
export const userResponseSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  version: z.int().positive().describe("Send it back with PATCH: a stale version is a 409."),
  organization: z.strictObject({ id: z.uuid(), name: z.string(), slug: z.string() }),
  lastSignInAt: isoDateTime.nullable(),
});
export const userListResponseSchema = z.strictObject({ users: z.array(userResponseSchema) });

/** `POST /api/v1/users`: `password` only when none was given (shown this once). */
export const createdUserResponseSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  organizationId: z.uuid(),
  password: z.string().optional().describe("Generated when none was given; shown in this answer only."),
});

/** `PATCH /api/v1/users/{id}`. */
export const updatedUserResponseSchema = z.strictObject({
  id: z.uuid(),
  role: roleSchema,
  disabled: z.boolean(),
  version: z.int().positive(),
});

/** One API token as listed (`tokenView`): never the token itself. */
export const tokenResponseSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the token, to tell tokens apart."),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  revoked: z.boolean(),
  owner: z
    .strictObject({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema })
    .optional()
    .describe("With `all=true` only: whose token it is."),
});
export const tokenListResponseSchema = z.strictObject({ tokens: z.array(tokenResponseSchema) });

/** `POST /api/v1/tokens`: the only answer that ever contains the token. */
export const createdTokenResponseSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  token: z.string().describe("The token itself: send it as `Authorization: Bearer <token>`. Never shown again."),
  prefix: z.string().describe("The first characters of the token, as the token lists show it."),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
});

/** `DELETE /api/v1/tokens/{id}`: `changed` is false when it was already revoked. */
export const revokedTokenResponseSchema = z.strictObject({
  id: z.uuid(),
  revoked: z.literal(true),
  changed: z.boolean().describe("False when the token was already revoked."),
});

export const organizationResponseSchema = z.strictObject({ id: z.uuid(), name: z.string(), slug: z.string() });
export const organizationListResponseSchema = z.strictObject({
  organizations: z.array(organizationResponseSchema.extend({ users: z.int().nonnegative() })),
});

/** `GET /api/v1/me`: who the credentials belong to and what their role allows. */
export const meResponseSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organization: z.strictObject({ id: z.uuid(), name: z.string() }),
  via: z.enum(["user", "token"]).describe('How the caller authenticated: session cookie ("user") or API token ("token").'),
  allowed: z
    .array(z.enum(Object.keys(MINIMUM_ROLE) as [Action, ...Action[]]))
    .describe("The actions the caller's role allows (lib/auth/policy.ts)."),
});
