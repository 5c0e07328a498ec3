"use client";

import { useLocale, useTranslations } from "next-intl";
import { describedBy, errorIdOf, FieldError, useFieldError, type ShownProblem } from "@/components/record/Problems.tsx";
import styles from "@/components/record/Record.module.css";
import { DISCLOSURES, formatCedula, nationalityChoices, SEXES, VE_STATES } from "./options.ts";

export interface PersonDefaults {
  givenNames: string;
  surnames: string;
  cedula: string | null;
  nationality: string;
  sex: string;
  birthYear: number | null;
  homeState: string | null;
  disclosure: string;
  externalRef: string | null;
  notes: string | null;
  otherSpellings?: string[];
}

export type TypedField = "givenNames" | "surnames" | "cedula";

/** Field path → input id, for the links of a problem summary. */
export function personFieldLinks(idPrefix: string, pathPrefix: string): Record<string, string> {
  const fields = ["givenNames", "surnames", "cedula", "nationality", "sex", "birthYear", "homeState", "externalRef", "notes", "otherSpellings"];
  const links: Record<string, string> = Object.fromEntries(fields.map((field) => [`${pathPrefix}${field}`, `${idPrefix}-${field}`]));
  links[`${pathPrefix}disclosure`] = `${idPrefix}-disclosure-initials`;
  return links;
}

/**
 * A person's fields, named `person.*`: names as written, cédula (any
 * format), nationality, sex, birth year, home state, disclosure (each level
 * explained; initials by default, because it protects the family), the
 * organization's own reference and internal notes. `afterIdentity` is shown
 * right after the names and cédula (the recording form's duplicates).
 */
