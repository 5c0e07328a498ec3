"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { createTokenAction, revokeTokenAction } from "@/lib/auth/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { ShownOnce } from "@/components/forms/ShownOnce.tsx";
import { useFormAction } from "@/components/forms/use-form-action.ts";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string | null;
  expires: string | null;
  revoked: boolean;
}


/** Create (shown once), list and revoke the viewer's API tokens. */
export function TokenManager({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations("account");
  const { result: created, onSubmit: create, pending: creating } = useFormAction(createTokenAction);
  const { result: revoked, onSubmit: revoke, pending: revoking } = useFormAction(revokeTokenAction);
  const nameId = useId();
  const expiryId = useId();

  return (
    <>
      <form onSubmit={create} className="card stack" data-testid="token-create-form">
        <div className="field">
          <label htmlFor={nameId}>{t("tokenName")}</label>
          <input id={nameId} name="name" className="input" required maxLength={100} placeholder={t("tokenNamePlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor={expiryId}>{t("tokenExpiry")}</label>
          <input id={expiryId} name="expiresInDays" className="input" type="number" min={1} max={3650} inputMode="numeric" />
          <p className="hint">{t("tokenExpiryHint")}</p>
        </div>
        <FormProblem result={created} />
        <button type="submit" className="button" disabled={creating}>
          {t("tokenCreate")}
        </button>
      </form>

      {created?.ok ? (
        <ShownOnce
          message={t("tokenShownOnce", { name: created.data.name })}
          value={created.data.token}
          testId="token-created"
          valueTestId="token-value"
        />
      ) : null}

      <FormProblem result={revoked} />
      {tokens.length === 0 ? (
        <p className="muted">{t("tokensNone")}</p>
      ) : (
        <ul className="plain-list" data-testid="token-list">
          {tokens.map((token) => (
            <li key={token.id} className="card" data-testid="token-row">
              <p>
                <strong>{token.name}</strong> <code>{token.prefix}…</code>{" "}
                {token.revoked ? <span className="badge">{t("tokenRevoked")}</span> : null}
              </p>
              <p className="muted">
                {t("tokenCreated", { date: token.created })} ·{" "}
                {token.lastUsed ? t("tokenLastUsed", { date: token.lastUsed }) : t("tokenNeverUsed")}
                {token.expires ? ` · ${t("tokenExpires", { date: token.expires })}` : ""}
              </p>
              {token.revoked ? null : (
                <form onSubmit={revoke}>
                  <input type="hidden" name="id" value={token.id} />
                  <button type="submit" className="button button-secondary" disabled={revoking}>
                    {t("tokenRevoke", { name: token.name })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
