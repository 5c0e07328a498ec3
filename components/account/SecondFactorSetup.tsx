"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId } from "react";
import { confirmTotpAction, startTotpAction } from "@/lib/auth/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { useFormAction } from "@/components/forms/use-form-action.ts";
import { OneTimeCodeInput } from "@/components/forms/OneTimeCodeInput.tsx";

/** Scan the code (or type the key) into an authenticator app, then prove it with one code. */
export function SecondFactorSetup({ enrollment }: { enrollment: { secret: string; qrSvg: string } | null }) {
  const t = useTranslations("secondFactor");
  const router = useRouter();
  const { result: started, onSubmit: start, pending: starting } = useFormAction(startTotpAction);
  const { result: confirmed, onSubmit: confirm, pending: confirming } = useFormAction(confirmTotpAction);
  const codeId = useId();

  useEffect(() => {
    if (confirmed?.ok) router.refresh();
  }, [confirmed, router]);

  if (!enrollment) {
    return (
      <form onSubmit={start} className="stack">
        <FormProblem result={started} />
        <button type="submit" className="button" disabled={starting} data-testid="totp-start">
          {t("start")}
        </button>
      </form>
    );
  }

  return (
    <div className="card stack">
      <ol className="prose">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
      </ol>
      {/* The SVG is made on our server from the otpauth URI by the qrcode library: no third-party content. */}
      <div role="img" aria-label={t("qrLabel")} className="qr" dangerouslySetInnerHTML={{ __html: enrollment.qrSvg }} />
      <p>
        {t("manual")} <code className="secret" data-testid="totp-secret">{enrollment.secret}</code>
      </p>
      <form onSubmit={confirm} className="stack">
        <div className="field">
          <label htmlFor={codeId}>{t("code")}</label>
          <OneTimeCodeInput id={codeId} testId="totp-code" />
        </div>
        <FormProblem result={confirmed} override={{ unprocessable: t("invalidCode") }} />
        <button type="submit" className="button" disabled={confirming} data-testid="totp-confirm">
          {t("confirm")}
        </button>
      </form>
    </div>
  );
}
