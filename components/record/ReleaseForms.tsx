"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { useFormAction } from "@/components/forms/use-form-action.ts";
import { changedFields, staleDifferences, type Difference } from "@/lib/persons/changes.ts";
import { formatDay, formatMonth } from "@/lib/i18n/format.ts";
import { todayInCaracas } from "@/lib/dates.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { changeReleaseStatusAction, createReleaseAction, updateReleaseAction } from "@/lib/releases/actions.ts";
import type { StatusAction } from "@/lib/reviews/rule.ts";
import { EvidenceFields, UploadProgress, useEvidenceUpload } from "./Evidence.tsx";
import { evidenceFromForm, evidenceGiven } from "./evidence-form.ts";
import { describedBy, errorIdOf, FieldError, ProblemSummary, useFieldError, type ShownProblem } from "./Problems.tsx";
import { releaseFromForm } from "./release-date.ts";
import { ReleaseFields, releaseFieldLinks, type ReleaseDefaults } from "./ReleaseFields.tsx";
import styles from "./Record.module.css";

const RELEASE_FIELDS = ["releasedOn", "facility", "conditions", "conditionsDetail"] as const;
type ReleaseField = (typeof RELEASE_FIELDS)[number];
const STALE_FIELDS = [...RELEASE_FIELDS, "status"] as const;
type StaleField = (typeof STALE_FIELDS)[number];

