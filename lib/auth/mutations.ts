import { randomBytes } from "node:crypto";
import { db } from "../db/client.ts";
import { errors } from "../errors.ts";
import { recordAudit } from "../audit/mutations.ts";
import type { Actor } from "./actor.ts";
import { hashPassword } from "./password.ts";
import { generateToken } from "./tokens.ts";
import { acceptedStep, newTotpSecret } from "./second-factor.ts";
import type { CreateOrganizationInput, CreateTokenInput, CreateUserInput, UpdateUserInput } from "./schema.ts";

// What the audit trail keeps of a user: never the password hash or TOTP secret.
const userAuditView = (user: { id: string; email: string; name: string; role: string; organizationId: string; disabledAt: Date | null }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  organizationId: user.organizationId,
  disabledAt: user.disabledAt,
});

export const DEFAULT_ORGANIZATION = { slug: "principal", name: "Organización principal" };

/** The organization users join when none is named (created on first need). */
export async function ensureDefaultOrganization(actor: Actor): Promise<{ id: string; name: string; slug: string }> {
  const existing = await db().organization.findUnique({ where: { slug: DEFAULT_ORGANIZATION.slug } });
  if (existing) return existing;
  return createOrganization(actor, DEFAULT_ORGANIZATION).catch(async (error) => {
    // Two first users at once: the other one created it.
    const again = await db().organization.findUnique({ where: { slug: DEFAULT_ORGANIZATION.slug } });
    if (again) return again;
    throw error;
  });
}

export async function createOrganization(actor: Actor, input: CreateOrganizationInput) {
  return db().$transaction(async (tx) => {
    const taken = await tx.organization.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (taken) throw errors.conflict(`An organization with the slug "${input.slug}" already exists.`);
    const organization = await tx.organization.create({ data: { name: input.name, slug: input.slug } });
    await recordAudit(tx, actor, {
      action: "organization.create",
      entityType: "Organization",
      entityId: organization.id,
      after: { name: organization.name, slug: organization.slug },
    });
    return organization;
  });
}

export interface CreatedUser {
  id: string;
  email: string;
  role: string;
  organizationId: string;
  /** Set when no password was given: shown once to whoever created the user. */
  generatedPassword: string | null;
}

export async function createUser(
  actor: Actor,
  input: CreateUserInput & { organizationId: string },
): Promise<CreatedUser> {
  const generatedPassword = input.password ? null : randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  return db().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, deletedAt: true },
    });
    if (!organization || organization.deletedAt) throw errors.notFound("Organization");
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) throw errors.conflict(`A user with the e-mail ${input.email} already exists.`);
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name ?? input.email.split("@")[0]!,
        role: input.role,
        passwordHash,
        organizationId: organization.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: userAuditView(user),
    });
    return { id: user.id, email: user.email, role: user.role, organizationId: user.organizationId, generatedPassword };
  });
}

/** Role and enabled state, by an admin, guarded by the version the admin saw. */
export async function updateUser(actor: Actor, userId: string, input: UpdateUserInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw errors.notFound("User");
    if (actor.userId === userId && (input.disabled === true || (input.role && input.role !== "admin"))) {
      throw errors.forbidden("Admins cannot disable or demote themselves; ask another admin.");
    }
    const disabledAt =
      input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? new Date()) : null;
    // The version in the WHERE makes a stale edit update nothing instead of overwriting.
    const roleChanged = input.role !== undefined && input.role !== before.role;
    const result = await tx.user.updateMany({
      where: { id: userId, version: input.version },
      data: {
        role: input.role ?? before.role,
        disabledAt,
        version: { increment: 1 },
        // A changed role or a disabled account ends every open session at once.
        ...(roleChanged || input.disabled ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (result.count === 0) {
      throw errors.staleVersion({ current: userAuditView(before), currentVersion: before.version });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await recordAudit(tx, actor, {
      action: "user.update",
      entityType: "User",
      entityId: userId,
      before: userAuditView(before),
      after: userAuditView(after),
    });
    return { id: after.id, role: after.role, disabledAt: after.disabledAt, version: after.version };
  });
}

export async function createApiToken(actor: Actor, userId: string, input: CreateTokenInput) {
  const { token, tokenHash, prefix } = generateToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const created = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
    if (!user || user.disabledAt) throw errors.notFound("User");
    const row = await tx.apiToken.create({ data: { userId, name: input.name, prefix, tokenHash, expiresAt } });
    await recordAudit(tx, actor, {
      action: "token.create",
      entityType: "ApiToken",
      entityId: row.id,
      after: { userId, name: row.name, prefix, expiresAt },
    });
    return row;
  });
  // The token itself is returned once, here, and never stored.
  return { id: created.id, name: created.name, prefix, token, expiresAt, createdAt: created.createdAt };
}

