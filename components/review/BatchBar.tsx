"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import styles from "./BatchBar.module.css";

export interface BatchBarProps {
  /** How many releases are selected. */
  count: number;
  /** The moderator's name, said in the confirmation: the approvals are theirs. */
  reviewerName: string;
  sending: boolean;
  onConfirm: () => void;
  onClear: () => void;
}

/**
 * The batch approval bar: it stays at the bottom of the screen while
 * releases are selected. "Approve N selected" first asks for confirmation,
 * saying what will be recorded (one approval per release, in the moderator's
 * name, each under the same rule); only the confirmation sends.
 */
export function BatchBar({ count, reviewerName, sending, onConfirm, onClear }: BatchBarProps) {
  const t = useTranslations("review");
  const [confirming, setConfirming] = useState(false);
  const ids = { title: useId(), text: useId() };
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the step: into the confirmation when it opens, back to the button when it closes.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  useEffect(() => {
    if (count === 0) setConfirming(false);
  }, [count]);

  if (count === 0 && !sending) return null;

  return (
    <section className={styles.bar} aria-labelledby={ids.title} data-testid="review-batch-bar">
      <h2 id={ids.title} className={styles.title}>
        {sending ? t("batch.sending", { count }) : t("batch.selected", { count })}
      </h2>
      {confirming && !sending ? (
        <div
          className={styles.confirm}
          role="group"
          aria-labelledby={ids.title}
          aria-describedby={ids.text}
          data-testid="review-batch-confirm"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              setConfirming(false);
            }
          }}
        >
          <p id={ids.text} className={styles.text}>
            {t("batch.confirmText", { count, name: reviewerName })}
          </p>
          <div className={styles.buttons}>
            <button
              ref={confirmRef}
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
                onConfirm();
              }}
              data-testid="review-batch-confirm-button"
            >
              {t("batch.confirm", { count })}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t("batch.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div className={styles.buttons}>
          <button
            ref={openRef}
            type="button"
            className="button"
            onClick={() => setConfirming(true)}
            disabled={sending || count === 0}
            data-testid="review-batch-approve"
          >
            {t("batch.approve", { count })}
          </button>
          <button type="button" className="button button-secondary" onClick={onClear} disabled={sending} data-testid="review-batch-clear">
            {t("batch.clear")}
          </button>
        </div>
      )}
    </section>
  );
}
