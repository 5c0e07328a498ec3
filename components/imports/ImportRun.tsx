"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { rerunImportAction } from "@/lib/imports/actions.ts";
import type { ColumnMapping, ImportColumn } from "@/lib/imports/columns.ts";
import type { ImportDetail, RowError } from "@/lib/imports/data.ts";
import { useImportProgress } from "@/lib/imports/hooks.ts";
import type { ImportView } from "@/lib/imports/schema.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { MappingEditor, mappingIsUsable } from "./MappingEditor.tsx";
import { refusalOf, type RefusalKey } from "./refusal.ts";
import styles from "./Imports.module.css";

const ERROR_CODES = [
  "required",
  "too_long",
  "bad_cedula",
  "bad_sex",
  "bad_nationality",
  "bad_year",
  "bad_date",
  "impossible_date",
  "future_date",
  "bad_conditions",
  "bad_disclosure",
  "no_letters",
  "repeated_external_id",
  "released_before_arrest",
  "unknown_column",
] as const;
const ERRORS_SHOWN = 200;

/**
 * One import's page: its progress, asked every second while it runs (the
 * same `GET /api/v1/imports/{id}` outside tools read), then what it did or —
 * for a dry run — would do, row by row. After a dry run the moderator may
 * change the mapping and try again, or run the import for real from the
 * stored file.
 */
