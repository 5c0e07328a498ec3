"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { formatNumber } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { useImportProgress } from "@/lib/imports/hooks.ts";
import type { ImportError, ImportView } from "@/lib/imports/schema.ts";
import { listFileType, NameRequestError } from "@/lib/names/client.ts";
import { useLoadNameList } from "@/lib/names/hooks.ts";
import { queueHref } from "@/lib/names/keys.ts";
import { NAME_LIST_MAX_BYTES, NAME_LIST_MAX_LINES, ROW_MESSAGES } from "@/lib/names/limits.ts";
import styles from "./Names.module.css";

const LIST_REFUSALS = ["empty", "only_header", "binary", "no_name_column", "unreadable_csv", "no_names"] as const;

/**
 * Loading a name list: pasted or from a file, sent as it is (the server reads
 * its encoding), then the import's progress, asked every second, until it is
 * done; the outcome says what was added and what waits in the queue.
 */
export function NameListLoader({ announcementId }: { announcementId: string }) {
  const t = useTranslations("names.list");
  const locale = useLocale() as AppLocale;
  const router = useRouter();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  const ids = { paste: useId(), pasteHint: useId(), file: useId(), fileHint: useId(), problem: useId() };
  const load = useLoadNameList(announcementId);
  const progress = useImportProgress(importId);
  const status = progress.data?.status;
  // Set once hydrated: browser tests wait for it before they type.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  // The page's summary (lines per state, recent loads) is server-rendered: refresh it once the import ends.
  useEffect(() => {
    if (status === "done" || status === "failed") router.refresh();
  }, [status, router]);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const problemOf = (error: unknown): string => {
    const refusal = error instanceof NameRequestError ? error : new NameRequestError(0, "network", String(error));
    const reason = refusal.details.reason;
    if (refusal.status === 413) {
      return reason === "too_many_lines"
        ? t("problem.too_many_lines", { limit: formatNumber(locale, NAME_LIST_MAX_LINES) })
        : t("problem.too_large", { limitMb: NAME_LIST_MAX_BYTES / (1024 * 1024) });
    }
    if (refusal.status === 422 && (LIST_REFUSALS as readonly unknown[]).includes(reason)) return t(`problem.${reason as (typeof LIST_REFUSALS)[number]}`);
    const known = ["unsupported_media_type", "not_found", "forbidden", "unauthenticated", "second_factor_required", "network"] as const;
    const code = (known as readonly string[]).includes(refusal.problem) ? (refusal.problem as (typeof known)[number]) : "internal";
    return t(`problem.${code}`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const file = fileRef.current?.files?.[0];
    let list: { body: Blob | string; contentType: string; fileName?: string };
    if (file) {
      const contentType = listFileType(file.name);
      if (!contentType) return setProblem(t("problem.fileType"));
      list = { body: file, contentType, fileName: file.name };
    } else if (text.trim() !== "") {
      list = { body: text, contentType: "text/plain; charset=utf-8" };
    } else {
      return setProblem(t("problem.nothing"));
    }
    load.mutate(list, {
      onSuccess: ({ importId: created }) => setImportId(created),
      onError: (error) => setProblem(problemOf(error)),
    });
  };

  const again = () => {
    setImportId(null);
    setText("");
    if (fileRef.current) fileRef.current.value = "";
    load.reset();
  };

  if (importId) {
    return (
      <section className={`card ${styles.loader}`} aria-labelledby={ids.paste} data-testid="name-list-progress">
        <h2 id={ids.paste}>{t("progress.label")}</h2>
        <ImportProgress announcementId={announcementId} view={progress.data ?? null} lost={progress.isError && !progress.data} />
        {status === "done" || status === "failed" ? (
          <button type="button" className="button button-secondary" onClick={again} data-testid="name-list-again">
            {t("form.again")}
          </button>
        ) : null}
      </section>
    );
  }

  return (
    <section className={`card ${styles.loader}`} aria-labelledby={`${ids.paste}-heading`}>
      <h2 id={`${ids.paste}-heading`}>{t("form.heading")}</h2>
      <form onSubmit={submit} noValidate data-testid="name-list-form" data-ready={ready ? "true" : "false"}>
        <div className="field">
          <label htmlFor={ids.paste}>{t("form.paste")}</label>
          <p id={ids.pasteHint} className="hint">
            {t("form.pasteHint")}
          </p>
          <textarea
            id={ids.paste}
            className={`input ${styles.textarea}`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={problem ? `${ids.pasteHint} ${ids.problem}` : ids.pasteHint}
            spellCheck={false}
            autoCapitalize="characters"
            data-testid="name-list-text"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.file}>{t("form.file")}</label>
          <p id={ids.fileHint} className="hint">
            {t("form.fileHint")}
          </p>
          <input
            id={ids.file}
            ref={fileRef}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
            className={styles.file}
            aria-describedby={ids.fileHint}
            data-testid="name-list-file"
          />
        </div>
        {problem ? (
          <p id={ids.problem} ref={problemRef} tabIndex={-1} role="alert" className="error-message" data-testid="name-list-problem">
            {problem}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={load.isPending} data-testid="name-list-submit">
            {load.isPending ? t("form.sending") : t("form.submit")}
          </button>
        </div>
        <p className="hint">{t("form.reloadNote")}</p>
      </form>
    </section>
  );
}

/** Where an import stands, and when it is done, what it did. */
function ImportProgress({ announcementId, view, lost }: { announcementId: string; view: ImportView | null; lost: boolean }) {
  const t = useTranslations("names.list");
  const locale = useLocale() as AppLocale;
  const n = (value: number) => formatNumber(locale, value);
  const phaseRef = useRef<HTMLParagraphElement>(null);
  const status = view?.status ?? "queued";

  // Focus follows the outcome, so that a screen reader hears it once (the running count is not announced each second).
  useEffect(() => {
    if (status === "done" || status === "failed") phaseRef.current?.focus();
  }, [status]);

  if (lost) {
    return (
      <p role="alert" className="error-message">
        {t("progress.lost")}
      </p>
    );
  }
  return (
    <>
      <progress className={styles.progress} max={Math.max(1, view?.total ?? 1)} value={view?.processed ?? 0} aria-label={t("progress.label")} data-testid="name-list-bar" />
      {status === "running" ? (
        <p className="muted" data-testid="name-list-running">
          {t("progress.running", { processed: n(view!.processed), total: n(view!.total) })}
        </p>
      ) : null}
      <p
        ref={phaseRef}
        tabIndex={-1}
        role="status"
        className={status === "failed" ? styles.saidError : styles.said}
        data-testid="name-list-status"
        data-status={status}
      >
        {status === "done"
          ? t("progress.done", { total: view!.total, created: view!.created, queued: view!.possibleDuplicates, unchanged: view!.unchanged })
          : status === "failed"
            ? t("progress.failed")
            : status === "queued"
              ? t("progress.queued")
              : ""}
      </p>
      {status === "done" && view!.possibleDuplicates > 0 ? (
        <p>
          <Link href={queueHref({ announcementId })} data-testid="name-list-queue-link">
            {t("queueLink")}
          </Link>
        </p>
      ) : null}
      {view && view.errors.length > 0 ? <SkippedLines errors={view.errors} /> : null}
    </>
  );
}

function SkippedLines({ errors }: { errors: readonly ImportError[] }) {
  const t = useTranslations("names.list.skipped");
  const say = (error: ImportError) => {
    if (error.message === ROW_MESSAGES.unknownColumn) return t("unknownColumn", { column: error.column });
    if (error.message === ROW_MESSAGES.tooLong) return t("tooLong");
    if (error.message === ROW_MESSAGES.noLetters) return t("noLetters");
    if (error.message === ROW_MESSAGES.identifierTooLong) return t("identifierTooLong");
    return t("other", { message: error.message });
  };
  return (
    <>
      <h3>{t("heading")}</h3>
      <ul className={styles.skipped} data-testid="name-list-skipped">
        {errors.slice(0, 50).map((error) => (
          <li key={`${error.row}-${error.column}`}>
            {t("row", { row: error.row })}: {say(error)}
          </li>
        ))}
      </ul>
    </>
  );
}
