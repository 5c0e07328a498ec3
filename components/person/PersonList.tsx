"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action.ts";
import { ReleaseStatusBadge } from "@/components/record/StatusBadge.tsx";
import { searchPersonsAction } from "@/lib/persons/actions.ts";
import type { PersonListItem } from "@/lib/persons/data.ts";
import { formatCedula } from "./options.ts";
import styles from "./Person.module.css";

/**
 * /expedientes: the newest records, or those matching a name or a cédula.
 * The search is posted (a server action), so a cédula never ends up in a URL.
 * Moderators tick exactly two records to compare and merge them.
 */
export function PersonList({ newest, canMerge }: { newest: PersonListItem[]; canMerge: boolean }) {
  const t = useTranslations("person.list");
  const router = useRouter();
  const { result, onSubmit, pending } = useFormAction(searchPersonsAction);
  const [showNewest, setShowNewest] = useState(true);
  const [picked, setPicked] = useState<string[]>([]);
  const searchId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const searched = !showNewest && result?.ok ? result.data : null;
  const people = searched ? searched.results : newest;
  const toggle = (id: string, on: boolean) =>
    setPicked((current) => (on ? [...current.filter((other) => other !== id), id] : current.filter((other) => other !== id)));

  return (
    <>
      <form
        ref={formRef}
        onSubmit={(event) => {
          setShowNewest(false);
          onSubmit(event);
        }}
        className={styles.search}
        role="search"
        data-testid="persons-search"
      >
        <div className="field">
          <label htmlFor={searchId}>{t("searchLabel")}</label>
          <div className={styles.searchRow}>
            <input id={searchId} name="q" className={`input ${styles.searchInput}`} maxLength={200} autoComplete="off" aria-describedby={`${searchId}-hint`} data-testid="persons-search-input" />
            <button type="submit" className="button" disabled={pending} data-testid="persons-search-submit">
              {t("searchButton")}
            </button>
          </div>
          <p className="hint" id={`${searchId}-hint`}>
            {t("searchHint")}
          </p>
        </div>
        {result && !result.ok && !showNewest ? (
          <p role="alert" className="error-message">
            {result.error.code === "invalid_input" ? t("tooShort") : t("failed")}
          </p>
        ) : null}
      </form>

      <div className="actions">
        <p role="status" className="muted" data-testid="persons-heading">
          {searched ? t("results", { count: searched.results.length, q: searched.q }) : t("newest", { count: newest.length })}
        </p>
        {searched ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              formRef.current?.reset();
              setShowNewest(true);
            }}
          >
            {t("showNewest")}
          </button>
        ) : null}
      </div>

      {people.length === 0 ? (
        <p className="notice">{searched ? t("none") : t("empty")}</p>
      ) : (
        <ul className={styles.list} data-testid="persons-list">
          {people.map((person) => (
            <li key={person.id} className={`card ${styles.row}`} data-testid="persons-row" data-person-id={person.id}>
              {canMerge ? (
                <span className={styles.pick}>
                  <input
                    type="checkbox"
                    checked={picked.includes(person.id)}
                    onChange={(event) => toggle(person.id, event.target.checked)}
                    aria-label={t("pick", { name: person.name })}
                    data-testid="persons-pick"
                  />
                </span>
              ) : null}
              <div className={styles.rowBody}>
                <p className={styles.rowName}>
                  <Link href={`/expediente/${person.id}`}>{person.name}</Link>
                </p>
                <p className={styles.rowFacts}>
                  {person.cedula ? formatCedula(person.cedula) : t("noCedula")} · {person.organizationName}
                </p>
                <p className={styles.rowFacts}>
                  {person.releaseStatuses.length === 0
                    ? t("noReleases")
                    : person.releaseStatuses.map((status, index) => <ReleaseStatusBadge key={index} status={status} />)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}

      {canMerge ? (
        <div className={styles.compare} data-testid="persons-compare">
          <p>{t("pickHint", { count: picked.length })}</p>
          <button
            type="button"
            className="button"
            disabled={picked.length !== 2}
            onClick={() => router.push(`/fusionar?a=${encodeURIComponent(picked[0]!)}&b=${encodeURIComponent(picked[1]!)}`)}
            data-testid="persons-compare-submit"
          >
            {t("compare")}
          </button>
        </div>
      ) : null}
    </>
  );
}
