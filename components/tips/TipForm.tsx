"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { PROBLEM_VALUES, checkTipBeforeSending, tipProblemOf, type TipField, type TipProblem } from "./tip-problems.ts";
import { fetchFormToken, startTipUpload, tipBody, tipFieldsFrom } from "./send-tip.ts";
import styles from "./TipForm.module.css";

/** What a phone offers for these: camera and photos, files, recordings (the server reads the bytes anyway). */
const ACCEPT = "image/*,application/pdf,audio/*,video/*";
const MEGABYTE = 1024 * 1024;

type State =
  | { phase: "idle" }
  | { phase: "sending"; fraction: number | null }
  | { phase: "failed"; problem: TipProblem | { key: "renewFailed"; field: null } }
  | { phase: "done" };

const fieldId = (field: TipField) => `tip-${field}`;
const errorId = (field: TipField) => `tip-${field}-error`;

/**
 * "¿Tiene información sobre esta persona?": a text, an optional contact and
 * an optional file, sent to the public tips endpoint with the form token the
 * page rendered. It says plainly that only moderators read it; problems are
 * said next to the field they concern, in the visitor's language; a photo's
 * upload shows its progress and can be cancelled; what was written is never
 * lost on a failure.
 */
export function TipForm({ personId, initialToken, maxUploadBytes }: { personId: string; initialToken: string; maxUploadBytes: number }) {
  const t = useTranslations("tips.form");
  const tProblem = useTranslations("tips.problems");
  const tEvidence = useTranslations("evidence");
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const [token, setToken] = useState(initialToken);
  const [state, setState] = useState<State>({ phase: "idle" });
  const [formKey, setFormKey] = useState(0);
  // Set once hydrated: before that, a submit would post the form the browser's way (browser tests wait for it).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const problem = state.phase === "failed" ? state.problem : null;
  const problemText = problem ? tProblem(problem.key, { ...PROBLEM_VALUES, ...("values" in problem ? problem.values : {}) } as never) : null;
  const on = (field: TipField) => (problem?.field === field ? problemText : null);

  useEffect(() => {
    if (state.phase === "done") doneRef.current?.focus();
    if (state.phase === "failed" && state.problem.field) document.getElementById(fieldId(state.problem.field))?.focus();
  }, [state]);

  async function send() {
    if (!formRef.current) return;
    const fields = tipFieldsFrom(new FormData(formRef.current));
    const early = checkTipBeforeSending(fields, maxUploadBytes);
    if (early) {
      setState({ phase: "failed", problem: early });
      return;
    }
    setState({ phase: "sending", fraction: fields.file ? 0 : null });
    const running = startTipUpload(personId, tipBody(fields, token), (fraction) => setState({ phase: "sending", fraction }));
    abortRef.current = running.abort;
    const result = await running.done;
    abortRef.current = null;
    if (result.ok) {
      setState({ phase: "done" });
      return;
    }
    const refused = tipProblemOf(result, maxUploadBytes);
    if (refused.renew) {
      // The text stays; only the token is replaced, so that pressing send again works.
      const fresh = await fetchFormToken(personId);
      if (!fresh) {
        setState({ phase: "failed", problem: { key: "renewFailed", field: null } });
        return;
      }
      setToken(fresh);
    }
    setState({ phase: "failed", problem: refused });
  }

  async function startAnother() {
    const fresh = await fetchFormToken(personId);
    // Without a fresh token the next send is refused as "already sent", and renews it then.
    if (fresh) setToken(fresh);
    setFormKey((key) => key + 1);
    setState({ phase: "idle" });
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (state.phase !== "sending") void send();
  };

  const describedBy = (field: TipField, hint: boolean) =>
    [hint ? `${fieldId(field)}-hint` : null, on(field) ? errorId(field) : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (field: TipField) =>
    on(field) ? (
      <p id={errorId(field)} className={styles.fieldError} data-testid={`tip-${field}-error`}>
        {on(field)}
      </p>
    ) : null;
  const sending = state.phase === "sending";
  const percent = sending && state.fraction !== null ? Math.round(state.fraction * 100) : null;

  return (
    <section aria-labelledby="tip-heading" className={styles.section} data-testid="tip-section">
      <h2 id="tip-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <p className="notice" data-testid="tip-privacy">
        {t("privacy")}
      </p>

      {state.phase === "done" ? (
        <div className={styles.done}>
          <p ref={doneRef} tabIndex={-1} role="status" className="notice" data-testid="tip-done">
            {t("done")}
          </p>
          <button type="button" className="button button-secondary" onClick={() => void startAnother()} data-testid="tip-another">
            {t("another")}
          </button>
        </div>
      ) : (
        <form key={formKey} ref={formRef} onSubmit={onSubmit} noValidate className={styles.form} data-testid="tip-form" data-ready={ready}>
          <div className="field">
            <label htmlFor={fieldId("text")}>{t("text")}</label>
            <textarea
              id={fieldId("text")}
              name="text"
              className="input"
              rows={6}
              maxLength={PROBLEM_VALUES.max}
              required
              aria-invalid={on("text") ? true : undefined}
              aria-describedby={describedBy("text", true)}
              data-testid="tip-text"
            />
            <p className="hint" id={`${fieldId("text")}-hint`}>
              {t("textHint", { min: PROBLEM_VALUES.min, max: PROBLEM_VALUES.max, links: PROBLEM_VALUES.links })}
            </p>
            {fieldError("text")}
          </div>
          <div className="field">
            <label htmlFor={fieldId("contact")}>{t("contact")}</label>
            <input
              id={fieldId("contact")}
              name="contact"
              className="input"
              maxLength={PROBLEM_VALUES.contactMax}
              aria-invalid={on("contact") ? true : undefined}
              aria-describedby={describedBy("contact", true)}
              data-testid="tip-contact"
            />
            <p className="hint" id={`${fieldId("contact")}-hint`}>
              {t("contactHint")}
            </p>
            {fieldError("contact")}
          </div>
          <div className="field">
            <label htmlFor={fieldId("file")}>{t("file")}</label>
            <input
              id={fieldId("file")}
              name="file"
              type="file"
              accept={ACCEPT}
              className={`input ${styles.fileInput}`}
              aria-invalid={on("file") ? true : undefined}
              aria-describedby={describedBy("file", true)}
              data-testid="tip-file"
            />
            <p className="hint" id={`${fieldId("file")}-hint`}>
              {tEvidence("acceptedTypes", { limitMb: Math.max(1, Math.floor(maxUploadBytes / MEGABYTE)) })} {tEvidence("metadataNote")}
            </p>
            {fieldError("file")}
          </div>
          {/* The honeypot: out of sight and out of the tab order; people leave it empty, bots fill it. */}
          <div className={styles.trap} aria-hidden="true">
            <label htmlFor="tip-website">{t("honeypot")}</label>
            <input id="tip-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>

          {sending ? (
            <div className={styles.progress} data-testid="tip-progress">
              <label className={styles.progressLabel}>
                {percent === null ? t("sending") : t("sendingPercent", { percent })}
                <progress max={100} value={percent ?? undefined} />
              </label>
              <button type="button" className="button button-secondary" onClick={() => abortRef.current?.()} data-testid="tip-cancel">
                {t("cancel")}
              </button>
            </div>
          ) : null}
          {problem ? (
            <p role="alert" className="error-message" data-testid="tip-problem" data-key={problem.key}>
              {problem.field ? t("fixField") : problemText}
            </p>
          ) : null}
          <button type="submit" className="button" disabled={sending} data-testid="tip-submit">
            {t("submit")}
          </button>
        </form>
      )}
    </section>
  );
}
