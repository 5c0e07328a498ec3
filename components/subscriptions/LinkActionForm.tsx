"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useFormAction } from "@/components/forms/use-form-action.ts";
import { confirmAction, unsubscribeAction } from "@/lib/subscriptions/actions.ts";

/**
 * The one button of a mail's link page (confirm, or unsubscribe), then a calm
 * sentence saying what happened. Opening the link changes nothing by itself.
 */
export function LinkActionForm({ kind, token }: { kind: "confirm" | "unsubscribe"; token: string }) {
  const t = useTranslations("subscriptions");
  const tForms = useTranslations("forms");
  const { result, onSubmit, pending } = useFormAction(kind === "confirm" ? confirmAction : unsubscribeAction);
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) outcome.current?.focus();
  }, [result]);

  if (result?.ok) {
    const sentence = result.data === "already_confirmed" ? t("confirm.already") : t(`${kind}.done`);
    return (
      <p className="notice" role="status" tabIndex={-1} ref={outcome} data-testid="link-done" data-outcome={result.data}>
        {sentence}
      </p>
    );
  }

  const problem = result && !result.ok ? result.error.code : null;
  return (
    <form onSubmit={onSubmit} data-testid="link-form">
      <input type="hidden" name="token" value={token} />
      <p className="prose">{t(`${kind}.explain`)}</p>
      {problem ? (
        <p className="error-message" role="alert" tabIndex={-1} ref={outcome} data-testid="link-problem" data-code={problem}>
          {problem === "not_found" ? t(`${kind}.invalid`) : problem === "rate_limited" ? tForms("error.rate_limited") : t("errors.internal")}
        </p>
      ) : null}
      <p className="actions">
        <button type="submit" className="button" disabled={pending} data-testid="link-submit">
          {pending ? t(`${kind}.working`) : t(`${kind}.button`)}
        </button>
      </p>
    </form>
  );
}
