"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { todayInCaracas } from "@/lib/dates.ts";
import { ReleaseConditions } from "@/lib/generated/prisma/enums.ts";
import { describedBy, errorIdOf, FieldError, useFieldError, type ShownProblem } from "./Problems.tsx";
import { splitReleasedOn, type DatePrecision } from "./release-date.ts";
import styles from "./Record.module.css";

export const CONDITIONS = Object.values(ReleaseConditions);
const PRECISIONS: DatePrecision[] = ["day", "month", "unknown"];

export interface ReleaseDefaults {
  releasedOn: string | null;
  facility: string | null;
  conditions: string;
  conditionsDetail: string | null;
}

/** Field path (as the server names issues) → input id, for the links of a problem summary. */
export function releaseFieldLinks(idPrefix: string, pathPrefix: string): Record<string, string> {
  return {
    [`${pathPrefix}releasedOn`]: `${idPrefix}-date`,
    [`${pathPrefix}facility`]: `${idPrefix}-facility`,
    [`${pathPrefix}conditions`]: `${idPrefix}-conditions`,
    [`${pathPrefix}conditionsDetail`]: `${idPrefix}-conditions-detail`,
  };
}

/**
 * The facts of a release: its date with how precise it is (a day, only the
 * month, or unknown), the facility (free text, with the ones already on
 * record as suggestions), the conditions and their detail. Inputs are named
 * `release.*` and `date.*` (the date's parts, composed by the form).
 */
export function ReleaseFields({
  idPrefix,
  pathPrefix = "release.",
  facilities,
  defaults,
  problem,
}: {
  idPrefix: string;
  /** How the server prefixes this form's issue paths ("release." or ""). */
  pathPrefix?: string;
  facilities: readonly string[];
  defaults?: ReleaseDefaults;
  problem: ShownProblem | null;
}) {
  const t = useTranslations("record.release");
  const tConditions = useTranslations("conditions");
  const fieldError = useFieldError();
  const initial = splitReleasedOn(defaults?.releasedOn ?? null);
  const [precision, setPrecision] = useState<DatePrecision>(defaults ? initial.precision : "day");
  const today = todayInCaracas();
  const id = (name: string) => `${idPrefix}-${name}`;
  const dateError = fieldError(problem, [`${pathPrefix}releasedOn`]);
  const facilityError = fieldError(problem, [`${pathPrefix}facility`]);
  const conditionsError = fieldError(problem, [`${pathPrefix}conditions`]);
  const detailError = fieldError(problem, [`${pathPrefix}conditionsDetail`]);

  return (
    <>
      <fieldset className={styles.choices}>
        <legend>{t("precision")}</legend>
        <div className={styles.choiceRow}>
          {PRECISIONS.map((value) => (
            <label key={value} className={styles.choice}>
              <input
                type="radio"
                name="date.precision"
                value={value}
                checked={precision === value}
                onChange={() => setPrecision(value)}
                data-testid={`release-precision-${value}`}
              />
              {t(`precisions.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {precision === "unknown" ? (
        <p className="hint" id={id("date")} tabIndex={-1}>
          {t("dateUnknownHint")}
        </p>
      ) : (
        <div className="field">
          <label htmlFor={id("date")}>{precision === "day" ? t("day") : t("month")}</label>
          {precision === "day" ? (
            <input
              id={id("date")}
              name="date.day"
              type="date"
              className="input"
              max={today}
              min="1990-01-01"
              defaultValue={initial.day}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={describedBy(dateError && errorIdOf(id("date")))}
              data-testid="release-day"
            />
          ) : (
            <input
              id={id("date")}
              name="date.month"
              type="month"
              className="input"
              max={today.slice(0, 7)}
              min="1990-01"
              placeholder={t("monthPlaceholder")}
              defaultValue={initial.month}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={describedBy(id("month-hint"), dateError && errorIdOf(id("date")))}
              data-testid="release-month"
            />
          )}
          {precision === "month" ? (
            <p className="hint" id={id("month-hint")}>
              {t("monthHint")}
            </p>
          ) : null}
          <FieldError id={errorIdOf(id("date"))} message={dateError} />
        </div>
      )}
      {precision === "unknown" ? <FieldError id={errorIdOf(id("date"))} message={dateError} /> : null}

      <div className="field">
        <label htmlFor={id("facility")}>{t("facility")}</label>
        <input
          id={id("facility")}
          name="release.facility"
          className="input"
          list={id("facility-list")}
          maxLength={200}
          autoComplete="off"
          defaultValue={defaults?.facility ?? ""}
          aria-invalid={facilityError ? true : undefined}
          aria-describedby={describedBy(id("facility-hint"), facilityError && errorIdOf(id("facility")))}
          data-testid="release-facility"
        />
        <datalist id={id("facility-list")}>
          {facilities.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p className="hint" id={id("facility-hint")}>
          {t("facilityHint")}
        </p>
        <FieldError id={errorIdOf(id("facility"))} message={facilityError} />
      </div>

      <div className="field">
        <label htmlFor={id("conditions")}>{t("conditions")}</label>
        <select
          id={id("conditions")}
          name="release.conditions"
          className="input"
          defaultValue={defaults?.conditions ?? "unknown"}
          aria-invalid={conditionsError ? true : undefined}
          aria-describedby={describedBy(conditionsError && errorIdOf(id("conditions")))}
          data-testid="release-conditions"
        >
          {CONDITIONS.map((value) => (
            <option key={value} value={value}>
              {tConditions(value)}
            </option>
          ))}
        </select>
        <FieldError id={errorIdOf(id("conditions"))} message={conditionsError} />
      </div>

      <div className="field">
        <label htmlFor={id("conditions-detail")}>{t("conditionsDetail")}</label>
        <textarea
          id={id("conditions-detail")}
          name="release.conditionsDetail"
          className="input"
          rows={3}
          maxLength={2000}
          defaultValue={defaults?.conditionsDetail ?? ""}
          aria-invalid={detailError ? true : undefined}
          aria-describedby={describedBy(id("conditions-detail-hint"), detailError && errorIdOf(id("conditions-detail")))}
          data-testid="release-conditions-detail"
        />
        <p className="hint" id={id("conditions-detail-hint")}>
          {t("conditionsDetailHint")}
        </p>
        <FieldError id={errorIdOf(id("conditions-detail"))} message={detailError} />
      </div>
    </>
  );
}
