import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/account/AcceptInvitationForm.tsx";
import { formatDateTime } from "@/lib/i18n/format.ts";
import { findInvitationBySecret } from "@/lib/invitations/data.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // The link is a secret: keep it out of search engines and referrers.
  return { title: (await getTranslations("invitation"))("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tRoles, locale, invitation] = await Promise.all([
    getTranslations("invitation"),
    getTranslations("roles"),
    getLocale(),
    findInvitationBySecret(token),
  ]);

  if (!invitation || invitation.state !== "open") {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="notice" data-testid="invitation-unusable">
          {t(`state.${invitation && invitation.state !== "open" ? invitation.state : "unknown"}`)}
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose" data-testid="invitation-summary">
        {t("summary", {
          email: invitation.email,
          role: tRoles(invitation.role),
          organization: invitation.organization.name,
          date: formatDateTime(locale, invitation.expiresAt),
        })}
      </p>
      {invitation.role !== "volunteer" ? <p className="prose">{t("secondFactorNote")}</p> : null}
      <AcceptInvitationForm token={token} email={invitation.email} />
    </>
  );
}
