"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { createOrganizationAction, createUserAction, resetTotpAction, updateUserAction } from "@/lib/auth/actions.ts";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { useFormAction } from "@/components/forms/use-form-action.ts";
import { EmailField, OrganizationSelect, RoleSelect } from "./AccountFields.tsx";
import styles from "./UserAdmin.module.css";

export function UserCreateForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  const { result, onSubmit: submit, pending } = useFormAction(createUserAction);
  const ids = { name: useId(), password: useId() };

  return (
    <form onSubmit={submit} className="card form-grid" data-testid="user-create-form">
      <EmailField />
      <div className="field">
        <label htmlFor={ids.name}>{t("name")}</label>
        <input id={ids.name} name="name" className="input" maxLength={200} autoComplete="off" />
      </div>
      <div className="field">
        <RoleSelect />
      </div>
      <div className="field">
        <OrganizationSelect organizations={organizations} />
      </div>
      <div className="field full">
        <label htmlFor={ids.password}>{t("password")}</label>
        <input id={ids.password} name="password" type="password" className="input" minLength={10} maxLength={200} autoComplete="new-password" />
        <p className="hint">{t("passwordHint")}</p>
      </div>
      <div className="full stack">
      <FormProblem result={result} />
      {result?.ok ? (
        <div className="notice" role="status" data-testid="user-created">
          <p>{t("created", { email: result.data.email })}</p>
          {result.data.password ? (
            <p>
              {t("generatedPassword")} <code className="secret">{result.data.password}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {t("create")}
      </button>
      </div>
    </form>
  );
}

export function UserRowControls(props: {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
  version: number;
  hasSecondFactor: boolean;
}) {
  const t = useTranslations("admin");
  const { result, onSubmit: submit, pending } = useFormAction(updateUserAction);
  const { result: reset, onSubmit: submitReset, pending: resetting } = useFormAction(resetTotpAction);

  return (
    <div className={styles.controls}>
      <form onSubmit={submit} className="inline-form">
        <input type="hidden" name="id" value={props.id} />
        <input type="hidden" name="version" value={props.version} />
        <RoleSelect label={t("roleOf", { email: props.email })} defaultValue={props.role} hideLabel />
        <button type="submit" className="button button-secondary" disabled={pending}>
          {t("saveRole")}
        </button>
      </form>
      <form onSubmit={submit}>
        <input type="hidden" name="id" value={props.id} />
        <input type="hidden" name="version" value={props.version} />
        <input type="hidden" name="disabled" value={props.disabled ? "false" : "true"} />
        <button
          type="submit"
          className="button button-secondary"
          disabled={pending}
          data-testid="user-toggle"
          aria-label={props.disabled ? t("enable", { email: props.email }) : t("disable", { email: props.email })}
        >
          {props.disabled ? t("enableShort") : t("disableShort")}
        </button>
      </form>
      {props.hasSecondFactor ? (
        <form onSubmit={submitReset}>
          <input type="hidden" name="id" value={props.id} />
          <button
            type="submit"
            className="button button-secondary"
            disabled={resetting}
            aria-label={t("resetTotpLabel", { email: props.email })}
            data-testid="user-reset-totp"
          >
            {t("resetTotp")}
          </button>
        </form>
      ) : null}
      <FormProblem result={result} />
      <FormProblem result={reset} />
      {reset?.ok ? (
        <p role="status" className="muted">
          {t("totpReset")}
        </p>
      ) : null}
    </div>
  );
}

export function OrganizationCreateForm() {
  const t = useTranslations("admin");
  const { result, onSubmit: submit, pending } = useFormAction(createOrganizationAction);
  const nameId = useId();
  const slugId = useId();
  return (
    <form onSubmit={submit} className="card stack" data-testid="organization-create-form">
      <div className="field">
        <label htmlFor={nameId}>{t("organizationName")}</label>
        <input id={nameId} name="name" className="input" required minLength={2} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor={slugId}>{t("organizationSlug")}</label>
        <input id={slugId} name="slug" className="input" required maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
        <p className="hint">{t("organizationSlugHint")}</p>
      </div>
      <FormProblem result={result} />
      {result?.ok ? (
        <p className="notice" role="status">
          {t("organizationCreated", { slug: result.data.slug })}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {t("organizationCreate")}
      </button>
    </form>
  );
}
