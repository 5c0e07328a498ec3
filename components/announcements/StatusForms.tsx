"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { submitAnnouncementDelete, submitAnnouncementStatus } from "@/lib/announcements/actions.ts";
import { INITIAL_FORM_STATE, type FormField } from "@/lib/announcements/form.ts";
import { ANNOUNCEMENT_STATUSES } from "@/lib/announcements/schema.ts";
import { describedBy, FieldError, fieldIds, ProblemSummary, useProblemText } from "./parts.tsx";
import styles from "./AnnouncementForm.module.css";

type Status = (typeof ANNOUNCEMENT_STATUSES)[number];

/** Sent by hand with JavaScript (so that React keeps what was typed on a refusal); the form's action without it. */
function useSubmit(dispatch: (form: FormData) => void) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return { ready, onSubmit };
}

/**
 * Mark an announcement disputed, superseded by a later one (chosen from those
 * that may), or active again; always with a reason, which the history shows.
 */
export function StatusForm({
  announcement,
  candidates,
}: {
  announcement: { id: string; version: number; status: Status; supersededById: string | null };
  /** Later announcements that may supersede this one, already labelled (who, when, how many). */
  candidates: { id: string; label: string }[];
}) {
  const t = useTranslations("announcementForm");
  const [state, dispatch, pending] = useActionState(submitAnnouncementStatus, INITIAL_FORM_STATE);
  const { ready, onSubmit } = useSubmit(dispatch);
  const problemText = useProblemText();
  const prefix = "as";
  const reason = fieldIds(prefix, "reason");
  const later = fieldIds(prefix, "supersededById");
  const status = fieldIds(prefix, "status");
  // The choice offered first: the next step from where it stands.
  const proposed: Status = announcement.status === "active" ? "disputed" : "active";
  const labels: Partial<Record<FormField, string>> = {
    status: t("status.legend"),
    supersededById: t("status.supersededBy"),
    reason: t("status.reason"),
  };
  const links: Partial<Record<FormField, string>> = { status: `${status.id}-${proposed}`, supersededById: later.id, reason: reason.id };

  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className={styles.statusForm} data-testid="status-form" data-ready={ready ? "true" : "false"}>
      <input type="hidden" name="id" value={announcement.id} />
      <input type="hidden" name="version" value={announcement.version} />
      <fieldset className={styles.choices} aria-describedby={state.fields.status ? status.error : undefined}>
        <legend>{t("status.legend")}</legend>
        <div className={styles.choiceColumn}>
          {ANNOUNCEMENT_STATUSES.filter((value) => value !== announcement.status || value === "superseded").map((value) => (
            <label key={value} className={styles.explainedChoice}>
              <input type="radio" id={`${status.id}-${value}`} name="status" value={value} defaultChecked={value === proposed} data-testid={`status-${value}`} />
              <span>
                {t(`statuses.${value}`)}
                <span className={styles.choiceHint}>{t(`status.hints.${value}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={status.error} text={problemText(state.fields.status)} testId="status-status-error" />
      </fieldset>

      <div className={`field ${styles.supersededField}`}>
        <label htmlFor={later.id}>{t("status.supersededBy")}</label>
        {candidates.length > 0 ? (
          <select
            id={later.id}
            name="supersededById"
            className="input"
            defaultValue={announcement.supersededById ?? ""}
            data-testid="status-superseded-by"
            {...describedBy(later, { problem: state.fields.supersededById })}
          >
            <option value="">{t("choose")}</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </select>
        ) : (
          <p className="hint" id={later.id} tabIndex={-1}>
            {t("status.noCandidates")}
          </p>
        )}
        <FieldError id={later.error} text={problemText(state.fields.supersededById)} testId="status-superseded-by-error" />
      </div>

      <div className="field">
        <label htmlFor={reason.id}>{t("status.reason")}</label>
        <textarea id={reason.id} name="reason" rows={2} maxLength={2000} className="input" data-testid="status-reason" {...describedBy(reason, { hint: true, problem: state.fields.reason })} />
        <p className="hint" id={reason.hint}>
          {t("status.reasonHint")}
        </p>
        <FieldError id={reason.error} text={problemText(state.fields.reason)} testId="status-reason-error" />
      </div>

      <ProblemSummary state={state} focusKey={String(state.answer)} fieldLinks={links} labels={labels} testId="status-problem">
        {state.problem === "stale_version" ? (
          <p>
            <a className="button button-secondary" href={`/anuncios/${announcement.id}/editar`}>
              {t("problems.reload")}
            </a>
          </p>
        ) : null}
      </ProblemSummary>
      <div className="actions">
        <button type="submit" className="button" disabled={pending} data-testid="status-submit">
          {pending ? t("saving") : t("status.submit")}
        </button>
      </div>
    </form>
  );
}

/** Delete (mark deleted) with a reason, after ticking a confirmation: a wrong entry, not a claim that changed. */
export function DeleteForm({ announcement }: { announcement: { id: string; version: number } }) {
  const t = useTranslations("announcementForm");
  const [state, dispatch, pending] = useActionState(submitAnnouncementDelete, INITIAL_FORM_STATE);
  const { ready, onSubmit } = useSubmit(dispatch);
  const problemText = useProblemText();
  const prefix = "ad";
  const reason = fieldIds(prefix, "reason");
  const confirm = fieldIds(prefix, "confirm");
  const labels: Partial<Record<FormField, string>> = { reason: t("delete.reason"), confirm: t("delete.confirm") };
  const links: Partial<Record<FormField, string>> = { reason: reason.id, confirm: confirm.id };

  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className={styles.deleteForm} data-testid="delete-form" data-ready={ready ? "true" : "false"}>
      <input type="hidden" name="id" value={announcement.id} />
      <input type="hidden" name="version" value={announcement.version} />
      <p className="prose">{t("delete.intro")}</p>
      <div className="field">
        <label htmlFor={reason.id}>{t("delete.reason")}</label>
        <textarea id={reason.id} name="reason" rows={2} maxLength={2000} className="input" data-testid="delete-reason" {...describedBy(reason, { problem: state.fields.reason })} />
        <FieldError id={reason.error} text={problemText(state.fields.reason)} testId="delete-reason-error" />
      </div>
      <div className={styles.checkField}>
        <label className={styles.checkbox}>
          <input type="checkbox" id={confirm.id} name="confirm" data-testid="delete-confirm" {...describedBy(confirm, { problem: state.fields.confirm })} />
          {t("delete.confirm")}
        </label>
        <FieldError id={confirm.error} text={problemText(state.fields.confirm)} testId="delete-confirm-error" />
      </div>
      <ProblemSummary state={state} focusKey={String(state.answer)} fieldLinks={links} labels={labels} testId="delete-problem" />
      <div className="actions">
        <button type="submit" className={`button ${styles.dangerButton}`} disabled={pending} data-testid="delete-submit">
          {pending ? t("saving") : t("delete.submit")}
        </button>
      </div>
    </form>
  );
}
