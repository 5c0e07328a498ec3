"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { EvidenceKind } from "@/lib/generated/prisma/enums.ts";
import { checkEvidenceBeforeUpload, evidenceProblem, limitInMegabytes, type EvidenceProblem } from "./evidence-problems.ts";
import { evidenceBody, evidenceFromForm, type EvidenceInput } from "./evidence-form.ts";
import { describedBy, errorIdOf, FieldError, useEvidenceProblemText } from "./Problems.tsx";
import { startUpload } from "./upload.ts";
import styles from "./Record.module.css";

/** What a phone offers for these: camera and photos, files, recordings. */
export const ACCEPT = "image/*,application/pdf,audio/*,video/*";
const KINDS = Object.values(EvidenceKind);

/**
 * The fields of one piece of evidence: kind, description, a link or a file
 * (the phone's camera or photo picker), whether it may be shown publicly
 * (off unless ticked), and a plain statement of what is accepted.
 */
export function EvidenceFields({
  idPrefix,
  problem,
  maxUploadBytes,
  optional = false,
}: {
  idPrefix: string;
  problem: EvidenceProblem | null;
  maxUploadBytes: number;
  /** In the recording form evidence may be left for later. */
  optional?: boolean;
}) {
  const t = useTranslations("record.evidence");
  const tEvidence = useTranslations("evidence");
  const problemText = useEvidenceProblemText();
  const id = (name: string) => `${idPrefix}-${name}`;
  const on = (field: EvidenceProblem["field"]) => (problem && problem.field === field ? problemText(problem) : null);
  const fileError = on("file");
  const urlError = on("url");
  const descriptionError = on("description");

  return (
    <>
      {optional ? <p className={`hint ${styles.stepHint}`}>{t("optionalHint")}</p> : null}
      <div className="field">
        <label htmlFor={id("kind")}>{t("kind")}</label>
        <select id={id("kind")} name="evidence.kind" className="input" defaultValue="photo_video" data-testid="evidence-kind">
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {tEvidence(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("description")}>{t("description")}</label>
        <textarea
          id={id("description")}
          name="evidence.description"
          className="input"
          rows={3}
          maxLength={2000}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={describedBy(id("description-hint"), descriptionError && errorIdOf(id("description")))}
          data-testid="evidence-description"
        />
        <p className="hint" id={id("description-hint")}>
          {t("descriptionHint")}
        </p>
        <FieldError id={errorIdOf(id("description"))} message={descriptionError} />
      </div>
      <div className="field">
        <label htmlFor={id("file")}>{t("file")}</label>
        <input
          id={id("file")}
          name="evidence.file"
          type="file"
          accept={ACCEPT}
          className={`input ${styles.fileInput}`}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={describedBy(id("file-hint"), fileError && errorIdOf(id("file")))}
          data-testid="evidence-file"
        />
        <p className="hint" id={id("file-hint")}>
          {tEvidence("acceptedTypes", { limitMb: limitInMegabytes(maxUploadBytes) })} {tEvidence("metadataNote")}
        </p>
        <FieldError id={errorIdOf(id("file"))} message={fileError} />
      </div>
      <div className="field">
        <label htmlFor={id("url")}>{t("url")}</label>
        <input
          id={id("url")}
          name="evidence.url"
          type="url"
          inputMode="url"
          className="input"
          maxLength={2000}
          placeholder="https://"
          aria-invalid={urlError ? true : undefined}
          aria-describedby={describedBy(id("url-hint"), urlError && errorIdOf(id("url")))}
          data-testid="evidence-url"
        />
        <p className="hint" id={id("url-hint")}>
          {t("urlHint")}
        </p>
        <FieldError id={errorIdOf(id("url"))} message={urlError} />
      </div>
      <div className={`field ${styles.checkboxField}`}>
        <label className={styles.checkbox}>
          <input type="checkbox" name="evidence.public" aria-describedby={id("public-hint")} data-testid="evidence-public" />
          {t("public")}
        </label>
        <p className="hint" id={id("public-hint")}>
          {t("publicHint")}
        </p>
      </div>
    </>
  );
}

export type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; fraction: number | null }
  | { phase: "failed"; problem: EvidenceProblem }
  | { phase: "done" };

