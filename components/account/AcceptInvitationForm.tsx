"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { acceptInvitationAction } from "@/lib/invitations/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { useFormAction } from "@/components/forms/use-form-action.ts";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invitation");
  const { result, onSubmit: submit, pending } = useFormAction(acceptInvitationAction);
  const ids = { name: useId(), password: useId(), again: useId() };

  if (result?.ok) {
    return (
      <div className="notice" role="status" data-testid="invitation-accepted">
        <p>{t("accepted", { email: result.data.email })}</p>
        <p>
          <Link href={`/ingresar`}>{t("signIn")}</Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="card stack" data-testid="invitation-form">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account's user name. */}
      <input type="hidden" autoComplete="username" value={email} readOnly />
      <div className="field">
        <label htmlFor={ids.name}>{t("name")}</label>
        <input id={ids.name} name="name" className="input" required maxLength={200} autoComplete="name" />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t("password")}</label>
        <input id={ids.password} name="password" type="password" className="input" required minLength={10} maxLength={200} autoComplete="new-password" />
        <p className="hint">{t("passwordHint")}</p>
      </div>
      <div className="field">
        <label htmlFor={ids.again}>{t("passwordAgain")}</label>
        <input id={ids.again} name="passwordAgain" type="password" className="input" required maxLength={200} autoComplete="new-password" />
      </div>
      <FormProblem result={result} override={{ not_found: t("state.expired") }} />
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
