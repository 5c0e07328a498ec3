"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { dismissDuplicateAction } from "@/lib/duplicates/actions.ts";

/** "Different people": settles a merge-queue entry, after a confirmation. */
export function DismissDuplicateButton({ id }: { id: string }) {
  const t = useTranslations("merge.queue");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const dismiss = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const result = await dismissDuplicateAction({ id });
      if (!result.ok) setFailed(true);
      router.refresh();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setConfirming(true)} data-testid="duplicate-dismiss">
        {t("dismiss")}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t("dismissConfirm")} style={{ display: "inline-flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "center" }}>
      <span>{t("dismissConfirm")}</span>
      <button type="button" className="button" disabled={busy} onClick={() => void dismiss()} data-testid="duplicate-dismiss-yes">
        {t("dismissYes")}
      </button>
      <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
        {t("dismissNo")}
      </button>
      {failed ? (
        <span role="alert" className="error-message">
          {t("dismissFailed")}
        </span>
      ) : null}
    </span>
  );
}
