import { hasRole, MINIMUM_ROLE, type Action } from "../../lib/auth/policy.ts";
import type { Role } from "../../lib/generated/prisma/enums.ts";

/**
 * The links of the main navigation. A signed-in link names the policy action
 * its page needs, so the menu shows exactly what lib/auth/policy.ts allows
 * (the page checks again; the menu is a courtesy, not a gate).
 * Labels are keys of the "nav" catalogue namespace.
 */
export type { Role };

export type NavLabelKey =
  | "home"
  | "search"
  | "list"
  | "announcements"
  | "record"
  | "records"
  | "review"
  | "matching"
  | "imports"
  | "tips"
  | "account"
  | "audit"
  | "users";

export interface NavLink {
  /** Stable id: the link's data-testid is `nav-${id}`. */
  id: string;
  href: string;
  labelKey: NavLabelKey;
}

interface NavEntry extends NavLink {
  /** "public" for everyone, or the action whose minimum role sees the link. */
  needs: "public" | Action;
}

export const NAV_TABLE: readonly NavEntry[] = [
  { id: "inicio", href: "/", labelKey: "home", needs: "public" },
  { id: "buscar", href: "/buscar", labelKey: "search", needs: "public" },
  { id: "lista", href: "/lista", labelKey: "list", needs: "public" },
  { id: "anuncios", href: "/anuncios", labelKey: "announcements", needs: "public" },
  { id: "registrar", href: "/registrar", labelKey: "record", needs: "person.create" },
  { id: "expedientes", href: "/expedientes", labelKey: "records", needs: "person.view_internal" },
  { id: "revision", href: "/revision", labelKey: "review", needs: "release.review" },
  { id: "cotejo", href: "/cotejo", labelKey: "matching", needs: "names.match" },
  { id: "importar", href: "/importar", labelKey: "imports", needs: "import.create" },
  { id: "pistas", href: "/pistas", labelKey: "tips", needs: "tip.review" },
  { id: "cuenta", href: "/cuenta", labelKey: "account", needs: "account.view" },
  { id: "auditoria", href: "/auditoria", labelKey: "audit", needs: "audit.view" },
  { id: "usuarios", href: "/admin/usuarios", labelKey: "users", needs: "user.manage" },
];

/** The links a visitor sees: `null` for someone not signed in. */
export function navLinksFor(role: Role | null): NavLink[] {
  return NAV_TABLE.filter(
    (entry) => entry.needs === "public" || (role !== null && hasRole(role, MINIMUM_ROLE[entry.needs])),
  ).map(({ id, href, labelKey }) => ({ id, href, labelKey }));
}

/** Whether `href` is the current page or a section containing it ("/" only for itself). */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