export function ImportRun({ detail, initial }: { detail: ImportDetail; initial: ImportView }) {
  const t = useTranslations("imports");
  const locale = useLocale() as AppLocale;
  const router = useRouter();
  const headingId = useId();
  const progress = useImportProgress(detail.id);
  const view = progress.data ?? initial;
  const finished = view.status === "done" || view.status === "failed";
  const [mapping, setMapping] = useState<ColumnMapping>(detail.layout.columns);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RefusalKey | null>(null);

  // The row lists are server-rendered: refresh them once the import ends.
  const [refreshedFor, setRefreshedFor] = useState(initial.status);
  useEffect(() => {
    if (finished && refreshedFor !== view.status) {
      setRefreshedFor(view.status);
      router.refresh();
    }
  }, [finished, view.status, refreshedFor, router]);

  const number = (value: number) => formatNumber(locale, value);
  const errorRows = Math.max(0, view.processed - view.created - view.updated - view.unchanged - view.possibleDuplicates);
  const mappingChanged = JSON.stringify(mapping) !== JSON.stringify(detail.layout.columns);

  const rerun = async (dryRun: boolean) => {
    setBusy(true);
    setProblem(null);
    const form = new FormData();
    form.set("importId", detail.id);
    form.set("dryRun", String(dryRun));
    form.set("mapping", JSON.stringify(mapping));
    if (detail.layout.sheet) form.set("sheet", detail.layout.sheet);
    try {
      const result = await rerunImportAction(form);
      if (result.ok) router.push(`/importar/${result.data.importId}`);
      else setProblem(refusalOf(result));
    } catch (error) {
      setProblem(refusalOf(null, error));
    } finally {
      setBusy(false);
    }
  };

  const errorText = (error: RowError) =>
    error.code && (ERROR_CODES as readonly string[]).includes(error.code) ? t(`codes.${error.code as (typeof ERROR_CODES)[number]}`) : error.message;
  const columnLabel = (column: string) =>
    (detail.layout.headers.find((header) => detail.layout.columns[header] === column) ?? column) as string;
  const fieldLabel = (field: string) => {
    const known: Record<string, ImportColumn> = {
      givenNames: "given_names",
      surnames: "surnames",
      cedula: "cedula",
      sex: "sex",
      nationality: "nationality",
      birthYear: "birth_year",
      homeState: "home_state",
      disclosure: "disclosure",
      notes: "notes",
      release: "released_on",
      "release.releasedOn": "released_on",
      "release.facility": "facility",
      "release.conditions": "release_conditions",
    };
    return known[field] ? t(`columns.${known[field]}`) : field;
  };

  return (
    <div className="stack" data-testid="import-run" data-status={view.status} data-dry-run={detail.dryRun ? "true" : "false"}>
      <section className="card stack" aria-labelledby={headingId}>
        <h2 id={headingId}>{t(`run.status.${view.status}`)}</h2>
        {detail.dryRun ? <p className="notice">{t("run.dryNote")}</p> : null}
        <progress className={styles.progress} max={Math.max(1, view.total)} value={view.processed} aria-label={t("run.progress", { processed: number(view.processed), total: number(view.total) })} />
        <p aria-live="polite" data-testid="import-progress">
          {t("run.progress", { processed: number(view.processed), total: number(view.total) })}
        </p>
        {progress.isError && !finished ? <p className="hint">{t("run.lost")}</p> : null}
        <dl className={styles.counts} aria-label={detail.dryRun ? t("run.countsDryCaption") : t("run.countsCaption")} data-testid="import-counts">
          {(["created", "updated", "unchanged", "possibleDuplicates"] as const).map((key) => (
            <div key={key} className={styles.count} data-testid={`import-count-${key}`}>
              <dt>{t(`run.counts.${key}`)}</dt>
              <dd>{number(view[key])}</dd>
            </div>
          ))}
          <div className={styles.count} data-testid="import-count-errors">
            <dt>{t("run.counts.errors")}</dt>
            <dd>{number(errorRows)}</dd>
          </div>
        </dl>
        {view.status === "failed" && detail.failureReason ? <p className="error-message">{t("run.failed", { reason: detail.failureReason })}</p> : null}
      </section>

      {detail.errors.length > 0 ? (
        <section className="card stack" data-testid="import-errors">
          <h2>{t("run.errorsTitle")}</h2>
          <ul className={styles.lines}>
            {detail.errors.slice(0, ERRORS_SHOWN).map((error) => (
              <li key={`${error.row}-${error.column}`}>
                {t("run.errorLine", { row: error.row, column: error.code === "unknown_column" ? error.column : columnLabel(error.column), message: errorText(error) })}
              </li>
            ))}
          </ul>
          {detail.errors.length > ERRORS_SHOWN ? <p className="hint">{t("run.errorsMore", { shown: ERRORS_SHOWN })}</p> : null}
        </section>
      ) : null}

      {detail.duplicates.length > 0 ? (
        <section className="card stack" data-testid="import-duplicates">
          <h2>{t("run.duplicatesTitle")}</h2>
          <p className="hint">{t("run.duplicatesIntro")}</p>
          <ul className={styles.lines}>
            {detail.duplicates.map((line) => (
              <li key={line.row}>
                {t("run.rowLine", { row: line.row, externalId: line.externalId ?? "—", name: line.name ?? "—" })}
                {line.duplicateOf ? ` — ${t(`run.duplicateReason.${line.duplicateOf.reason}`)}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {detail.updates.length > 0 ? (
        <section className="card stack" data-testid="import-updates">
          <h2>{t("run.updatesTitle")}</h2>
          <ul className={styles.lines}>
            {detail.updates.map((line) => (
              <li key={line.row}>
                {t("run.rowLine", { row: line.row, externalId: line.externalId ?? "—", name: line.name ?? "—" })} —{" "}
                {t("run.changedFields", { fields: line.changes.map(fieldLabel).join(", ") })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {detail.dryRun && view.status === "done" ? (
        <section className="card stack" aria-labelledby={`${headingId}-mapping`}>
          <h2 id={`${headingId}-mapping`}>{t("run.mappingTitle")}</h2>
          <MappingEditor headers={detail.layout.headers} mapping={mapping} onChange={setMapping} />
          {confirming ? (
            <div className="notice stack" role="alertdialog" aria-labelledby={`${headingId}-confirm`} data-testid="import-confirm">
              <p id={`${headingId}-confirm`}>{t("run.runConfirm")}</p>
              <div className={styles.actions}>
                <button type="button" className="button" disabled={busy} onClick={() => void rerun(false)} data-testid="import-confirm-yes">
                  {t("run.confirmYes")}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                  {t("run.confirmNo")}
                </button>
              </div>
            </div>
          ) : (
            <div className={styles.actions}>
              <button
                type="button"
                className="button"
                disabled={busy || mappingChanged || !mappingIsUsable(detail.layout.headers, mapping)}
                onClick={() => setConfirming(true)}
                data-testid="import-run-now"
              >
                {t("run.runNow")}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy || !mappingIsUsable(detail.layout.headers, mapping)}
                onClick={() => void rerun(true)}
                data-testid="import-check-again"
              >
                {t("run.checkAgain")}
              </button>
            </div>
          )}
          {problem ? (
            <p role="alert" className="error-message" data-testid="import-problem">
              {t(`refusal.${problem}`, { limit: 0, limitMb: 0 })}
            </p>
          ) : null}
        </section>
      ) : null}

      {!detail.dryRun && view.status === "done" ? (
        <nav className={styles.actions} aria-label={t("run.back")}>
          <Link className="button" href={`/revision?importacion=${detail.id}`} data-testid="import-go-review">
            {t("run.goReview")}
          </Link>
          {view.possibleDuplicates > 0 ? (
            <Link className="button button-secondary" href={`/fusionar?importacion=${detail.id}`} data-testid="import-go-merge">
              {t("run.goMerge")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      <p>
        <Link href="/importar">{t("run.newImport")}</Link>
      </p>
    </div>
  );
}
