import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { MergedNotice } from "@/components/merge/MergedNotice.tsx";
import { PersonFacts } from "@/components/person/PersonFacts.tsx";
import { PersonEditor } from "@/components/person/PersonEditor.tsx";
import { DeletePersonForm, PurgePersonForm } from "@/components/person/DangerForms.tsx";
import styles from "@/components/person/Person.module.css";
import { ReleaseCard } from "@/components/record/ReleaseCard.tsx";
import { AddReleaseForm } from "@/components/record/ReleaseForms.tsx";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { can } from "@/lib/auth/policy.ts";
import { actorOf } from "@/lib/auth/session.ts";
import { env } from "@/lib/env.ts";
import { formatDateTime, formatDay } from "@/lib/i18n/format.ts";
import { personRecord } from "@/lib/persons/data.ts";
import { fullName } from "@/lib/persons/public.ts";
import { personIdParamsSchema } from "@/lib/persons/schema.ts";
import { knownFacilities } from "@/lib/releases/data.ts";
import { pendingTipCount } from "@/lib/tips/data.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // The name stays out of the title: titles end up in browser history and shared screens.
  return { title: (await getTranslations("person.record"))("metaTitle"), robots: { index: false } };
}

export default async function PersonRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  // /fusionar lands here with ?fusionado={mergedId} after a merge.
  const justMerged = typeof query.fusionado === "string";
  const { viewer, denied } = await viewerFor("person.view_internal", `/expediente/${id}`);
  if (denied) return <AccessDenied />;
  if (!personIdParamsSchema.safeParse({ id }).success) notFound();
  const person = await personRecord(id);
  if (!person) notFound();
  // An old link to a merged record leads to the one it was merged into.
  if (person.mergedIntoId) redirect(`/expediente/${person.mergedIntoId}`);

  const actor = actorOf(viewer);
  const deleted = person.deletedAt !== null;
  const [t, locale, facilities] = await Promise.all([getTranslations("person.record"), getLocale(), deleted ? [] : knownFacilities()]);
  const maxUploadBytes = env.maxUploadBytes();
  const canModerate = can(actor, "release.dispute");
  // Tips from the public are for moderators only: volunteers do not learn that there are any.
  const [pendingTips, tTips] = await Promise.all([
    can(actor, "tip.review") ? pendingTipCount(person.id) : 0,
    getTranslations("tips.moderation"),
  ]);

  return (
    <>
      <h1 data-testid="person-name">{fullName(person.givenNames, person.surnames)}</h1>
      <p className={styles.subtitle}>
        {t("subtitle", {
          organization: person.organization.name,
          who: person.createdBy?.name ?? t("someone"),
          when: formatDateTime(locale, person.createdAt),
        })}
      </p>

      {justMerged ? <MergedNotice /> : null}
      {deleted ? (
        <p className="notice" role="status" data-testid="person-deleted">
          {t("deleted", { when: formatDateTime(locale, person.deletedAt!) })}
        </p>
      ) : null}
      {person.mergedFrom.length > 0 ? (
        <p className="notice" data-testid="person-merged-from">
          {t("mergedFrom", { names: person.mergedFrom.map((other) => fullName(other.givenNames, other.surnames)).join("; ") })}
        </p>
      ) : null}

      <ul className={styles.links}>
        <li>
          <a href={`/expediente/${person.id}/historial`} data-testid="person-history-link">
            {t("history")}
          </a>
        </li>
        <li>
          {person.disclosure !== "withheld" && !deleted ? (
            <a href={`/persona/${person.id}`} data-testid="person-public-link">
              {t("publicPage")}
            </a>
          ) : (
            <span className="muted">{deleted ? t("noPublicPageDeleted") : t("noPublicPageWithheld")}</span>
          )}
        </li>
        {pendingTips > 0 ? (
          <li>
            <a href={`/pistas?personId=${person.id}`} data-testid="person-tips-link">
              {tTips("recordLink", { count: pendingTips })}
            </a>
          </li>
        ) : null}
      </ul>

      <h2>{t("detailsTitle")}</h2>
      <PersonFacts person={person} />
      {!deleted && can(actor, "person.update") ? (
        <PersonEditor
          person={{
            id: person.id,
            version: person.version,
            givenNames: person.givenNames,
            surnames: person.surnames,
            otherSpellings: person.otherSpellings,
            cedula: person.cedula,
            nationality: person.nationality,
            sex: person.sex,
            birthYear: person.birthYear,
            homeState: person.homeState,
            disclosure: person.disclosure,
            externalRef: person.externalRef,
            notes: person.notes,
          }}
        />
      ) : null}

      <h2>{t("detentionsTitle", { count: person.detentions.length })}</h2>
      {person.detentions.length === 0 ? (
        <p className="muted">{t("noDetentions")}</p>
      ) : (
        <ul className="plain-list" data-testid="detentions">
          {person.detentions.map((detention) => (
            <li key={detention.id} className="card">
              <dl className="facts">
                <dt>{t("arrestedOn")}</dt>
                <dd>{detention.arrestedOn ? formatDay(locale, detention.arrestedOn) : t("unknown")}</dd>
                <dt>{t("facility")}</dt>
                <dd>{detention.facility ?? t("unknown")}</dd>
                {detention.charges ? (
                  <>
                    <dt>{t("charges")}</dt>
                    <dd className={styles.preserve}>{detention.charges}</dd>
                  </>
                ) : null}
                {detention.source ? (
                  <>
                    <dt>{t("source")}</dt>
                    <dd className={styles.preserve}>{detention.source}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("releasesTitle", { count: person.releases.length })}</h2>
      {person.releases.length === 0 ? <p className="muted">{t("noReleases")}</p> : null}
      <div className="stack" data-testid="releases">
        {person.releases.map((release) => (
          <ReleaseCard
            key={release.id}
            release={release}
            personId={person.id}
            readOnly={deleted}
            canModerate={canModerate}
            facilities={facilities}
            maxUploadBytes={maxUploadBytes}
          />
        ))}
      </div>

      {!deleted && can(actor, "release.create") ? (
        <details className={`disclosure ${styles.editor}`} data-testid="add-release">
          <summary>{t("addRelease")}</summary>
          <AddReleaseForm personId={person.id} facilities={facilities} maxUploadBytes={maxUploadBytes} />
        </details>
      ) : null}

      {!deleted && can(actor, "person.delete") ? <DeletePersonForm id={person.id} version={person.version} /> : null}
      {deleted && can(actor, "person.purge") ? <PurgePersonForm id={person.id} /> : null}
    </>
  );
}
