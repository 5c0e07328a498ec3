"use client";

import { useTranslations } from "next-intl";
import { verifyChainAction } from "@/lib/audit/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { useFormAction } from "@/components/forms/use-form-action.ts";

/** Walks the whole hash chain on demand (admins): the same check as `npm run cli -- audit verify`. */
export function ChainCheck() {
  const t = useTranslations("audit");
  const { result, onSubmit: verify, pending } = useFormAction(verifyChainAction);
  return (
    <form onSubmit={verify} className="card stack" data-testid="chain-check">
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("verifying") : t("verify")}
      </button>
      <FormProblem result={result} />
      {result?.ok ? (
        <p role="status" className={result.data.ok ? "notice" : "error-message"} data-testid="chain-result">
          {result.data.ok
            ? t("intact", { count: result.data.events })
            : t("broken", { id: result.data.brokenAt, count: result.data.events - 1 })}
        </p>
      ) : null}
    </form>
  );
}
