"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ProblemSummary, type ShownProblem } from "@/components/record/Problems.tsx";
import { updatePersonAction } from "@/lib/persons/actions.ts";
import { changedFields, linesOf, PERSON_NORMALIZERS, staleDifferences, type Difference } from "@/lib/persons/changes.ts";
import { formatCedula, PERSON_FORM_FIELDS, type PersonFormField } from "./options.ts";
import { PersonFields, personFieldLinks, type PersonDefaults } from "./PersonFields.tsx";
import styles from "./Person.module.css";

export type EditablePerson = PersonDefaults & { id: string; version: number; otherSpellings: string[] };

/**
 * Edit a person's details. The form carries the version it was loaded with;
 * when someone else saved first, nothing is overwritten: the form lists each
 * field whose saved value changed since, with the value saved now, and
 * offers to load the current version.
 */
export function PersonEditor({ person }: { person: EditablePerson }) {
  const t = useTranslations("person.edit");
  const [saved, setSaved] = useState<"saved" | "unchanged" | null>(null);
  return (
    <details className={`disclosure ${styles.editor}`} data-testid="person-edit">
      <summary>{t("open")}</summary>
      {saved ? (
        <p role="status" className="notice" data-testid="person-edit-saved">
          {saved === "saved" ? t("saved") : t("unchanged")}
        </p>
      ) : null}
      {/* A new version (after saving, or loading the current one) starts the form again from what is saved. */}
      <PersonEditForm key={person.version} person={person} onSaved={setSaved} />
    </details>
  );
}

function PersonEditForm({ person, onSaved }: { person: EditablePerson; onSaved: (outcome: "saved" | "unchanged") => void }) {
  const t = useTranslations("person.edit");
  const router = useRouter();
  // What the editor loaded: kept as it was, to compare with what is saved when a save comes too late.
  const [loaded] = useState(person);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [stale, setStale] = useState<Difference<PersonFormField>[] | null>(null);
  const [pending, startTransition] = useTransition();
  const [reloading, startReload] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (field: string) => {
      const value = form.get(`person.${field}`);
      return typeof value === "string" ? value : "";
    };
    const typed: Record<PersonFormField, unknown> = Object.fromEntries(
      PERSON_FORM_FIELDS.map((field) => [field, field === "otherSpellings" ? linesOf(text(field)) : text(field)]),
    ) as Record<PersonFormField, unknown>;
    const changes = changedFields<PersonFormField>(loaded, typed, PERSON_FORM_FIELDS, PERSON_NORMALIZERS);
    if (Object.keys(changes).length === 0) {
      setProblem(null);
      onSaved("unchanged");
      return;
    }
    startTransition(async () => {
      const result = await updatePersonAction({ id: loaded.id, version: loaded.version, ...changes });
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      setProblem(null);
      if (result.data.outcome === "stale") {
        setStale(staleDifferences<PersonFormField>(loaded, result.data.current, PERSON_FORM_FIELDS, PERSON_NORMALIZERS));
        return;
      }
      onSaved(result.data.changed ? "saved" : "unchanged");
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="person-edit-form">
      <PersonFields idPrefix={`edit-${loaded.id}`} pathPrefix="" defaults={loaded} problem={problem} withOtherSpellings />
      {stale ? (
        <StaleNotice differences={stale} reloading={reloading} onReload={() => startReload(() => router.refresh())} />
      ) : null}
      <ProblemSummary problem={problem} links={personFieldLinks(`edit-${loaded.id}`, "")} />
      <button type="submit" className="button" disabled={pending} data-testid="person-edit-submit">
        {pending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}

function StaleNotice({ differences, reloading, onReload }: { differences: Difference<PersonFormField>[]; reloading: boolean; onReload: () => void }) {
  const t = useTranslations("person.edit");
  const tFields = useTranslations("person.fields");
  const locale = useLocale();
  const show = (field: PersonFormField, value: unknown): string => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("empty");
    if (field === "sex") return tFields(`sexes.${value as "female" | "male" | "other" | "unknown"}`);
    if (field === "disclosure") return tFields(`disclosures.${value as "public" | "initials" | "withheld"}`);
    if (field === "cedula") return formatCedula(String(value));
    if (field === "nationality") return new Intl.DisplayNames([locale], { type: "region" }).of(String(value)) ?? String(value);
    if (Array.isArray(value)) return value.join("; ");
    return String(value);
  };
  return (
    <div role="alert" className={`error-message ${styles.stale}`} data-testid="person-edit-stale">
      <p>{t("staleTitle")}</p>
      {differences.length > 0 ? (
        <ul>
          {differences.map((difference) => (
            <li key={difference.field} data-testid="stale-field" data-field={difference.field}>
              <strong>{tFields(difference.field)}</strong>: {t("staleCurrent", { value: show(difference.field, difference.current) })}{" "}
              <span className={styles.staleLoaded}>{t("staleLoaded", { value: show(difference.field, difference.loaded) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("staleNoFields")}</p>
      )}
      <p className={styles.staleAdvice}>{t("staleAdvice")}</p>
      <button type="button" className="button button-secondary" onClick={onReload} disabled={reloading} data-testid="person-edit-reload">
        {t("reload")}
      </button>
    </div>
  );
}
