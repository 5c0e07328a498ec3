import type { Actor } from "./actor.ts";
import type { Role } from "../generated/prisma/enums.ts";

/**
 * Who may do what: the one place that answers it. Route handlers and server
 * actions ask through the wrapper in lib/api (`permission`), and mutations
 * ask again with the record in hand for the record-level rules
 * (maker-checker, own tokens, own organization).
 */
const RANK: Record<Role, number> = { volunteer: 1, moderator: 2, admin: 3 };

/** The least role each action needs. */
export const MINIMUM_ROLE = {
  "account.view": "volunteer",
  "token.manage_own": "volunteer",
  "person.create": "volunteer",
  "person.update": "volunteer",
  "person.view_internal": "volunteer",
  "release.create": "volunteer",
  "release.update": "volunteer",
  "evidence.create": "volunteer",
  "evidence.view_private": "volunteer",
  "history.view": "volunteer",
  "duplicate.flag": "volunteer",
  "release.review": "moderator",
  "release.dispute": "moderator",
  "release.retract": "moderator",
  "person.merge": "moderator",
  "person.delete": "moderator",
  "announcement.manage": "moderator",
  "names.match": "moderator",
  "import.create": "moderator",
  "tip.review": "moderator",
  "export.internal": "moderator",
  "audit.view": "moderator",
  "person.purge": "admin",
  "user.manage": "admin",
  "organization.manage": "admin",
  "token.manage_all": "admin",
  "audit.verify": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MINIMUM_ROLE;

export type Decision = { ok: true } | { ok: false; reason: DenialReason };
export type DenialReason =
  | "unauthenticated"
  | "role"
  | "second_factor"
  | "own_report"
  | "other_owner"
  | "other_organization";

/** The record an action is about, as far as the rules need to know it. */
export interface PolicyRecord {
  /** The user who reported/created it (maker-checker). */
  reportedById?: string | null;
  /** The user who owns it (API tokens). */
  ownerId?: string | null;
  /** Its organization (imports, internal exports). */
  organizationId?: string | null;
}

export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export function decide(actor: Actor | null, action: Action, record?: PolicyRecord): Decision {
  if (!actor) return { ok: false, reason: "unauthenticated" };
  if (!hasRole(actor.role, MINIMUM_ROLE[action])) return { ok: false, reason: "role" };
  // A moderator or admin without their second factor keeps only what a volunteer
  // may do, minus API tokens (a token would outlive the missing factor).
  if (
    actor.kind === "user" &&
    actor.secondFactorMissing &&
    (MINIMUM_ROLE[action] !== "volunteer" || action === "token.manage_own")
  ) {
    return { ok: false, reason: "second_factor" };
  }
  if (!record) return { ok: true };

  switch (action) {
    case "release.review":
      // Maker-checker: whoever reported a release never reviews it, whatever their role.
      if (record.reportedById && record.reportedById === actor.userId) return { ok: false, reason: "own_report" };
      return { ok: true };
    case "token.manage_own":
      if (record.ownerId !== actor.userId && !hasRole(actor.role, "admin")) return { ok: false, reason: "other_owner" };
      return { ok: true };
    case "import.create":
    case "export.internal":
      if (
        actor.organizationId !== null &&
        record.organizationId &&
        record.organizationId !== actor.organizationId &&
        !hasRole(actor.role, "admin")
      ) {
        return { ok: false, reason: "other_organization" };
      }
      return { ok: true };
    default:
      return { ok: true };
  }
}

export function can(actor: Actor | null, action: Action, record?: PolicyRecord): boolean {
  return decide(actor, action, record).ok;
}

/** The actions a role may take at all: used to build navigation and to document roles. */
export function actionsFor(role: Role): Action[] {
  return (Object.keys(MINIMUM_ROLE) as Action[]).filter((action) => hasRole(role, MINIMUM_ROLE[action]));
}
