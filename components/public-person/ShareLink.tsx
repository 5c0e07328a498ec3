"use client";

import { useId, useRef, useState } from "react";
import styles from "./PublicPerson.module.css";

/**
 * The page's own address, selectable, with a button that copies it. The
 * words come from the server (the `publicPerson` namespace is not sent to
 * the browser).
 */
export function ShareLink({ url, labels }: { url: string; labels: { label: string; copy: string; copied: string; copyFailed: string } }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      // No clipboard (an old browser, or not allowed): select the text so a long-press or Ctrl+C copies it.
      input.current?.select();
      setState("failed");
    }
  };

  return (
    <div className={styles.share}>
      <label htmlFor={id} className={styles.shareLabel}>
        {labels.label}
      </label>
      <div className={styles.shareRow}>
        <input
          id={id}
          ref={input}
          className={`input ${styles.shareInput}`}
          value={url}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          data-testid="share-url"
        />
        <button type="button" className="button button-secondary" onClick={copy} data-testid="share-copy">
          {labels.copy}
        </button>
      </div>
      <p role="status" className={styles.shareStatus}>
        {state === "copied" ? labels.copied : state === "failed" ? labels.copyFailed : ""}
      </p>
    </div>
  );
}
