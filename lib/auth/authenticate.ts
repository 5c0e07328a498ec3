import { errors } from "../errors.ts";
import type { Actor } from "./actor.ts";
import { findActiveToken } from "./data.ts";
import { touchToken } from "./mutations.ts";
import { actorOf, getViewer } from "./session.ts";

/**
 * Who is calling: an API token (`Authorization: Bearer …`) when one is sent,
 * otherwise the session cookie, otherwise nobody. A token that is sent but not
 * valid is an error (401), never a silent fall-back to anonymous.
 */
export async function resolveActor(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw errors.invalidToken();
    const found = await findActiveToken(match[1]!);
    if (!found || found.user.disabledAt || found.user.organization.deletedAt) throw errors.invalidToken();
    await touchToken(found.id, found.lastUsedAt);
    return { kind: "token", userId: found.user.id, role: found.user.role, organizationId: found.user.organizationId };
  }
  const viewer = await getViewer();
  return viewer ? actorOf(viewer) : null;
}
