"use client";

import { useTranslations } from "next-intl";
import { createInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { ShownOnce } from "@/components/forms/ShownOnce.tsx";
import { useFormAction } from "@/components/forms/use-form-action.ts";
import { EmailField, OrganizationSelect, RoleSelect } from "./AccountFields.tsx";

export function InvitationForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  const { result, onSubmit: submit, pending } = useFormAction(createInvitationAction);
  return (
    <form onSubmit={submit} className="card form-grid" data-testid="invitation-create-form">
      <EmailField />
      <div className="field">
        <RoleSelect />
      </div>
      <div className="field full">
        <OrganizationSelect organizations={organizations} />
      </div>
      <div className="full stack">
        <FormProblem result={result} />
        {result?.ok ? (
          <ShownOnce
            message={t("invitationCreated", { email: result.data.email })}
            value={result.data.url}
            testId="invitation-created"
            valueTestId="invitation-url"
          />
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
