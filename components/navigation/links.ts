/**
 * Who sees which link of the main navigation: the one table of it.
 * "public" is everyone, signed in or not; the other audiences are roles.
 * Labels are keys of the "nav" catalogue namespace.
 */
export type Role = "volunteer" | "moderator" | "admin";
type Audience = "public" | Role;

export type NavLabelKey = "home" | "search" | "list" | "announcements" | "account" | "audit" | "users";

export interface NavLink {
  /** Stable id: the link's data-testid is `nav-${id}`. */
  id: string;
  href: string;
  labelKey: NavLabelKey;
}

interface NavEntry extends NavLink {
  audience: readonly Audience[];
}

const SIGNED_IN: readonly Role[] = ["volunteer", "moderator", "admin"];

export const NAV_TABLE: readonly NavEntry[] = [
  { id: "inicio", href: "/", labelKey: "home", audience: ["public"] },
  { id: "buscar", href: "/buscar", labelKey: "search", audience: ["public"] },
  { id: "lista", href: "/lista", labelKey: "list", audience: ["public"] },
  { id: "anuncios", href: "/anuncios", labelKey: "announcements", audience: ["public"] },
  { id: "cuenta", href: "/cuenta", labelKey: "account", audience: SIGNED_IN },
  { id: "auditoria", href: "/auditoria", labelKey: "audit", audience: ["moderator", "admin"] },
  { id: "usuarios", href: "/admin/usuarios", labelKey: "users", audience: ["admin"] },
];

/** The links a visitor sees: `null` for someone not signed in. */
export function navLinksFor(role: Role | null): NavLink[] {
  return NAV_TABLE.filter((entry) => entry.audience.includes("public") || (role !== null && entry.audience.includes(role))).map(
    ({ id, href, labelKey }) => ({ id, href, labelKey }),
  );
}

/** Whether `href` is the current page or a section containing it ("/" only for itself). */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