/** "Add a release" on the person record page: the release, and optionally a first piece of evidence. */
export function AddReleaseForm({ personId, facilities, maxUploadBytes }: { personId: string; facilities: readonly string[]; maxUploadBytes: number }) {
  const t = useTranslations("record");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [releaseId, setReleaseId] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  const evidence = useEvidenceUpload(maxUploadBytes);
  const idPrefix = `add-release-${personId}`;

  async function finish(id: string) {
    if (!formRef.current) return;
    const input = evidenceFromForm(new FormData(formRef.current));
    if (evidenceGiven(input) && !(await evidence.upload(id, input))) return;
    setDone(true);
    router.refresh();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (releaseId) {
      void finish(releaseId);
      return;
    }
    const form = new FormData(event.currentTarget);
    const input = evidenceFromForm(form);
    if (evidenceGiven(input) && evidence.precheck(input)) return;
    startTransition(async () => {
      const result = await createReleaseAction({ personId, release: releaseFromForm(form) });
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      setProblem(null);
      setReleaseId(result.data.releaseId);
      await finish(result.data.releaseId);
    });
  }

  if (done) {
    return (
      <p role="status" className="notice" data-testid="add-release-done">
        {t("addRelease.done")}
      </p>
    );
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="stack" data-testid="add-release-form">
      <fieldset disabled={releaseId !== null} className={styles.plainFieldset}>
        <legend className="visually-hidden">{t("steps.release")}</legend>
        <ReleaseFields idPrefix={idPrefix} facilities={facilities} problem={problem} />
      </fieldset>
      <h3>{t("steps.evidence")}</h3>
      <EvidenceFields idPrefix={`${idPrefix}-evidence`} problem={evidence.state.phase === "failed" ? evidence.state.problem : null} maxUploadBytes={maxUploadBytes} optional />
      <ProblemSummary problem={problem} links={releaseFieldLinks(idPrefix, "release.")} />
      {releaseId ? (
        <p role="status" className="notice">
          {t("savedWaitingEvidence")}
        </p>
      ) : null}
      <UploadProgress state={evidence.state} onRetry={() => releaseId && void finish(releaseId)} onCancel={evidence.cancel} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending || evidence.state.phase === "uploading"} data-testid="add-release-submit">
          {releaseId ? t("submitEvidence") : t("addRelease.submit")}
        </button>
        {releaseId && evidence.state.phase === "failed" ? (
          <button type="button" className="button button-secondary" onClick={() => { setDone(true); router.refresh(); }}>
            {t("finishWithout")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export interface EditableRelease extends ReleaseDefaults {
  id: string;
  personId: string;
  version: number;
  status: string;
}

/** Correct a release's facts, with the version it was loaded with (never overwriting a later save). */
export function ReleaseEditForm({ release, facilities }: { release: EditableRelease; facilities: readonly string[] }) {
  const t = useTranslations("record.editRelease");
  const router = useRouter();
  const [loaded] = useState(release);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [stale, setStale] = useState<Difference<StaleField>[] | null>(null);
  const [saved, setSaved] = useState<"saved" | "unchanged" | null>(null);
  const [pending, startTransition] = useTransition();
  const idPrefix = `edit-release-${release.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    const releasedOn = releaseFromForm(form).releasedOn;
    if (releasedOn === "") {
      setProblem({ code: "invalid_input", fields: { releasedOn: "missing" } });
      return;
    }
    const typed = {
      releasedOn,
      facility: text("release.facility"),
      conditions: text("release.conditions"),
      conditionsDetail: text("release.conditionsDetail"),
    };
    const changes = changedFields<ReleaseField>(loaded, typed, RELEASE_FIELDS);
    if (Object.keys(changes).length === 0) {
      setProblem(null);
      setSaved("unchanged");
      return;
    }
    startTransition(async () => {
      const result = await updateReleaseAction({ id: loaded.id, personId: loaded.personId, version: loaded.version, ...changes });
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      setProblem(null);
      if (result.data.outcome === "stale") {
        setStale(staleDifferences<StaleField>(loaded, result.data.current, STALE_FIELDS));
        return;
      }
      setSaved(result.data.changed ? "saved" : "unchanged");
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="release-edit-form">
      <ReleaseFields idPrefix={idPrefix} pathPrefix="" facilities={facilities} defaults={loaded} problem={problem} />
      {stale ? <ReleaseStaleNotice differences={stale} onReload={() => router.refresh()} /> : null}
      <ProblemSummary problem={problem} links={releaseFieldLinks(idPrefix, "")} />
      {saved ? (
        <p role="status" className="notice">
          {saved === "saved" ? t("saved") : t("unchanged")}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending} data-testid="release-edit-submit">
        {t("submit")}
      </button>
    </form>
  );
}

function ReleaseStaleNotice({ differences, onReload }: { differences: Difference<StaleField>[]; onReload: () => void }) {
  const t = useTranslations("record.editRelease");
  const tRelease = useTranslations("record.release");
  const tStatus = useTranslations("record.status");
  const tConditions = useTranslations("conditions");
  const tEmpty = useTranslations("person.edit");
  const locale = useLocale() as AppLocale;
  const show = (field: StaleField, value: unknown): string => {
    if (value === null || value === undefined || value === "") return tEmpty("empty");
    const text = String(value);
    if (field === "status") return tStatus(text as "reported");
    if (field === "conditions") return tConditions(text as "full");
    if (field === "releasedOn") {
      return text.length === 7 ? formatMonth(locale, new Date(`${text}-01T00:00:00Z`)) : formatDay(locale, new Date(`${text}T00:00:00Z`));
    }
    return text;
  };
  const label = (field: StaleField) => (field === "status" ? t("status") : field === "releasedOn" ? t("date") : tRelease(field));
  return (
    <div role="alert" className="error-message" data-testid="release-edit-stale">
      <p>{t("staleTitle")}</p>
      {differences.length > 0 ? (
        <ul className={styles.summaryList}>
          {differences.map((difference) => (
            <li key={difference.field} data-field={difference.field}>
              <strong>{label(difference.field)}</strong>: {tEmpty("staleCurrent", { value: show(difference.field, difference.current) })}
            </li>
          ))}
        </ul>
      ) : null}
      <p className={styles.summarySentence}>{tEmpty("staleAdvice")}</p>
      <button type="button" className="button button-secondary" onClick={onReload}>
        {tEmpty("reload")}
      </button>
    </div>
  );
}

/**
 * Moderators: dispute, retract (with an optional re-arrest) or reopen a
 * release, with a required reason. Only the changes its status allows are offered.
 */
export function StatusChangeForm({
  releaseId,
  personId,
  version,
  actions,
  facilities,
}: {
  releaseId: string;
  personId: string;
  version: number;
  actions: StatusAction[];
  facilities: readonly string[];
}) {
  const t = useTranslations("record.statusChange");
  const { result, onSubmit, pending } = useFormAction(changeReleaseStatusAction);
  const [chosen, setChosen] = useState<StatusAction>(actions[0]!);
  const [rearrested, setRearrested] = useState(false);
  const fieldError = useFieldError();
  const baseId = useId();
  const id = (name: string) => `${baseId}-${name}`;
  const problem = result && !result.ok ? result.error : null;
  const reasonError = fieldError(problem, ["reason"]);
  const arrestedOnError = fieldError(problem, ["rearrest.arrestedOn"]);
  const facilityError = fieldError(problem, ["rearrest.facility"]);
  const chargesError = fieldError(problem, ["rearrest.charges"]);

  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="status-change-form">
      <input type="hidden" name="id" value={releaseId} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className={styles.choices}>
        <legend>{t("action")}</legend>
        {actions.map((action) => (
          <label key={action} className={styles.explainedChoice}>
            <input
              type="radio"
              name="action"
              value={action}
              checked={chosen === action}
              onChange={() => setChosen(action)}
              aria-describedby={id(`${action}-hint`)}
              data-testid={`status-action-${action}`}
            />
            <span>
              <strong>{t(`actions.${action}`)}</strong>
              <span className={styles.choiceHint} id={id(`${action}-hint`)}>
                {t(`hints.${action}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={id("reason")}>{t("reason")}</label>
        <textarea
          id={id("reason")}
          name="reason"
          className="input"
          rows={2}
          required
          aria-required
          maxLength={2000}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={describedBy(reasonError && errorIdOf(id("reason")))}
          data-testid="status-reason"
        />
        <FieldError id={errorIdOf(id("reason"))} message={reasonError} />
      </div>
      {chosen === "retract" ? (
        <>
          <label className={styles.checkbox}>
            <input type="checkbox" name="rearrested" checked={rearrested} onChange={(event) => setRearrested(event.target.checked)} data-testid="status-rearrested" />
            {t("rearrested")}
          </label>
          {rearrested ? (
            <fieldset className={styles.choices}>
              <legend>{t("rearrest")}</legend>
              <div className="field">
                <label htmlFor={id("arrestedOn")}>{t("arrestedOn")}</label>
                <input
                  id={id("arrestedOn")}
                  name="arrestedOn"
                  type="date"
                  className="input"
                  max={todayInCaracas()}
                  aria-invalid={arrestedOnError ? true : undefined}
                  aria-describedby={describedBy(arrestedOnError && errorIdOf(id("arrestedOn")))}
                />
                <FieldError id={errorIdOf(id("arrestedOn"))} message={arrestedOnError} />
              </div>
              <div className="field">
                <label htmlFor={id("facility")}>{t("facility")}</label>
                <input
                  id={id("facility")}
                  name="facility"
                  className="input"
                  list={id("facility-list")}
                  maxLength={200}
                  aria-invalid={facilityError ? true : undefined}
                  aria-describedby={describedBy(facilityError && errorIdOf(id("facility")))}
                />
                <datalist id={id("facility-list")}>
                  {facilities.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
                <FieldError id={errorIdOf(id("facility"))} message={facilityError} />
              </div>
              <div className="field">
                <label htmlFor={id("charges")}>{t("charges")}</label>
                <textarea
                  id={id("charges")}
                  name="charges"
                  className="input"
                  rows={2}
                  maxLength={2000}
                  aria-invalid={chargesError ? true : undefined}
                  aria-describedby={describedBy(chargesError && errorIdOf(id("charges")))}
                />
                <FieldError id={errorIdOf(id("charges"))} message={chargesError} />
              </div>
            </fieldset>
          ) : null}
        </>
      ) : null}
      <ProblemSummary
        problem={problem}
        override={problem?.code === "unprocessable" ? t("notAllowed") : undefined}
        links={{ reason: id("reason"), "rearrest.arrestedOn": id("arrestedOn"), "rearrest.facility": id("facility"), "rearrest.charges": id("charges") }}
      />
      <button type="submit" className="button" disabled={pending} data-testid="status-submit">
        {t(`submit.${chosen}`)}
      </button>
    </form>
  );
}
