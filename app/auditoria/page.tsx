import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { ChainCheck } from "@/components/audit/ChainCheck.tsx";
import { recentAuditEvents } from "@/lib/audit/data.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { can } from "@/lib/auth/policy.ts";
import { actorOf } from "@/lib/auth/session.ts";
import { formatDateTime } from "@/lib/i18n/format.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage() {
  const { viewer, denied } = await viewerFor("audit.view", "/auditoria");
  if (denied) return <AccessDenied />;
  const [t, locale, events] = await Promise.all([getTranslations("audit"), getLocale(), recentAuditEvents(100)]);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      {can(actorOf(viewer), "audit.verify") ? <ChainCheck /> : null}
      <h2>{t("recent")}</h2>
      {/* Focusable so that keyboard users can scroll the table sideways on a phone. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("caption")}>
        <table className="data-table" data-testid="audit-table">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("record")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id.toString()}>
                <td>{formatDateTime(locale, event.at)}</td>
                <td>{event.actor?.name ?? t(`actorKind.${event.actorKind}` as "actorKind.system")}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>
                  {event.entityType} <code>{event.entityId.slice(0, 8)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
