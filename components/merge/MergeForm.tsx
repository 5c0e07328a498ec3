"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { FormProblem } from "@/components/forms/FormProblem.tsx";
import { formatCedula } from "@/components/person/options.ts";
import { useFormAction } from "@/components/forms/use-form-action.ts";
import { mergePersonsAction } from "@/lib/persons/merge-actions.ts";
import {
  chosenSide,
  defaultSurvivor,
  mergeRows,
  otherSide,
  takeFromMerged,
  type MergeRow,
  type MergeSide,
} from "@/lib/persons/merge.ts";
import { MERGEABLE_FIELDS, type MergeableField } from "@/lib/persons/schema.ts";
import type { MergeCandidateView } from "./types.ts";
import styles from "./Merge.module.css";

const LETTER: Record<MergeSide, string> = { a: "A", b: "B" };

/**
 * The two records side by side: which one survives, and for every field that
 * differs, whose value stays. The server action re-checks everything (role,
 * both versions); this only prepares the request.
 */
export function MergeForm({ a, b }: { a: MergeCandidateView; b: MergeCandidateView }) {
  const t = useTranslations("merge");
  const tHistory = useTranslations("history");
  const locale = useLocale();
  const router = useRouter();
  const ids = { survivor: useId(), fields: useId(), summary: useId() };
  const sides = { a, b };
  const older = defaultSurvivor(a, b);
  const sameOrganization = a.organizationId === b.organizationId;
  const [survivor, setSurvivor] = useState<MergeSide>(older);
  const [choices, setChoices] = useState<Partial<Record<MergeableField, MergeSide>>>({});
  const rows = useMemo(() => mergeRows(a.values, b.values, survivor, { sameOrganization }), [a.values, b.values, survivor, sameOrganization]);

  const { result, onSubmit, pending } = useFormAction(async (form: FormData) => {
    // Everything is read from the form, so that the request is what the page showed when it was sent.
    const kept: MergeSide = form.get("survivor") === "b" ? "b" : "a";
    const formRows = mergeRows(a.values, b.values, kept, { sameOrganization });
    const formChoices: Partial<Record<MergeableField, MergeSide>> = {};
    for (const field of MERGEABLE_FIELDS) {
      const value = form.get(`choice-${field}`);
      if (value === "a" || value === "b") formChoices[field] = value;
    }
    const answer = await mergePersonsAction({
      survivorId: sides[kept].id,
      mergedId: sides[otherSide(kept)].id,
      survivorVersion: sides[kept].version,
      mergedVersion: sides[otherSide(kept)].version,
      takeFromMerged: takeFromMerged(formRows, formChoices, kept),
    });
    if (answer.ok) router.push(`/expediente/${answer.data.survivorId}?fusionado=${answer.data.mergedId}`);
    return answer;
  });

  const fieldName = (field: MergeableField) => tHistory(`fields.${field}`);
  const valueText = (field: MergeableField, value: unknown): string => {
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return t("empty");
    if (field === "sex" && typeof value === "string" && ["female", "male", "other", "unknown"].includes(value)) {
      return tHistory(`values.sex.${value as "female"}`);
    }
    if (field === "disclosure" && typeof value === "string" && ["public", "initials", "withheld"].includes(value)) {
      return tHistory(`values.disclosure.${value as "public"}`);
    }
    if (field === "cedula" && typeof value === "string") return formatCedula(value);
    if (field === "nationality" && typeof value === "string" && /^[A-Z]{2}$/.test(value)) {
      return `${new Intl.DisplayNames([locale], { type: "region" }).of(value) ?? value} (${value})`;
    }
    return String(value);
  };

  const merged = otherSide(survivor);
  const taken = takeFromMerged(rows, choices, survivor);
  const list = new Intl.ListFormat(locale === "en" ? "en" : "es", { type: "conjunction" });
  const stopped = result && !result.ok && (result.error.code === "stale_version" || result.error.code === "not_found");

  return (
    <form onSubmit={onSubmit} className={styles.form} data-testid="merge-form" aria-describedby={ids.summary}>
      <div className={styles.sides}>
        {(["a", "b"] as const).map((side) => (
          <SideCard key={side} side={side} person={sides[side]} survivor={survivor === side} />
        ))}
      </div>

      <fieldset className={`card ${styles.survivor}`}>
        <legend className={styles.legend}>{t("survivorLegend")}</legend>
        <p className="hint" id={ids.survivor}>
          {t("survivorHint")}
        </p>
        {(["a", "b"] as const).map((side) => (
          <label key={side} className={styles.survivorOption}>
            <input
              type="radio"
              name="survivor"
              value={side}
              checked={survivor === side}
              onChange={() => setSurvivor(side)}
              aria-describedby={ids.survivor}
              data-testid={`merge-survivor-${side}`}
            />
            <span>
              {t("survivorOption", { letter: LETTER[side], name: sides[side].name })}
              {older === side ? <span className="muted"> {t("olderHint")}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>

      <h2 id={ids.fields}>{t("fieldsHeading")}</h2>
      <p className="prose hint">{t("fieldsHint")}</p>
      <div className={styles.rows} role="group" aria-labelledby={ids.fields}>
        <div className={styles.rowHead} aria-hidden="true">
          <span />
          <span>{t("record", { letter: "A" })}</span>
          <span>{t("record", { letter: "B" })}</span>
        </div>
        {rows.map((row) => (
          <FieldRow
            key={row.field}
            row={row}
            side={chosenSide(row, choices, survivor)}
            survivor={survivor}
            label={fieldName(row.field)}
            valueText={valueText}
            onChoose={(side) => setChoices((current) => ({ ...current, [row.field]: side }))}
            labels={{ equal: t("equal"), record: t("recordShort"), locked: t("externalRefLocked") }}
          />
        ))}
      </div>

      <section className={`card ${styles.summary}`} aria-labelledby={`${ids.summary}-h`} id={ids.summary} data-testid="merge-summary">
        <h2 id={`${ids.summary}-h`} className={styles.summaryHeading}>
          {t("summaryHeading")}
        </h2>
        <ul aria-live="polite">
          <li>{t("summarySurvivor", { letter: LETTER[survivor], name: sides[survivor].name })}</li>
          <li>{t("summaryMerged", { letter: LETTER[merged], name: sides[merged].name })}</li>
          <li>{t("summaryMoves", { releases: sides[merged].releases.length, detentions: sides[merged].detentions })}</li>
          <li data-testid="merge-summary-fields">
            {taken.length > 0
              ? t("summaryTakes", { letter: LETTER[merged], fields: list.format(taken.map(fieldName)) })
              : t("summaryKeepsAll", { letter: LETTER[survivor] })}
          </li>
          <li>{t("summarySpelling")}</li>
        </ul>
      </section>

      <FormProblem result={result} override={{ stale_version: t("stale"), not_found: t("goneNow") }} />
      {stopped ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => router.refresh()} data-testid="merge-reload">
            {t("reload")}
          </button>
        </p>
      ) : null}
      {result?.ok ? (
        <p className="notice" role="status">
          {t("done")}
        </p>
      ) : null}
      <p>
        <button type="submit" className="button" disabled={pending || result?.ok === true} data-testid="merge-confirm">
          {pending ? t("merging") : t("confirm")}
        </button>
      </p>
    </form>
  );
}

function SideCard({ side, person, survivor }: { side: MergeSide; person: MergeCandidateView; survivor: boolean }) {
  const t = useTranslations("merge");
  const tHistory = useTranslations("history");
  return (
    <section
      className={`card ${styles.side} ${survivor ? styles.kept : ""}`}
      aria-labelledby={`merge-side-${side}`}
      data-testid={`merge-side-${side}`}
    >
      <p className={styles.sideTop}>
        <span className={styles.letter}>{t("record", { letter: LETTER[side] })}</span>
        <span className={`badge ${survivor ? styles.keptBadge : ""}`}>{survivor ? t("keeps") : t("goesAway")}</span>
      </p>
      <h2 id={`merge-side-${side}`} className={styles.sideName}>
        {person.name}
      </h2>
      <dl className={`facts ${styles.sideFacts}`}>
        <dt>{t("cedula")}</dt>
        <dd>{person.values.cedula ? formatCedula(String(person.values.cedula)) : t("noCedula")}</dd>
        <dt>{t("organization")}</dt>
        <dd>{person.organizationName}</dd>
        <dt>{t("releases")}</dt>
        <dd>
          {person.releases.length === 0 ? (
            t("releasesNone")
          ) : (
            <ul className={styles.releaseList}>
              {person.releases.map((release) => (
                <li key={release.id}>
                  {tHistory(`values.status.${release.status}`)} · {release.dateText ?? t("releaseUndated")}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("detentions")}</dt>
        <dd>{person.detentions}</dd>
      </dl>
      <p className={styles.sideFoot}>
        <span className="muted">{t("created", { date: person.createdText })}</span>{" "}
        <Link href={`/expediente/${person.id}`}>{t("openRecord")}</Link>
      </p>
    </section>
  );
}

function FieldRow(props: {
  row: MergeRow;
  side: MergeSide;
  survivor: MergeSide;
  label: string;
  valueText: (field: MergeableField, value: unknown) => string;
  onChoose: (side: MergeSide) => void;
  labels: { equal: string; record: string; locked: string };
}) {
  const { row } = props;
  const labelId = useId();
  if (row.equal) {
    return (
      <div className={`${styles.row} ${styles.equalRow}`} data-testid={`merge-row-${row.field}`} data-equal="true">
        <span className={styles.fieldName}>{props.label}</span>
        <span className={styles.equalValue}>
          <span className={styles.value}>{props.valueText(row.field, row[props.survivor])}</span>{" "}
          <span className="muted">({props.labels.equal})</span>
        </span>
      </div>
    );
  }
  return (
    <div className={styles.row} role="radiogroup" aria-labelledby={labelId} data-testid={`merge-row-${row.field}`} data-equal="false">
      <span className={styles.fieldName} id={labelId}>
        {props.label}
      </span>
      {(["a", "b"] as const).map((side) => {
        const disabled = row.locked && side !== props.survivor;
        return (
          <label key={side} className={`${styles.option} ${props.side === side ? styles.chosen : ""} ${disabled ? styles.disabled : ""}`}>
            <input
              type="radio"
              name={`choice-${row.field}`}
              value={side}
              checked={props.side === side}
              disabled={disabled}
              onChange={() => props.onChoose(side)}
              data-testid={`merge-choice-${row.field}-${side}`}
            />
            <span className={styles.optionText}>
              <span className={styles.sideTag}>
                <span className="visually-hidden">{props.labels.record} </span>
                {LETTER[side]}
              </span>{" "}
              <span className={styles.value}>{props.valueText(row.field, row[side])}</span>
            </span>
          </label>
        );
      })}
      {row.locked ? <p className={`hint ${styles.rowNote}`}>{props.labels.locked}</p> : null}
    </div>
  );
}
