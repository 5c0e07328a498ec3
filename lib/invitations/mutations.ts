import { db } from "../db/client.ts";
import { errors } from "../errors.ts";
import { recordAudit } from "../audit/mutations.ts";
import type { Actor } from "../auth/actor.ts";
import { hashPassword } from "../auth/password.ts";
import { generateSecret, hashToken } from "../auth/tokens.ts";
import { INVITATION_DAYS, type AcceptInvitationInput, type CreateInvitationInput } from "./schema.ts";

/**
 * Invitations: an admin names an e-mail, a role and an organization; the
 * person opens the link (sent by the admin through a channel they trust),
 * chooses their name and password, and the account exists. Only the link's
 * SHA-256 is stored; the link is shown once.
 */
export async function createInvitation(
  actor: Actor,
  input: CreateInvitationInput & { organizationId: string },
): Promise<{ id: string; secret: string; expiresAt: Date }> {
  if (!actor.userId) throw errors.forbidden("Invitations are made by a signed-in admin.");
  const { secret, secretHash } = generateSecret();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const invitation = await db().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { deletedAt: true } });
    if (!organization || organization.deletedAt) throw errors.notFound("Organization");
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw errors.conflict(`A user with the e-mail ${input.email} already exists.`);
    // A new invitation replaces an open one for the same address: one live link per person.
    await tx.invitation.updateMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        email: input.email,
        role: input.role,
        organizationId: input.organizationId,
        tokenHash: secretHash,
        invitedById: actor.userId!,
        expiresAt,
      },
    });
    await recordAudit(tx, actor, {
      action: "invitation.create",
      entityType: "Invitation",
      entityId: created.id,
      after: { email: created.email, role: created.role, organizationId: created.organizationId, expiresAt },
    });
    return created;
  });
  return { id: invitation.id, secret, expiresAt };
}

export async function revokeInvitation(actor: Actor, invitationId: string): Promise<{ revoked: boolean }> {
  return db().$transaction(async (tx) => {
    const result = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 1) {
      await recordAudit(tx, actor, { action: "invitation.revoke", entityType: "Invitation", entityId: invitationId });
    }
    return { revoked: result.count === 1 };
  });
}

/**
 * Uses the link: marks the invitation accepted and creates the account in one
 * transaction. The conditional update makes a link work once, even when it is
 * submitted twice at the same moment.
 */
export async function acceptInvitation(input: AcceptInvitationInput): Promise<{ userId: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashToken(input.token);
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash } });
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (!invitation || claimed.count === 0) throw errors.notFound("Open invitation");
    const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (taken) throw errors.conflict(`A user with the e-mail ${invitation.email} already exists.`);
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: input.name,
        role: invitation.role,
        organizationId: invitation.organizationId,
        passwordHash,
      },
    });
    // The new user acts for the first time: the trail shows them accepting who invited them.
    const actor: Actor = { kind: "user", userId: user.id, role: user.role, organizationId: user.organizationId };
    await recordAudit(tx, actor, {
      action: "invitation.accept",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, invitationId: invitation.id },
    });
    return { userId: user.id, email: user.email };
  });
}
