"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrent, type NavLink } from "./links.ts";
import styles from "./MainNav.module.css";

export interface MainNavProps {
  label: string;
  links: (NavLink & { label: string })[];
}

/**
 * The main navigation: one list of links that wraps onto several lines on a
 * phone. A client component only to mark the current page (aria-current);
 * the links are rendered on the server and work without JavaScript.
 */
export function MainNav({ label, links }: MainNavProps) {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label={label} className={styles.nav}>
      <ul className={styles.list}>
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
