import { cache } from "react";
import { getServerSession } from "next-auth";
import type { Role } from "../generated/prisma/enums.ts";
import type { Actor } from "./actor.ts";
import { findSessionUser } from "./data.ts";
import { authOptions } from "./options.ts";
import { secondFactorRequired } from "./second-factor.ts";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  /** "missing" for a moderator or admin who has not set up their second factor yet. */
  secondFactor: "ok" | "missing";
}

/**
 * The signed-in user of this request, or null. The session cookie only names
 * the user; the user is re-read from the database (once per request) and the
 * session refused when the account is disabled or its sessions were revoked.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  const user = await findSessionUser(session.uid);
  if (!user || user.disabledAt || user.organization.deletedAt || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    secondFactor: secondFactorRequired(user) && !user.totpEnabledAt ? "missing" : "ok",
  };
});

export function actorOf(viewer: Viewer): Actor {
  return {
    kind: "user",
    userId: viewer.id,
    role: viewer.role,
    organizationId: viewer.organizationId,
    secondFactorMissing: viewer.secondFactor === "missing",
  };
}
