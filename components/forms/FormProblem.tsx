"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/api/action.ts";

/** The error codes a form has its own sentence for (`forms.error.<code>`); any other reads as "internal". */
export const FORM_ERROR_CODES = [
  "invalid_input",
  "conflict",
  "stale_version",
  "forbidden",
  "second_factor_required",
  "unauthenticated",
  "not_found",
  "unprocessable",
  "rate_limited",
] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];
type Known = FormErrorCode;
const FIELDS = ["email", "name", "password", "passwordAgain", "token", "role", "organizationId", "slug", "expiresInDays", "code"] as const;
const isKnownField = (field: string): field is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(field);

/**
 * A refused server action, said in the user's language: the error code picks
 * the sentence; the fields that were wrong are named. The server's English
 * message is never shown.
 */
export function FormProblem({
  result,
  override = {},
}: {
  result: ActionResult<unknown> | null;
  /** A sentence of the form's own for some codes (already translated). */
  override?: Partial<Record<string, string>>;
}) {
  const t = useTranslations("forms");
  if (!result || result.ok) return null;
  // Issues about the form as a whole (no field path) are covered by the sentence above.
  const fields = Object.keys(result.error.fields).filter((field) => field !== "");
  const code = (FORM_ERROR_CODES as readonly string[]).includes(result.error.code) ? (result.error.code as Known) : "internal";
  return (
    <div role="alert" className="error-message" data-testid="form-problem" data-code={result.error.code}>
      <p>{override[result.error.code] ?? t(`error.${code}`)}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((field) => (
            <li key={field}>{isKnownField(field) ? t(`field.${field}`) : t("field.other", { field })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
