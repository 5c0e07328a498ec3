"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition, type FormEvent } from "react";
import { EVIDENCE_KINDS } from "@/lib/evidence/schema.ts";
import { activeFilterCount, IMPORT_PARAM, queueFiltersFrom, queueHref, type QueueFilters } from "@/lib/reviews/keys.ts";
import styles from "./ReviewQueue.module.css";

/**
 * The queue's filters. They live in the URL (a link to a filtered queue can
 * be shared or bookmarked); applying them asks the server page for its first
 * page again. Without JavaScript the form still works as a plain GET.
 */
export function QueueFiltersForm({
  filters,
  facets,
}: {
  filters: QueueFilters;
  facets: { organizations: { id: string; name: string }[]; facilities: string[] };
}) {
  const t = useTranslations("review");
  const tEvidence = useTranslations("evidence");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const count = activeFilterCount(filters);
  const ids = { organization: useId(), facility: useId(), from: useId(), to: useId(), kind: useId() };
  // Clearing keeps the waiting mode and the import (shown, and cleared, on its own).
  const clearHref = queueHref({ waiting: filters.waiting, importId: filters.importId });

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const entries = [...data.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
    const next = queueFiltersFrom(new URLSearchParams(entries));
    startTransition(() => router.replace(queueHref(next), { scroll: false }));
  };

  return (
    <details className={`disclosure ${styles.filters}`} open={count > 0 ? true : undefined} data-testid="review-filters">
      <summary>
        {t("filters.title")} <span className="muted">({t("filters.active", { count })})</span>
      </summary>
      <form method="get" action="/revision" onSubmit={apply} className="card form-grid">
        <input type="hidden" name="waiting" value={filters.waiting} />
        {filters.importId ? <input type="hidden" name={IMPORT_PARAM} value={filters.importId} /> : null}
        <div className="field">
          <label htmlFor={ids.organization}>{t("filters.organization")}</label>
          <select id={ids.organization} name="organizationId" className="input" defaultValue={filters.organizationId ?? ""}>
            <option value="">{t("filters.any")}</option>
            {facets.organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.facility}>{t("filters.facility")}</label>
          <select id={ids.facility} name="facility" className="input" defaultValue={filters.facility ?? ""} data-testid="review-filter-facility">
            <option value="">{t("filters.any")}</option>
            {facets.facilities.map((facility) => (
              <option key={facility} value={facility}>
                {facility}
              </option>
            ))}
            {filters.facility && !facets.facilities.includes(filters.facility) ? (
              <option value={filters.facility}>{filters.facility}</option>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t("filters.releasedFrom")}</label>
          <input id={ids.from} name="releasedFrom" type="date" className="input" defaultValue={filters.releasedFrom ?? ""} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t("filters.releasedTo")}</label>
          <input id={ids.to} name="releasedTo" type="date" className="input" defaultValue={filters.releasedTo ?? ""} />
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>{t("filters.evidenceKind")}</label>
          <select id={ids.kind} name="evidenceKind" className="input" defaultValue={filters.evidenceKind ?? ""}>
            <option value="">{t("filters.any")}</option>
            {EVIDENCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tEvidence(`kinds.${kind}`)}
              </option>
            ))}
            <option value="none">{t("filters.noEvidence")}</option>
          </select>
        </div>
        <div className={`full ${styles.filterButtons}`}>
          <button type="submit" className="button" disabled={pending} data-testid="review-filters-apply">
            {pending ? t("filters.applying") : t("filters.apply")}
          </button>
          {count > 0 ? (
            <Link href={clearHref} className="button button-secondary">
              {t("filters.clear")}
            </Link>
          ) : null}
        </div>
      </form>
    </details>
  );
}
