"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { FORM_ERROR_CODES } from "@/components/forms/FormProblem.tsx";
import type { AnnouncementFormState, FieldProblem, FormField } from "@/lib/announcements/form.ts";
import styles from "./AnnouncementForm.module.css";

/** The ids of a field's input, hint and error message. */
export function fieldIds(prefix: string, name: string) {
  const id = `${prefix}-${name}`;
  return { id, hint: `${id}-hint`, error: `${id}-error` };
}

/** `aria-invalid` and `aria-describedby` of an input, from its hint and its problem. */
export function describedBy(ids: { hint: string; error: string }, options: { hint?: boolean; problem?: FieldProblem | null }) {
  const parts = [options.hint ? ids.hint : null, options.problem ? ids.error : null].filter((part): part is string => part !== null);
  return {
    "aria-invalid": options.problem ? (true as const) : undefined,
    "aria-describedby": parts.length > 0 ? parts.join(" ") : undefined,
  };
}

/** A field's problem in words. */
export function useProblemText(limitMb?: number) {
  const t = useTranslations("announcementForm.errors");
  return (problem: FieldProblem | null | undefined): string | null => {
    if (!problem) return null;
    if (problem.key === "fileTooLarge") return t("fileTooLarge", { limit: limitMb ?? 0 });
    if (problem.key === "tooLong") return t("tooLong", { max: problem.values?.max ?? 0 });
    return t(problem.key);
  };
}

/** The message said under a field (the input points at it with aria-describedby). */
export function FieldError({ id, text, testId }: { id: string; text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <p id={id} className={styles.fieldError} data-testid={testId}>
      {text}
    </p>
  );
}

/**
 * What went wrong with the whole form, in the user's language, next to the
 * button: the sentence, then each field's problem as a link to the field.
 * It takes the focus when a new answer comes, so that it is read out.
 */
export function ProblemSummary({
  state,
  focusKey,
  fieldLinks,
  labels,
  limitMb,
  children,
  testId,
}: {
  state: Pick<AnnouncementFormState, "answer" | "fields" | "problem" | "refusal">;
  /** Changes with every answer (the server's or the form's own check): the summary then takes the focus. */
  focusKey: string;
  /** Field → id of its input, for the links. */
  fieldLinks: Partial<Record<FormField, string>>;
  labels: Partial<Record<FormField, string>>;
  limitMb?: number;
  /** Said after the sentence (such as the reload link of a stale save). */
  children?: ReactNode;
  testId: string;
}) {
  const t = useTranslations("announcementForm");
  const tForms = useTranslations("forms");
  const problemText = useProblemText(limitMb);
  const ref = useRef<HTMLDivElement>(null);
  const hasProblem = Boolean(state.problem);
  useEffect(() => {
    if (hasProblem) ref.current?.focus();
  }, [focusKey, hasProblem]);
  if (!state.problem) return null;

  const code = state.problem;
  const sentence =
    code === "invalid_input"
      ? t("problems.invalid_input")
      : code === "stale_version"
        ? t("problems.stale")
        : state.refusal
          ? t(`status.${state.refusal}`)
          : (FORM_ERROR_CODES as readonly string[]).includes(code)
            ? tForms(`error.${code as (typeof FORM_ERROR_CODES)[number]}`)
            : tForms("error.internal");
  // In the form's order (the order the labels are given in), whatever order the server found them in.
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = (Object.keys(state.fields) as FormField[]).filter((field) => state.fields[field]).sort((a, b) => rank(a) - rank(b));
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={`error-message ${styles.summary}`} data-testid={testId} data-code={code}>
      <p className={styles.summarySentence}>{sentence}</p>
      {children}
      {fields.length > 0 ? (
        <ul className={styles.summaryList}>
          {fields.map((field) => {
            const text = `${labels[field] ?? field}: ${problemText(state.fields[field])}`;
            const target = fieldLinks[field];
            return <li key={field}>{target ? <a href={`#${target}`}>{text}</a> : text}</li>;
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** Bytes → whole megabytes for the messages (at least 1). */
export const megabytes = (bytes: number) => Math.max(1, Math.floor(bytes / (1024 * 1024)));
