"use client";

import { useTranslations } from "next-intl";
import { FORM_ERROR_CODES, type FormErrorCode } from "@/components/forms/FormProblem.tsx";
import type { EvidenceProblem } from "./evidence-problems.ts";
import { fieldErrorKey, issueOn } from "./field-problems.ts";
import styles from "./Record.module.css";

/** A refused action, as the forms here keep it: its code and the issue of each field path. */
export interface ShownProblem {
  code: string;
  fields: Record<string, string>;
}

const CODES = FORM_ERROR_CODES;

/** `aria-describedby` from the ids that are set. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const set = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return set.length > 0 ? set.join(" ") : undefined;
}

/** The id of a field's error message. */
export const errorIdOf = (fieldId: string) => `${fieldId}-error`;

/** The problem of a field, in words (null when the field is fine). */
export function useFieldError() {
  const t = useTranslations("record.fieldErrors");
  return (problem: ShownProblem | null, paths: readonly string[]): string | null => {
    const issue = issueOn(problem?.fields, paths);
    return issue ? t(fieldErrorKey(issue.path, issue.message)) : null;
  };
}

/** The message said next to a field (the field points at it with aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className={styles.fieldError} data-testid="field-error">
      {message}
    </p>
  );
}

/**
 * What went wrong with the whole form, in the user's language: the sentence
 * for the error code, then each field's problem as a link to the field.
 */
export function ProblemSummary({
  problem,
  links = {},
  override,
  testId = "form-problem",
}: {
  problem: ShownProblem | null;
  /** Field path → id of the input, for the links. */
  links?: Record<string, string>;
  /** A sentence of the form's own instead of the code's. */
  override?: string;
  testId?: string;
}) {
  const tForms = useTranslations("forms");
  const fieldError = useFieldError();
  if (!problem) return null;
  const code = (CODES as readonly string[]).includes(problem.code) ? (problem.code as FormErrorCode) : "internal";
  const paths = Object.keys(problem.fields).filter((path) => path !== "");
  return (
    <div role="alert" className="error-message" data-testid={testId} data-code={problem.code}>
      <p className={styles.summarySentence}>{override ?? tForms(`error.${code}`)}</p>
      {paths.length > 0 ? (
        <ul className={styles.summaryList}>
          {paths.map((path) => {
            const message = fieldError(problem, [path]);
            const target = links[path];
            return <li key={path}>{target ? <a href={`#${target}`}>{message}</a> : message}</li>;
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** An evidence problem in words (its own namespace for the file's problems, `record.upload` for the connection's). */
export function useEvidenceProblemText() {
  const tEvidence = useTranslations("evidence.errors");
  const tUpload = useTranslations("record.upload");
  return (problem: EvidenceProblem | null): string | null => {
    if (!problem) return null;
    if (problem.namespace === "evidence") return tEvidence(problem.key, (problem.values ?? {}) as never);
    return tUpload(problem.key);
  };
}
