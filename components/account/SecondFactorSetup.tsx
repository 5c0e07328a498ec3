"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import type { ActionResult } from "@/lib/api/action.ts";
import { confirmTotpAction, startTotpAction } from "@/lib/auth/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { OneTimeCodeInput } from "@/components/forms/OneTimeCodeInput.tsx";

/** Scan the code (or type the key) into an authenticator app, then prove it with one code. */
export function SecondFactorSetup({ enrollment }: { enrollment: { secret: string; qrSvg: string } | null }) {
  const t = useTranslations("secondFactor");
  const router = useRouter();
  const [started, start, starting] = useActionState<ActionResult<{ started: boolean }> | null, FormData>(
    (_, form) => startTotpAction(form),
    null,
  );
  const [confirmed, confirm, confirming] = useActionState<ActionResult<{ enabled: boolean }> | null, FormData>(
    (_, form) => confirmTotpAction(form),
    null,
  );
  const codeId = useId();

  useEffect(() => {
    if (confirmed?.ok) router.refresh();
  }, [confirmed, router]);

  if (!enrollment) {
    return (
      <form action={start} className="stack">
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
      <form action={confirm} className="stack">
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