export function PersonFields({
  idPrefix,
  pathPrefix = "person.",
  defaults,
  problem,
  onTyped,
  afterIdentity,
  withOtherSpellings = false,
}: {
  idPrefix: string;
  pathPrefix?: string;
  defaults?: PersonDefaults;
  problem: ShownProblem | null;
  onTyped?: (field: TypedField, value: string) => void;
  afterIdentity?: React.ReactNode;
  withOtherSpellings?: boolean;
}) {
  const t = useTranslations("person.fields");
  const locale = useLocale();
  const fieldError = useFieldError();
  const id = (name: string) => `${idPrefix}-${name}`;
  const errorOf = (field: string) => fieldError(problem, [`${pathPrefix}${field}`]);

  const text = (
    field: "givenNames" | "surnames" | "cedula" | "birthYear" | "externalRef",
    options: { required?: boolean; maxLength: number; autoComplete?: string; inputMode?: "numeric" | "text"; defaultValue: string },
  ) => {
    const error = errorOf(field);
    return (
      <div className="field">
        <label htmlFor={id(field)}>
          {t(field)}
          {options.required ? null : <span className={styles.optional}> {t("optional")}</span>}
        </label>
        <input
          id={id(field)}
          name={`person.${field}`}
          className="input"
          required={options.required}
          aria-required={options.required ? true : undefined}
          maxLength={options.maxLength}
          autoComplete={options.autoComplete ?? "off"}
          autoCapitalize={field === "givenNames" || field === "surnames" ? "words" : "off"}
          spellCheck={false}
          inputMode={options.inputMode}
          defaultValue={options.defaultValue}
          onChange={onTyped && (field === "givenNames" || field === "surnames" || field === "cedula") ? (event) => onTyped(field, event.target.value) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id(`${field}-hint`), error && errorIdOf(id(field)))}
          data-testid={`person-${field}`}
        />
        <p className="hint" id={id(`${field}-hint`)}>
          {t(`${field}Hint`)}
        </p>
        <FieldError id={errorIdOf(id(field))} message={error} />
      </div>
    );
  };

  const nationalityError = errorOf("nationality");
  const sexError = errorOf("sex");
  const homeStateError = errorOf("homeState");
  const disclosureError = errorOf("disclosure");
  const notesError = errorOf("notes");
  const spellingsError = errorOf("otherSpellings");

  return (
    <>
      {text("givenNames", { required: true, maxLength: 200, defaultValue: defaults?.givenNames ?? "" })}
      {text("surnames", { required: true, maxLength: 200, defaultValue: defaults?.surnames ?? "" })}
      {text("cedula", { maxLength: 20, defaultValue: formatCedula(defaults?.cedula) })}
      {afterIdentity}
      {withOtherSpellings ? (
        <div className="field">
          <label htmlFor={id("otherSpellings")}>
            {t("otherSpellings")}
            <span className={styles.optional}> {t("optional")}</span>
          </label>
          <textarea
            id={id("otherSpellings")}
            name="person.otherSpellings"
            className="input"
            rows={2}
            defaultValue={(defaults?.otherSpellings ?? []).join("\n")}
            aria-invalid={spellingsError ? true : undefined}
            aria-describedby={describedBy(id("otherSpellings-hint"), spellingsError && errorIdOf(id("otherSpellings")))}
            data-testid="person-otherSpellings"
          />
          <p className="hint" id={id("otherSpellings-hint")}>
            {t("otherSpellingsHint")}
          </p>
          <FieldError id={errorIdOf(id("otherSpellings"))} message={spellingsError} />
        </div>
      ) : null}

      <div className={styles.twoColumns}>
        <div className="field">
          <label htmlFor={id("nationality")}>{t("nationality")}</label>
          <select
            id={id("nationality")}
            name="person.nationality"
            className="input"
            defaultValue={defaults?.nationality ?? "VE"}
            aria-invalid={nationalityError ? true : undefined}
            aria-describedby={describedBy(nationalityError && errorIdOf(id("nationality")))}
            data-testid="person-nationality"
          >
            {nationalityChoices(locale, defaults?.nationality).map((choice) => (
              <option key={choice.code} value={choice.code}>
                {choice.name}
              </option>
            ))}
          </select>
          <FieldError id={errorIdOf(id("nationality"))} message={nationalityError} />
        </div>
        <div className="field">
          <label htmlFor={id("sex")}>{t("sex")}</label>
          <select
            id={id("sex")}
            name="person.sex"
            className="input"
            defaultValue={defaults?.sex ?? "unknown"}
            aria-invalid={sexError ? true : undefined}
            aria-describedby={describedBy(sexError && errorIdOf(id("sex")))}
            data-testid="person-sex"
          >
            {SEXES.map((sex) => (
              <option key={sex} value={sex}>
                {t(`sexes.${sex}`)}
              </option>
            ))}
          </select>
          <FieldError id={errorIdOf(id("sex"))} message={sexError} />
        </div>
        {text("birthYear", { maxLength: 4, inputMode: "numeric", defaultValue: defaults?.birthYear ? String(defaults.birthYear) : "" })}
        <div className="field">
          <label htmlFor={id("homeState")}>
            {t("homeState")}
            <span className={styles.optional}> {t("optional")}</span>
          </label>
          <input
            id={id("homeState")}
            name="person.homeState"
            className="input"
            list={id("homeState-list")}
            maxLength={80}
            autoComplete="off"
            defaultValue={defaults?.homeState ?? ""}
            aria-invalid={homeStateError ? true : undefined}
            aria-describedby={describedBy(homeStateError && errorIdOf(id("homeState")))}
            data-testid="person-homeState"
          />
          <datalist id={id("homeState-list")}>
            {VE_STATES.map((state) => (
              <option key={state} value={state} />
            ))}
          </datalist>
          <FieldError id={errorIdOf(id("homeState"))} message={homeStateError} />
        </div>
      </div>

      <fieldset className={styles.choices} aria-describedby={describedBy(disclosureError && errorIdOf(id("disclosure")))}>
        <legend>{t("disclosure")}</legend>
        <p className="hint">{t("disclosureHint")}</p>
        {DISCLOSURES.map((level) => (
          <label key={level} className={styles.explainedChoice}>
            <input
              type="radio"
              id={id(`disclosure-${level}`)}
              name="person.disclosure"
              value={level}
              defaultChecked={(defaults?.disclosure ?? "initials") === level}
              aria-describedby={id(`disclosure-${level}-hint`)}
              data-testid={`person-disclosure-${level}`}
            />
            <span>
              <strong>{t(`disclosures.${level}`)}</strong>
              <span className={styles.choiceHint} id={id(`disclosure-${level}-hint`)}>
                {t(`disclosureHints.${level}`)}
              </span>
            </span>
          </label>
        ))}
        <FieldError id={errorIdOf(id("disclosure"))} message={disclosureError} />
      </fieldset>

      {text("externalRef", { maxLength: 100, defaultValue: defaults?.externalRef ?? "" })}
      <div className="field">
        <label htmlFor={id("notes")}>
          {t("notes")}
          <span className={styles.optional}> {t("optional")}</span>
        </label>
        <textarea
          id={id("notes")}
          name="person.notes"
          className="input"
          rows={3}
          maxLength={5000}
          defaultValue={defaults?.notes ?? ""}
          aria-invalid={notesError ? true : undefined}
          aria-describedby={describedBy(id("notes-hint"), notesError && errorIdOf(id("notes")))}
          data-testid="person-notes"
        />
        <p className="hint" id={id("notes-hint")}>
          {t("notesHint")}
        </p>
        <FieldError id={errorIdOf(id("notes"))} message={notesError} />
      </div>
    </>
  );
}
