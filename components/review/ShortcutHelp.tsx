"use client";

import { useTranslations } from "next-intl";
import type { ReactNode, Ref } from "react";
import styles from "./ReviewQueue.module.css";

/** The visible list of keyboard shortcuts (folded; "?" opens and closes it). */
export function ShortcutHelp({ ref }: { ref?: Ref<HTMLDetailsElement> }) {
  const t = useTranslations("review");
  const or = ` ${t("shortcuts.keyOr")} `;
  const rows: [ReactNode, string][] = [
    [
      <>
        <kbd>j</kbd>
        {or}
        <kbd>
          <span aria-hidden="true">↓</span>
          <span className="visually-hidden">{t("shortcuts.keyDown")}</span>
        </kbd>
      </>,
      t("shortcuts.next"),
    ],
    [
      <>
        <kbd>k</kbd>
        {or}
        <kbd>
          <span aria-hidden="true">↑</span>
          <span className="visually-hidden">{t("shortcuts.keyUp")}</span>
        </kbd>
      </>,
      t("shortcuts.previous"),
    ],
    [<kbd key="a">a</kbd>, t("shortcuts.approve")],
    [<kbd key="r">r</kbd>, t("shortcuts.reject")],
    [<kbd key="e">e</kbd>, t("shortcuts.requestEvidence")],
    [<kbd key="x">x</kbd>, t("shortcuts.select")],
    [<kbd key="enter">{t("shortcuts.keyEnter")}</kbd>, t("shortcuts.submit")],
    [<kbd key="shift-enter">{t("shortcuts.keyShiftEnter")}</kbd>, t("shortcuts.newLine")],
    [<kbd key="esc">{t("shortcuts.keyEscape")}</kbd>, t("shortcuts.cancel")],
    [<kbd key="help">?</kbd>, t("shortcuts.help")],
  ];
  return (
    <details ref={ref} className={`disclosure ${styles.help}`} data-testid="review-shortcuts">
      <summary>{t("shortcuts.title")}</summary>
      <p className="hint">{t("shortcuts.intro")}</p>
      <dl className={styles.keys}>
        {rows.map(([keys, description], index) => (
          <div key={index} className={styles.keyRow}>
            <dt>{keys}</dt>
            <dd>{description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