/** Sends one piece of evidence with progress; a dropped connection can be retried (the release is already saved). */
export function useEvidenceUpload(maxUploadBytes: number) {
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const abort = useRef<(() => void) | null>(null);

  async function upload(releaseId: string, input: EvidenceInput): Promise<boolean> {
    const early = checkEvidenceBeforeUpload(input, maxUploadBytes);
    if (early) {
      setState({ phase: "failed", problem: early });
      return false;
    }
    setState({ phase: "uploading", fraction: input.file ? 0 : null });
    const running = startUpload(releaseId, evidenceBody(input), (fraction) => setState({ phase: "uploading", fraction }));
    abort.current = running.abort;
    const result = await running.done;
    abort.current = null;
    if (result.ok) {
      setState({ phase: "done" });
      return true;
    }
    setState({ phase: "failed", problem: evidenceProblem(result, maxUploadBytes) });
    return false;
  }

  return {
    state,
    upload,
    cancel: () => abort.current?.(),
    /** Checks before anything is sent; shown as a failure. */
    precheck: (input: EvidenceInput) => {
      const early = checkEvidenceBeforeUpload(input, maxUploadBytes);
      setState(early ? { phase: "failed", problem: early } : { phase: "idle" });
      return early;
    },
    reset: () => setState({ phase: "idle" }),
  };
}

/** The progress bar while sending, and the way out when it failed. */
export function UploadProgress({
  state,
  onRetry,
  onCancel,
  retryLabel,
}: {
  state: UploadState;
  onRetry: () => void;
  onCancel: () => void;
  retryLabel?: string;
}) {
  const t = useTranslations("record.upload");
  const problemText = useEvidenceProblemText();
  if (state.phase === "uploading") {
    const percent = state.fraction === null ? null : Math.round(state.fraction * 100);
    return (
      <div className={styles.progress} data-testid="upload-progress">
        <label className={styles.progressLabel}>
          {percent === null ? t("sending") : t("sendingPercent", { percent })}
          <progress max={100} value={percent ?? undefined} aria-valuetext={percent === null ? undefined : `${percent} %`} />
        </label>
        <button type="button" className="button button-secondary" onClick={onCancel} data-testid="upload-cancel">
          {t("cancel")}
        </button>
      </div>
    );
  }
  if (state.phase === "failed" && state.problem.namespace === "record") {
    return (
      <div role="alert" className="error-message" data-testid="upload-problem" data-key={state.problem.key}>
        <p className={styles.summarySentence}>{problemText(state.problem)}</p>
        {state.problem.retry ? (
          <button type="button" className="button" onClick={onRetry} data-testid="upload-retry">
            {retryLabel ?? t("retry")}
          </button>
        ) : null}
      </div>
    );
  }
  if (state.phase === "failed") {
    // A problem with one field: said next to it, and summed up here.
    return (
      <p role="alert" className="error-message" data-testid="upload-problem" data-key={state.problem.key}>
        {t("fixField")}
      </p>
    );
  }
  return null;
}

/** On the record page: add a piece of evidence to a release that exists. */
export function AddEvidenceForm({ releaseId, maxUploadBytes, idPrefix }: { releaseId: string; maxUploadBytes: number; idPrefix: string }) {
  const t = useTranslations("record.evidence");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { state, upload, cancel } = useEvidenceUpload(maxUploadBytes);
  const [added, setAdded] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function send() {
    if (!formRef.current) return;
    setAdded(false);
    const ok = await upload(releaseId, evidenceFromForm(new FormData(formRef.current)));
    if (ok) {
      setAdded(true);
      setFormKey((key) => key + 1);
      router.refresh();
    }
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send();
  };

  return (
    <form ref={formRef} key={formKey} onSubmit={onSubmit} noValidate className="stack" data-testid="add-evidence-form">
      <EvidenceFields idPrefix={idPrefix} problem={state.phase === "failed" ? state.problem : null} maxUploadBytes={maxUploadBytes} />
      <UploadProgress state={state} onRetry={() => void send()} onCancel={cancel} />
      {added ? (
        <p role="status" className="notice" data-testid="evidence-added">
          {t("added")}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={state.phase === "uploading"} data-testid="add-evidence-submit">
        {t("submit")}
      </button>
    </form>
  );
}
