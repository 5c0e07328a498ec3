"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { PersonFields, personFieldLinks, type TypedField } from "@/components/person/PersonFields.tsx";
import { recordAction } from "@/lib/persons/actions.ts";
import { groupedFormObject } from "@/lib/persons/changes.ts";
import type { PossibleDuplicate } from "@/lib/persons/data.ts";
import type { DuplicateParams } from "@/lib/persons/keys.ts";
import { DuplicateCandidates } from "./Duplicates.tsx";
import { EvidenceFields, UploadProgress, useEvidenceUpload } from "./Evidence.tsx";
import { evidenceFromForm, evidenceGiven } from "./evidence-form.ts";
import { ProblemSummary, type ShownProblem } from "./Problems.tsx";
import { releaseFromForm } from "./release-date.ts";
import { ReleaseFields, releaseFieldLinks } from "./ReleaseFields.tsx";
import styles from "./Record.module.css";

interface Saved {
  personId: string;
  releaseId: string;
  personCreated: boolean;
}

/**
 * /registrar: a person (or one already on record), their release, and a
 * piece of evidence, on one page for a phone on a bad connection. Nothing
 * typed is lost when something is refused; the person and release are saved
 * first, then the file is sent with a progress bar and can be retried alone.
 */
export function RecordForm({
  facilities,
  maxUploadBytes,
  approvalsRequired,
}: {
  facilities: readonly string[];
  maxUploadBytes: number;
  approvalsRequired: number;
}) {
  const t = useTranslations("record");
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState<DuplicateParams>({ givenNames: "", surnames: "", cedula: "" });
  /** The person on record the release goes to (chosen among the duplicates, or created by an earlier try). */
  const [existing, setExisting] = useState<{ id: string; name: string; created: boolean } | null>(null);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [releaseFailed, setReleaseFailed] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [done, setDone] = useState<{ withEvidence: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const evidence = useEvidenceUpload(maxUploadBytes);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    // The summary is next to the button; on a long phone form, make sure it is in view.
    if (problem) problemRef.current?.scrollIntoView({ block: "nearest" });
  }, [problem]);

  const onTyped = (field: TypedField, value: string) => setTyped((current) => ({ ...current, [field]: value }));
  const choose = (candidate: PossibleDuplicate) => {
    setExisting({ id: candidate.id, name: candidate.name, created: false });
    setProblem(null);
  };

  async function uploadEvidence(release: Saved) {
    if (!formRef.current) return;
    const input = evidenceFromForm(new FormData(formRef.current));
    if (!evidenceGiven(input)) {
      setDone({ withEvidence: false });
      return;
    }
    if (await evidence.upload(release.releaseId, input)) setDone({ withEvidence: true });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saved) {
      // The person and release are on record: only the evidence is left.
      void uploadEvidence(saved);
      return;
    }
    const form = new FormData(event.currentTarget);
    // Evidence is checked before anything is saved, so that a missing description does not leave half a record.
    const evidenceInput = evidenceFromForm(form);
    if (evidenceGiven(evidenceInput) && evidence.precheck(evidenceInput)) return;
    const grouped = groupedFormObject(form.entries(), ["person"]);
    const payload = existing
      ? { personId: existing.id, release: releaseFromForm(form) }
      : { person: grouped.person ?? {}, release: releaseFromForm(form) };
    startTransition(async () => {
      const result = await recordAction(payload);
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      if (result.data.outcome === "release_failed") {
        // The person is saved: keep it, and let the release alone be tried again.
        setExisting({ id: result.data.personId, name: `${typed.givenNames} ${typed.surnames}`.trim(), created: true });
        setReleaseFailed(true);
        setProblem(result.data.problem);
        return;
      }
      setProblem(null);
      setReleaseFailed(false);
      const release = { personId: result.data.personId, releaseId: result.data.releaseId, personCreated: result.data.personCreated };
      setSaved(release);
      await uploadEvidence(release);
    });
  }

  if (done && saved) {
    return (
      <section className={`card ${styles.done}`} aria-labelledby="record-done" data-testid="record-done">
        <h2 id="record-done" ref={doneRef} tabIndex={-1}>
          {t("done.title")}
        </h2>
        <p>{t("done.pending", { count: approvalsRequired })}</p>
        {done.withEvidence ? null : <p>{t("done.noEvidence")}</p>}
        <div className="actions">
          <a className="button" href={`/expediente/${saved.personId}`} data-testid="record-done-open">
            {t("done.open")}
          </a>
          <a className="button button-secondary" href="/registrar" data-testid="record-done-another">
            {t("done.another")}
          </a>
        </div>
      </section>
    );
  }

  const locked = saved !== null;
  const links = {
    ...personFieldLinks("record-person", "person."),
    ...releaseFieldLinks("record-release", "release."),
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className={styles.recordForm} data-testid="record-form">
      <section className={`card ${styles.step}`} aria-labelledby="step-person">
        <h2 id="step-person" className={styles.stepTitle}>
          <span className={styles.stepNumber} aria-hidden="true">
            1
          </span>
          {t("steps.person")}
        </h2>
        {existing ? (
          <div className="notice" data-testid="record-existing">
            <p>
              {existing.created ? t("existing.created", { name: existing.name }) : t("existing.chosen", { name: existing.name })}
            </p>
            <div className="actions">
              <a href={`/expediente/${existing.id}`} target="_blank" rel="noopener">
                {t("existing.open")}
              </a>
              {existing.created || locked ? null : (
                <button type="button" className="button button-secondary" onClick={() => setExisting(null)} data-testid="record-existing-undo">
                  {t("existing.undo")}
                </button>
              )}
            </div>
          </div>
        ) : null}
        {/* Hidden, not removed, while another person is chosen: what was typed comes back on "undo". */}
        <fieldset disabled={existing !== null || locked} hidden={existing !== null} className={styles.plainFieldset}>
          <legend className="visually-hidden">{t("steps.person")}</legend>
          <PersonFields
            idPrefix="record-person"
            problem={problem}
            onTyped={onTyped}
            afterIdentity={<DuplicateCandidates params={typed} onChoose={choose} />}
          />
        </fieldset>
      </section>

      <section className={`card ${styles.step}`} aria-labelledby="step-release">
        <h2 id="step-release" className={styles.stepTitle}>
          <span className={styles.stepNumber} aria-hidden="true">
            2
          </span>
          {t("steps.release")}
        </h2>
        <fieldset disabled={locked} className={styles.plainFieldset}>
          <legend className="visually-hidden">{t("steps.release")}</legend>
          <ReleaseFields idPrefix="record-release" facilities={facilities} problem={problem} />
        </fieldset>
      </section>

      <section className={`card ${styles.step}`} aria-labelledby="step-evidence">
        <h2 id="step-evidence" className={styles.stepTitle}>
          <span className={styles.stepNumber} aria-hidden="true">
            3
          </span>
          {t("steps.evidence")}
        </h2>
        <fieldset disabled={evidence.state.phase === "uploading"} className={styles.plainFieldset}>
          <legend className="visually-hidden">{t("steps.evidence")}</legend>
          <EvidenceFields
            idPrefix="record-evidence"
            problem={evidence.state.phase === "failed" ? evidence.state.problem : null}
            maxUploadBytes={maxUploadBytes}
            optional
          />
        </fieldset>
      </section>

      <div className={styles.submitArea} ref={problemRef}>
        {releaseFailed ? (
          <p className="notice" data-testid="record-release-failed">
            {t("releaseFailed")}
          </p>
        ) : null}
        <ProblemSummary problem={problem} links={links} />
        {saved ? (
          <p className="notice" role="status" data-testid="record-saved">
            {t("savedWaitingEvidence")}
          </p>
        ) : null}
        <UploadProgress
          state={evidence.state}
          onRetry={() => saved && void uploadEvidence(saved)}
          onCancel={evidence.cancel}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={pending || evidence.state.phase === "uploading"} data-testid="record-submit">
            {pending ? t("submitting") : saved ? t("submitEvidence") : releaseFailed ? t("retryRelease") : existing ? t("submitExisting") : t("submit")}
          </button>
          {saved && evidence.state.phase === "failed" ? (
            <button type="button" className="button button-secondary" onClick={() => setDone({ withEvidence: false })} data-testid="record-finish-without">
              {t("finishWithout")}
            </button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
