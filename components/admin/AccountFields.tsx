"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

/** The fields an account and an invitation share: who (e-mail), as what (role), where (organization). */
const ROLES = ["volunteer", "moderator", "admin"] as const;

export function EmailField() {
  const t = useTranslations("admin");
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t("email")}</label>
      <input id={id} name="email" type="email" className="input" required maxLength={254} autoComplete="off" />
    </div>
  );
}

export function RoleSelect({ label, defaultValue = "volunteer", hideLabel = false }: { label?: string; defaultValue?: string; hideLabel?: boolean }) {
  const t = useTranslations("admin");
  const tRoles = useTranslations("roles");
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label ?? t("role")}
      </label>
      <select id={id} name="role" className="input" defaultValue={defaultValue}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {tRoles(role)}
          </option>
        ))}
      </select>
    </>
  );
}

export function OrganizationSelect({ organizations }: { organizations: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t("organization")}</label>
      <select id={id} name="organizationId" className="input" defaultValue="">
        <option value="">{t("defaultOrganization")}</option>
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </>
  );
}
