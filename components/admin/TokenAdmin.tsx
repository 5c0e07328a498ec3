"use client";

import { useTranslations } from "next-intl";
import { useOptimistic, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/api/action.ts";
import { revokeTokenAction } from "@/lib/auth/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import styles from "./TokenAdmin.module.css";

/**
 * Revoke anyone's API token (admins), with a confirm step: the row shows the
 * token as revoked at once and goes back if the server refuses. The server
 * re-renders the list after a revocation (revalidatePath in the action).
 */
export function RevokeTokenButton({ id, name, owner }: { id: string; name: string; owner: string }) {
  const t = useTranslations("admin");
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [revoked, markRevoked] = useOptimistic(false, () => true);
  const [pending, startTransition] = useTransition();
  const openButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const revoke = () => {
    const form = new FormData();
    form.set("id", id);
    startTransition(async () => {
      markRevoked(true);
      const outcome = await revokeTokenAction(form);
      setResult(outcome);
      if (outcome.ok) setConfirming(false);
    });
  };

  if (revoked) {
    return (
      <p className={styles.done} role="status" data-testid="token-admin-revoked">
        {t("tokenRevokedNow", { name })}
      </p>
    );
  }

  if (!confirming) {
    return (
      <div className={styles.controls}>
        <button
          ref={openButton}
          type="button"
          className="button button-secondary"
          onClick={() => {
            setResult(null);
            setConfirming(true);
            requestAnimationFrame(() => confirmButton.current?.focus());
          }}
          aria-label={t("tokenRevokeLabel", { name, owner })}
          data-testid="token-admin-revoke"
        >
          {t("tokenRevoke")}
        </button>
        <FormProblem result={result} />
      </div>
    );
  }

  return (
    <div className={styles.confirm} role="group" aria-label={t("tokenRevokeLabel", { name, owner })} data-testid="token-admin-confirm">
      <p className={styles.question}>{t("tokenRevokeQuestion", { name, owner })}</p>
      <div className={styles.controls}>
        <button ref={confirmButton} type="button" className="button" onClick={revoke} disabled={pending} data-testid="token-admin-confirm-revoke">
          {t("tokenRevokeConfirm")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setConfirming(false);
            requestAnimationFrame(() => openButton.current?.focus());
          }}
          disabled={pending}
        >
          {t("tokenRevokeCancel")}
        </button>
      </div>
      <FormProblem result={result} />
    </div>
  );
}