/**
 * Revokes a token. Who may (its owner, or an admin for anyone's) is the
 * caller's check, with `decide(actor, "token.manage_own", { ownerId })`; the
 * audit event names the owner, so an admin revoking someone else's token shows.
 */
export async function revokeApiToken(actor: Actor, tokenId: string) {
  return db().$transaction(async (tx) => {
    // Only a live token is revoked: revoking twice is a no-op, not a second event.
    const revokedAt = new Date();
    const result = await tx.apiToken.updateMany({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt },
    });
    if (result.count === 1) {
      const token = await tx.apiToken.findUniqueOrThrow({
        where: { id: tokenId },
        select: { userId: true, name: true, prefix: true },
      });
      await recordAudit(tx, actor, {
        action: "token.revoke",
        entityType: "ApiToken",
        entityId: tokenId,
        before: { userId: token.userId, name: token.name, prefix: token.prefix, revokedAt: null },
        after: { userId: token.userId, name: token.name, prefix: token.prefix, revokedAt, revoked: true },
      });
    }
    return { revoked: result.count === 1 };
  });
}

/** Last use, at most once a minute per token, so that busy scripts do not write on every call. */
export async function touchToken(tokenId: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db().apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } });
}

export async function recordSuccessfulSignIn(userId: string): Promise<void> {
  await db().user.update({
    where: { id: userId },
    data: { lastSignInAt: new Date() },
  });
}

/** Ends every session of a user (sign out everywhere). */
export async function revokeSessions(actor: Actor, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "user.sessions_revoke", entityType: "User", entityId: userId });
  });
}

/**
 * Second factor, step 1: a new secret, pending until a code from the app
 * confirms it. Starting again replaces a pending secret, never an active one.
 */
export async function startTotpEnrollment(actor: Actor, userId: string): Promise<string> {
  const secret = newTotpSecret();
  const result = await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpSecret: secret } });
    if (updated.count === 1) {
      await recordAudit(tx, actor, { action: "user.totp_enrollment_start", entityType: "User", entityId: userId });
    }
    return updated.count;
  });
  if (result === 0) throw errors.conflict("The second factor is already active; an admin must reset it first.");
  return secret;
}

/** Second factor, step 2: a valid code from the app turns the pending secret on. */
export async function confirmTotpEnrollment(actor: Actor, userId: string, code: string): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || user.totpEnabledAt) throw errors.conflict("There is no pending second factor to confirm.");
  const step = await acceptedStep(user.totpSecret, code, null);
  if (step === null) throw errors.unprocessable("That code is not valid. Check the time on your phone and try the current code.");
  await db().$transaction(async (tx) => {
    // Guarded by the same secret: a restarted enrollment meanwhile makes this a conflict.
    const updated = await tx.user.updateMany({
      where: { id: userId, totpSecret: user.totpSecret, totpEnabledAt: null },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (updated.count === 0) throw errors.conflict("The enrollment changed; start again.");
    await recordAudit(tx, actor, { action: "user.totp_enable", entityType: "User", entityId: userId });
  });
}

/** An admin clears a lost second factor; every session of that user ends. */
export async function resetTotp(actor: Actor, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw errors.notFound("User");
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, actor, { action: "user.totp_reset", entityType: "User", entityId: userId });
  });
}

/**
 * Uses up a sign-in code: accepted only for a step later than the last one
 * accepted, in one conditional update, so a code seen over a shoulder (or two
 * requests racing with the same code) signs in at most once.
 */
export async function consumeTotpCode(userId: string, secret: string, lastStep: number | null, code: string): Promise<boolean> {
  const step = await acceptedStep(secret, code, lastStep);
  if (step === null) return false;
  const updated = await db().user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return updated.count === 1;
}
