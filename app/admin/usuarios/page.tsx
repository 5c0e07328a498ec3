import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { InvitationForm, RevokeInvitationButton } from "@/components/admin/InvitationAdmin.tsx";
import { OrganizationCreateForm, UserCreateForm, UserRowControls } from "@/components/admin/UserAdmin.tsx";
import styles from "@/components/admin/UserAdmin.module.css";
import { listOrganizations, listUsers } from "@/lib/auth/data.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { formatDateTime } from "@/lib/i18n/format.ts";
import { listOpenInvitations } from "@/lib/invitations/data.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function UsersAdminPage() {
  const { viewer, denied } = await viewerFor("user.manage", "/admin/usuarios");
  if (denied) return <AccessDenied />;
  const [t, tRoles, locale, users, organizations, invitations] = await Promise.all([
    getTranslations("admin"),
    getTranslations("roles"),
    getLocale(),
    listUsers(),
    listOrganizations(),
    listOpenInvitations(),
  ]);
  const organizationChoices = organizations.map((org) => ({ id: org.id, name: org.name }));

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      <p>
        <Link href="/admin/tokens" data-testid="admin-tokens-link">
          {t("tokensLink")}
        </Link>
      </p>

      <h2>{t("inviteTitle")}</h2>
      <p className="prose">{t("inviteIntro")}</p>
      <InvitationForm organizations={organizationChoices} />
      {invitations.length > 0 ? (
        <>
          <h3>{t("openInvitations", { count: invitations.length })}</h3>
          <ul className="plain-list" data-testid="invitation-list">
            {invitations.map((invitation) => (
              <li key={invitation.id} className={`card ${styles.row}`} data-testid="invitation-row" data-email={invitation.email}>
                <p className={styles.who}>
                  <strong>{invitation.email}</strong>
                  <br />
                  <span className="muted">
                    {tRoles(invitation.role)} · {invitation.organization.name} ·{" "}
                    {t("invitationExpires", { date: formatDateTime(locale, invitation.expiresAt) })}
                  </span>
                </p>
                <RevokeInvitationButton id={invitation.id} email={invitation.email} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <details className="disclosure">
        <summary>{t("createTitle")}</summary>
        <p className="prose">{t("createIntro")}</p>
        <UserCreateForm organizations={organizationChoices} />
      </details>

      <h2>{t("usersTitle", { count: users.length })}</h2>
      <ul className="plain-list" data-testid="user-list">
        {users.map((user) => (
          <li key={user.id} className={`card ${styles.row}`} data-testid="user-row" data-email={user.email}>
            <p className={styles.who}>
              <strong>{user.name}</strong> · {user.email}
              <br />
              <span className="muted">
                {tRoles(user.role)} · {user.organization.name} ·{" "}
                {user.disabledAt ? t("disabled") : t("active")} ·{" "}
                {user.lastSignInAt ? t("lastSignIn", { date: formatDateTime(locale, user.lastSignInAt) }) : t("neverSignedIn")}
                {user.role !== "volunteer" ? ` · ${user.totpEnabledAt ? t("totpOn") : t("totpOff")}` : null}
              </span>
            </p>
            {user.id === viewer.id ? (
              <p className="muted">{t("yourself")}</p>
            ) : (
              <UserRowControls
                id={user.id}
                email={user.email}
                role={user.role}
                disabled={user.disabledAt !== null}
                version={user.version}
                hasSecondFactor={user.totpEnabledAt !== null}
              />
            )}
          </li>
        ))}
      </ul>

      <h2>{t("organizationsTitle")}</h2>
      <ul className="plain-list" data-testid="organization-list">
        {organizations.map((org) => (
          <li key={org.id}>
            {org.name} <code>{org.slug}</code> · {t("members", { count: org._count.users })}
          </li>
        ))}
      </ul>
      <OrganizationCreateForm />
    </>
  );
}
