"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { FieldError, errorIdOf, describedBy, ProblemSummary, useFieldError } from "@/components/record/Problems.tsx";
import { useFormAction } from "@/components/forms/use-form-action.ts";
import { deletePersonAction, purgePersonAction } from "@/lib/persons/actions.ts";
import styles from "./Person.module.css";

/** Moderators: mark the person deleted, with a reason (nothing is removed). */
export function DeletePersonForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("person.delete");
  const { result, onSubmit, pending } = useFormAction(deletePersonAction);
  const reasonId = useId();
  const fieldError = useFieldError();
  const problem = result && !result.ok ? result.error : null;
  const reasonError = fieldError(problem, ["reason"]);
  return (
    <details className={`disclosure ${styles.danger}`} data-testid="person-delete">
      <summary>{t("open")}</summary>
      <form onSubmit={onSubmit} noValidate className="stack">
        <p className="prose">{t("explain")}</p>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor={reasonId}>{t("reason")}</label>
          <textarea
            id={reasonId}
            name="reason"
            className="input"
            rows={2}
            required
            aria-required
            maxLength={1000}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={describedBy(reasonError && errorIdOf(reasonId))}
            data-testid="person-delete-reason"
          />
          <FieldError id={errorIdOf(reasonId)} message={reasonError} />
        </div>
        <ProblemSummary problem={problem} links={{ reason: reasonId }} />
        <button type="submit" className="button" disabled={pending} data-testid="person-delete-submit">
          {t("submit")}
        </button>
      </form>
    </details>
  );
}

/** Admins, on a person marked deleted: remove everything for good, with a reason. */
export function PurgePersonForm({ id }: { id: string }) {
  const t = useTranslations("person.purge");
  const router = useRouter();
  const { result, onSubmit, pending } = useFormAction(purgePersonAction);
  const [understood, setUnderstood] = useState(false);
  const reasonId = useId();
  const fieldError = useFieldError();
  const problem = result && !result.ok ? result.error : null;
  const reasonError = fieldError(problem, ["reason"]);
  useEffect(() => {
    if (result?.ok) router.replace("/expedientes?purgado=1");
  }, [result, router]);
  return (
    <section className={`card ${styles.danger}`} aria-labelledby="purge-title" data-testid="person-purge">
      <h2 id="purge-title">{t("title")}</h2>
      <p className="prose">{t("explain")}</p>
      <form onSubmit={onSubmit} noValidate className="stack">
        <input type="hidden" name="id" value={id} />
        <div className="field">
          <label htmlFor={reasonId}>{t("reason")}</label>
          <textarea
            id={reasonId}
            name="reason"
            className="input"
            rows={2}
            required
            aria-required
            maxLength={1000}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={describedBy(reasonError && errorIdOf(reasonId))}
            data-testid="person-purge-reason"
          />
          <FieldError id={errorIdOf(reasonId)} message={reasonError} />
        </div>
        <label className={styles.confirm}>
          <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} data-testid="person-purge-understood" />
          {t("understood")}
        </label>
        <ProblemSummary problem={problem} links={{ reason: reasonId }} />
        {result?.ok ? (
          <p role="status" className="notice">
            {t("done")}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={pending || !understood || result?.ok === true} data-testid="person-purge-submit">
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
