"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { submitAnnouncementEdit, submitNewAnnouncement } from "@/lib/announcements/actions.ts";
import {
  INITIAL_FORM_STATE,
  QUOTE_LANGUAGES,
  SCOPE_KINDS,
  type AnnouncementFormState,
  type ClaimFormValues,
  type FieldProblem,
  type FormField,
} from "@/lib/announcements/form.ts";
import { BASES, CLAIMANT_KINDS, MEASURES, QUALIFIERS } from "@/lib/announcements/schema.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import { describedBy, FieldError, fieldIds, megabytes, ProblemSummary, useProblemText } from "./parts.tsx";
import styles from "./AnnouncementForm.module.css";

const PREFIX = "af";

export interface EditedAnnouncement {
  id: string;
  version: number;
  archivedFile: { url: string; mimeType: string; sizeBytes: number } | null;
}

/**
 * Record an announcement (mode "create") or correct one ("edit", with the
 * version it was read at and an optional reason). Every field of API.md's
 * announcement; only the fields a choice needs are shown (CSS `:has()`, so
 * that it also works before or without JavaScript; what is typed in a hidden
 * field is not sent). The server action answers with each field's problem in
 * the user's language and what was typed; on success it moves on to the
 * announcement's public page.
 */
export function AnnouncementForm({
  mode,
  announcement,
  defaults,
  claimants,
  maxUploadBytes,
  today,
}: {
  mode: "create" | "edit";
  announcement?: EditedAnnouncement;
  defaults: ClaimFormValues;
  claimants: readonly string[];
  maxUploadBytes: number;
  /** Today in Caracas (the latest date the pickers offer), from the server so that both renders agree. */
  today: string;
}) {
  const t = useTranslations("announcementForm");
  const [state, dispatch, pending] = useActionState(mode === "create" ? submitNewAnnouncement : submitAnnouncementEdit, INITIAL_FORM_STATE);
  // A file over the limit is refused here, before hours of upload on a slow line.
  const [tooLarge, setTooLarge] = useState(0);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const limitMb = megabytes(maxUploadBytes);
  const values = state.values ?? defaults;
  const shown: AnnouncementFormState =
    tooLarge > 0
      ? { ...state, fields: { ...state.fields, archivedFile: { key: "fileTooLarge" } }, problem: "invalid_input", refusal: null }
      : state;
  const problem = (field: FormField): FieldProblem | null => shown.fields[field] ?? null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Sent by hand (not by the form's action) so that React does not empty the form when the answer is a refusal.
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("archivedFile");
    if (file instanceof File && file.size === 0) form.delete("archivedFile");
    if (file instanceof File && file.size > maxUploadBytes) {
      setTooLarge((count) => count + 1);
      return;
    }
    setTooLarge(0);
    startTransition(() => dispatch(form));
  }

  const labels: Partial<Record<FormField, string>> = {
    claimant: t("fields.claimant"),
    claimantKind: t("fields.claimantKind"),
    statedOn: t("fields.statedOn"),
    measure: t("fields.measure"),
    qualifier: t("fields.qualifier"),
    value: t("fields.value"),
    min: t("fields.min"),
    max: t("fields.max"),
    basis: t("fields.basis"),
    from: values.basis === "cumulative_since" ? t("fields.since") : t("fields.firstDay"),
    to: t("fields.lastDay"),
    date: t("fields.day"),
    scopeKind: t("fields.scope"),
    scopeCountry: t("fields.scopeCountry"),
    breakdown: t("fields.breakdown"),
    sourceUrl: t("fields.sourceUrl"),
    sourceDescription: t("fields.sourceDescription"),
    quote: t("fields.quote"),
    quoteLang: t("fields.quoteLang"),
    note: t("fields.note"),
    archivedFile: t("fields.archivedFile"),
    archivedUrl: t("fields.archivedUrl"),
    reason: t("fields.reason"),
  };
  const links: Partial<Record<FormField, string>> = Object.fromEntries(
    (Object.keys(labels) as FormField[]).map((field) => [
      field,
      ["measure", "qualifier", "basis", "scopeKind"].includes(field) ? `${PREFIX}-${field}-${firstOption(field, values)}` : fieldIds(PREFIX, field).id,
    ]),
  );

  const quoteLanguages = QUOTE_LANGUAGES.includes(values.quoteLang as (typeof QUOTE_LANGUAGES)[number]) || values.quoteLang === ""
    ? [...QUOTE_LANGUAGES]
    : [...QUOTE_LANGUAGES, values.quoteLang];

  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className={styles.form} data-testid="announcement-form" data-ready={ready ? "true" : "false"}>
      {announcement ? (
        <>
          <input type="hidden" name="id" value={announcement.id} />
          <input type="hidden" name="version" value={announcement.version} />
        </>
      ) : null}

      <section className={`card ${styles.section}`} aria-labelledby={`${PREFIX}-who`}>
        <h2 id={`${PREFIX}-who`}>{t("sections.who")}</h2>
        <TextField name="claimant" label={t("fields.claimant")} hint={t("fields.claimantHint")} value={values.claimant} problem={problem("claimant")} maxLength={300} list={`${PREFIX}-claimant-list`} autoComplete="off" />
        <datalist id={`${PREFIX}-claimant-list`}>
          {claimants.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <SelectField name="claimantKind" label={t("fields.claimantKind")} value={values.claimantKind} problem={problem("claimantKind")} placeholder={t("choose")}>
          {CLAIMANT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`claimantKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <div className={styles.twoColumns}>
          <TextField name="statedOn" type="date" label={t("fields.statedOn")} value={values.statedOn} problem={problem("statedOn")} min="1990-01-01" max={today} />
          <div className={styles.checkField}>
            <label className={styles.checkbox}>
              <input
                type="checkbox"
                name="statedOnApproximate"
                defaultChecked={values.statedOnApproximate === "on"}
                aria-describedby={fieldIds(PREFIX, "statedOnApproximate").hint}
                data-testid={`${PREFIX}-statedOnApproximate`}
              />
              {t("fields.statedOnApproximate")}
            </label>
            <p className="hint" id={fieldIds(PREFIX, "statedOnApproximate").hint}>
              {t("fields.statedOnApproximateHint")}
            </p>
          </div>
        </div>
      </section>

      <section className={`card ${styles.section}`} aria-labelledby={`${PREFIX}-count`}>
        <h2 id={`${PREFIX}-count`}>{t("sections.count")}</h2>
        <ChoiceGroup name="measure" legend={t("fields.measure")} value={values.measure} problem={problem("measure")} inline options={MEASURES.map((value) => ({ value, label: t(`measures.${value}`) }))} />
        <ChoiceGroup name="qualifier" legend={t("fields.qualifier")} value={values.qualifier} problem={problem("qualifier")} options={QUALIFIERS.map((value) => ({ value, label: t(`qualifiers.${value}`) }))} />
        <div className={styles.valueOnly}>
          <TextField name="value" label={t("fields.value")} hint={t("fields.countHint")} value={values.value} problem={problem("value")} inputMode="numeric" className={styles.count} />
        </div>
        <div className={`${styles.rangeOnly} ${styles.twoColumns}`}>
          <TextField name="min" label={t("fields.min")} value={values.min} problem={problem("min")} inputMode="numeric" className={styles.count} />
          <TextField name="max" label={t("fields.max")} value={values.max} problem={problem("max")} inputMode="numeric" className={styles.count} />
        </div>
      </section>

      <section className={`card ${styles.section}`} aria-labelledby={`${PREFIX}-covers`}>
        <h2 id={`${PREFIX}-covers`}>{t("sections.covers")}</h2>
        <ChoiceGroup
          name="basis"
          legend={t("fields.basis")}
          value={values.basis}
          problem={problem("basis")}
          explained
          options={BASES.map((value) => ({ value, label: t(`bases.${value}`), hint: t(`basisHints.${value}`) }))}
        />
        <div className={styles.twoColumns}>
          <div className={styles.fromField}>
            <TextField
              name="from"
              type="date"
              label={
                <>
                  <span className={styles.firstDayLabel}>{t("fields.firstDay")}</span>
                  <span className={styles.sinceLabel}>{t("fields.since")}</span>
                </>
              }
              value={values.from}
              problem={problem("from")}
              min="1990-01-01"
              max={today}
            />
          </div>
          <div className={styles.toField}>
            <TextField name="to" type="date" label={t("fields.lastDay")} value={values.to} problem={problem("to")} min="1990-01-01" max={today} />
          </div>
          <div className={styles.dateField}>
            <TextField name="date" type="date" label={t("fields.day")} value={values.date} problem={problem("date")} min="1990-01-01" max={today} />
          </div>
        </div>
        <ChoiceGroup name="scopeKind" legend={t("fields.scope")} value={values.scopeKind} problem={problem("scopeKind")} options={SCOPE_KINDS.map((value) => ({ value, label: t(`scopes.${value}`) }))} />
        <div className={styles.countryField}>
          <TextField
            name="scopeCountry"
            label={t("fields.scopeCountry")}
            hint={t("fields.scopeCountryHint")}
            value={values.scopeCountry}
            problem={problem("scopeCountry")}
            maxLength={2}
            autoComplete="off"
            className={styles.country}
          />
        </div>
        <TextField name="breakdown" label={t("fields.breakdown")} hint={t("fields.breakdownHint")} optional value={values.breakdown} problem={problem("breakdown")} rows={3} />
      </section>

      <section className={`card ${styles.section}`} aria-labelledby={`${PREFIX}-source`}>
        <h2 id={`${PREFIX}-source`}>{t("sections.source")}</h2>
        <TextField name="sourceUrl" type="url" label={t("fields.sourceUrl")} hint={t("fields.sourceUrlHint")} optional value={values.sourceUrl} problem={problem("sourceUrl")} maxLength={2000} inputMode="url" />
        <TextField name="sourceDescription" label={t("fields.sourceDescription")} hint={t("fields.sourceDescriptionHint")} optional value={values.sourceDescription} problem={problem("sourceDescription")} rows={2} maxLength={1000} />
        <TextField name="quote" label={t("fields.quote")} optional value={values.quote} problem={problem("quote")} rows={4} maxLength={5000} />
        <SelectField name="quoteLang" label={t("fields.quoteLang")} value={values.quoteLang || "es"} problem={problem("quoteLang")}>
          {quoteLanguages.map((code) => (
            <option key={code} value={code}>
              {(QUOTE_LANGUAGES as readonly string[]).includes(code) ? t(`languages.${code as (typeof QUOTE_LANGUAGES)[number]}`) : code}
            </option>
          ))}
        </SelectField>
        <ArchivedFileField current={announcement?.archivedFile ?? null} problem={problem("archivedFile")} limitMb={limitMb} />
        <TextField name="archivedUrl" type="url" label={t("fields.archivedUrl")} hint={t("fields.archivedUrlHint")} optional value={values.archivedUrl} problem={problem("archivedUrl")} maxLength={2000} inputMode="url" />
        <TextField name="note" label={t("fields.note")} hint={t("fields.noteHint")} optional value={values.note} problem={problem("note")} rows={3} maxLength={5000} />
      </section>

      {mode === "edit" ? (
        <section className={`card ${styles.section}`} aria-labelledby={`${PREFIX}-why`}>
          <h2 id={`${PREFIX}-why`}>{t("sections.why")}</h2>
          <TextField name="reason" label={t("fields.reason")} hint={t("fields.reasonHint")} optional value={values.reason} problem={problem("reason")} rows={2} maxLength={2000} />
        </section>
      ) : null}

      <div className={styles.submitArea}>
        <ProblemSummary state={shown} focusKey={`${state.answer}-${tooLarge}`} fieldLinks={links} labels={labels} limitMb={limitMb} testId="announcement-problem">
          {shown.problem === "stale_version" && announcement ? (
            <p>
              <a className="button button-secondary" href={`/anuncios/${announcement.id}/editar`} data-testid="announcement-reload">
                {t("problems.reload")}
              </a>
            </p>
          ) : null}
        </ProblemSummary>
        <div className="actions">
          <button type="submit" className="button" disabled={pending} data-testid="announcement-submit">
            {pending ? t("saving") : mode === "create" ? t("submitNew") : t("submitEdit")}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The option a radio group's link in the summary points at: the chosen one, else the first. */
function firstOption(field: FormField, values: ClaimFormValues): string {
  const chosen = values[field as keyof ClaimFormValues];
  if (chosen) return chosen;
  const options: Partial<Record<FormField, readonly string[]>> = { measure: MEASURES, qualifier: QUALIFIERS, basis: BASES, scopeKind: SCOPE_KINDS };
  return options[field]?.[0] ?? "";
}

function TextField({
  name,
  label,
  hint,
  optional,
  value,
  problem,
  rows,
  type = "text",
  className,
  ...rest
}: {
  name: FormField;
  label: ReactNode;
  hint?: string;
  optional?: boolean;
  value: string;
  problem: FieldProblem | null;
  /** A text area of this many rows. */
  rows?: number;
  type?: "text" | "date" | "url";
  className?: string;
  maxLength?: number;
  min?: string;
  max?: string;
  list?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "url" | "text";
}) {
  const t = useTranslations("announcementForm");
  const problemText = useProblemText();
  const ids = fieldIds(PREFIX, name);
  const aria = describedBy(ids, { hint: Boolean(hint), problem });
  const common = { id: ids.id, name, defaultValue: value, className: `input ${className ?? ""}`.trim(), "data-testid": ids.id, ...aria, ...rest };
  return (
    <div className="field">
      <label htmlFor={ids.id}>
        {label} {optional ? <span className={styles.optional}>{t("optional")}</span> : null}
      </label>
      {rows ? <textarea rows={rows} {...common} /> : <input type={type} {...common} />}
      {hint ? (
        <p className="hint" id={ids.hint}>
          {hint}
        </p>
      ) : null}
      <FieldError id={ids.error} text={problemText(problem)} testId={`${ids.id}-error`} />
    </div>
  );
}

function SelectField({
  name,
  label,
  value,
  problem,
  placeholder,
  children,
}: {
  name: FormField;
  label: string;
  value: string;
  problem: FieldProblem | null;
  placeholder?: string;
  children: ReactNode;
}) {
  const problemText = useProblemText();
  const ids = fieldIds(PREFIX, name);
  return (
    <div className="field">
      <label htmlFor={ids.id}>{label}</label>
      <select id={ids.id} name={name} className="input" defaultValue={value} data-testid={ids.id} {...describedBy(ids, { problem })}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {children}
      </select>
      <FieldError id={ids.error} text={problemText(problem)} testId={`${ids.id}-error`} />
    </div>
  );
}

function ChoiceGroup({
  name,
  legend,
  value,
  problem,
  options,
  inline,
  explained,
}: {
  name: FormField;
  legend: string;
  value: string;
  problem: FieldProblem | null;
  options: { value: string; label: string; hint?: string }[];
  inline?: boolean;
  explained?: boolean;
}) {
  const problemText = useProblemText();
  const ids = fieldIds(PREFIX, name);
  return (
    <fieldset className={styles.choices} aria-describedby={problem ? ids.error : undefined} data-testid={ids.id}>
      <legend>{legend}</legend>
      <div className={inline ? styles.choiceRow : styles.choiceColumn}>
        {options.map((option) => (
          <label key={option.value} className={explained ? styles.explainedChoice : styles.choice}>
            <input
              type="radio"
              id={`${ids.id}-${option.value}`}
              name={name}
              value={option.value}
              defaultChecked={value === option.value}
              data-testid={`${ids.id}-${option.value}`}
            />
            {option.hint ? (
              <span>
                {option.label}
                <span className={styles.choiceHint}>{option.hint}</span>
              </span>
            ) : (
              option.label
            )}
          </label>
        ))}
      </div>
      <FieldError id={ids.error} text={problemText(problem)} testId={`${ids.id}-error`} />
    </fieldset>
  );
}

function ArchivedFileField({
  current,
  problem,
  limitMb,
}: {
  current: EditedAnnouncement["archivedFile"];
  problem: FieldProblem | null;
  limitMb: number;
}) {
  const t = useTranslations("announcementForm");
  const locale = useLocale();
  const problemText = useProblemText(limitMb);
  const ids = fieldIds(PREFIX, "archivedFile");
  const size = (bytes: number) =>
    bytes >= 1024 * 1024 ? `${formatNumber(locale, Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB` : `${formatNumber(locale, Math.max(1, Math.round(bytes / 1024)))} KB`;
  return (
    <div className="field">
      <label htmlFor={ids.id}>
        {t("fields.archivedFile")} <span className={styles.optional}>{t("optional")}</span>
      </label>
      {current ? (
        <p className={styles.current} data-testid={`${ids.id}-current`}>
          {t.rich("fields.archivedFileCurrent", {
            size: size(current.sizeBytes),
            link: (chunks) => (
              <a href={current.url} target="_blank" rel="noopener">
                {chunks}
              </a>
            ),
          })}
        </p>
      ) : null}
      <input
        id={ids.id}
        name="archivedFile"
        type="file"
        accept="application/pdf,image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif"
        className={`input ${styles.fileInput}`}
        data-testid={ids.id}
        {...describedBy(ids, { hint: true, problem })}
      />
      <p className="hint" id={ids.hint}>
        {t("fields.archivedFileHint", { limit: limitMb })}
      </p>
      <FieldError id={ids.error} text={problemText(problem)} testId={`${ids.id}-error`} />
    </div>
  );
}
