"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { isCurrent, type NavLink } from "./links.ts";
import styles from "./MainNav.module.css";

export interface MainNavProps {
  label: string;
  /** The button that opens the links on a phone, when there are many (signed-in users). */
  menuLabel: string;
  links: (NavLink & { label: string })[];
}

/** More links than this fold behind a "Menú" button on a phone; the public's few always show. */
const FOLD_AFTER = 5;

/**
 * The main navigation: one list of links that wraps onto several lines. On a
 * phone, a signed-in user's longer list folds behind a "Menú" button so the
 * page starts near the top. A client component to mark the current page
 * (aria-current) and to open the fold; the links are rendered on the server.
 */
export function MainNav({ label, menuLabel, links }: MainNavProps) {
  const pathname = usePathname() ?? "/";
  const [open, setOpen] = useState(false);
  const foldable = links.length > FOLD_AFTER;
  // Going to another page closes the menu.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <nav aria-label={label} className={styles.nav}>
      {foldable ? (
        <button
          type="button"
          className={styles.menuButton}
          aria-expanded={open}
          aria-controls="main-nav-list"
          onClick={() => setOpen((value) => !value)}
          data-testid="nav-menu"
        >
          <span aria-hidden="true">☰</span> {menuLabel}
        </button>
      ) : null}
      <ul id="main-nav-list" className={`${styles.list} ${foldable && !open ? styles.folded : ""}`}>
        {links.map((link) => (
          <li key={link.id}>
            <Link
              href={link.href}
              className={styles.link}
              aria-current={isCurrent(link.href, pathname) ? "page" : undefined}
              data-testid={`nav-${link.id}`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
