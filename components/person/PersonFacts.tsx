import { getLocale, getTranslations } from "next-intl/server";
import type { PersonRecord } from "@/lib/persons/data.ts";
import { formatCedula } from "./options.ts";
import styles from "./Person.module.css";

/** Everything recorded about a person, for signed-in users (internal notes and cédula included). */
export async function PersonFacts({ person }: { person: PersonRecord }) {
  const t = await getTranslations("person.fields");
  const locale = await getLocale();
  const none = t("notGiven");
  const country = new Intl.DisplayNames([locale], { type: "region" }).of(person.nationality) ?? person.nationality;
  return (
    <dl className={`facts ${styles.facts}`} data-testid="person-facts">
      <dt>{t("givenNames")}</dt>
      <dd data-testid="fact-givenNames">{person.givenNames}</dd>
      <dt>{t("surnames")}</dt>
      <dd data-testid="fact-surnames">{person.surnames}</dd>
      <dt>{t("otherSpellings")}</dt>
      <dd>{person.otherSpellings.length > 0 ? person.otherSpellings.join("; ") : none}</dd>
      <dt>{t("cedula")}</dt>
      <dd data-testid="fact-cedula">{person.cedula ? formatCedula(person.cedula) : none}</dd>
      <dt>{t("nationality")}</dt>
      <dd>{country}</dd>
      <dt>{t("sex")}</dt>
      <dd>{t(`sexes.${person.sex}`)}</dd>
      <dt>{t("birthYear")}</dt>
      <dd>{person.birthYear ?? none}</dd>
      <dt>{t("homeState")}</dt>
      <dd>{person.homeState ?? none}</dd>
      <dt>{t("disclosure")}</dt>
      <dd data-testid="fact-disclosure">
        {t(`disclosures.${person.disclosure}`)}
        <span className={`muted ${styles.block}`}>{t(`disclosureHints.${person.disclosure}`)}</span>
      </dd>
      <dt>{t("organization")}</dt>
      <dd>{person.organization.name}</dd>
      <dt>{t("externalRef")}</dt>
      <dd>{person.externalRef ?? none}</dd>
      <dt>{t("notes")}</dt>
      <dd className={styles.preserve} data-testid="fact-notes">
        {person.notes ?? none}
      </dd>
    </dl>
  );
}
