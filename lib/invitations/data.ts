import { db } from "../db/client.ts";
import { hashToken } from "../auth/tokens.ts";
import { invitationSecretSchema } from "./schema.ts";

export type InvitationState = "open" | "accepted" | "revoked" | "expired";

export function invitationState(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "open";
}

/** What the invitation page shows: who is invited, as what, and whether the link still works. */
export async function findInvitationBySecret(secret: string) {
  if (!invitationSecretSchema.safeParse(secret).success) return null;
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true } },
    },
  });
  return invitation ? { ...invitation, state: invitationState(invitation) } : null;
}

export async function listOpenInvitations() {
  return db().invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      organization: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
}
