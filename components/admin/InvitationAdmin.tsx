"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { createInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { useFormAction } from "@/components/forms/use-form-action.ts";

const ROLES = ["volunteer", "moderator", "admin"] as const;

export function InvitationForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  const tRoles = useTranslations("roles");
  const { result, onSubmit: submit, pending } = useFormAction(createInvitationAction);
  const ids = { email: useId(), role: useId(), org: useId() };
  return (
    <form onSubmit={submit} className="card form-grid" data-testid="invitation-create-form">
      <div className="field">
        <label htmlFor={ids.email}>{t("email")}</label>
        <input id={ids.email} name="email" type="email" className="input" required maxLength={254} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={ids.role}>{t("role")}</label>
        <select id={ids.role} name="role" className="input" defaultValue="volunteer">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
      </div>
      <div className="field full">
        <label htmlFor={ids.org}>{t("organization")}</label>
        <select id={ids.org} name="organizationId" className="input" defaultValue="">
          <option value="">{t("defaultOrganization")}</option>
          {organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </div>
      <div className="full stack">
        <FormProblem result={result} />
        {result?.ok ? (
          <div className="notice" role="status" data-testid="invitation-created">
            <p>{t("invitationCreated", { email: result.data.email })}</p>
            <code className="secret" data-testid="invitation-url">
              {result.data.url}
            </code>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={pending}>
          {t("invite")}
        </button>
      </div>
    </form>
  );
}

export function RevokeInvitationButton({ id, email }: { id: string; email: string }) {
  const t = useTranslations("admin");
  const { result, onSubmit: submit, pending } = useFormAction(revokeInvitationAction);
  return (
    <form onSubmit={submit}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button button-secondary" disabled={pending} aria-label={t("revokeInvitationLabel", { email })}>
        {t("revokeInvitation")}
      </button>
      <FormProblem result={result} />
    </form>
  );
}
