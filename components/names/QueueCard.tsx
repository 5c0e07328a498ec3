"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { formatDay } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import { useCandidateSearch } from "@/lib/names/hooks.ts";
import type { CandidateView, DecisionInput, QueueItem } from "@/lib/names/schema.ts";
import { parseCedula } from "@/lib/search/normalize.ts";
import styles from "./Names.module.css";

export const lineDomId = (lineId: string) => `name-line-${lineId}`;

type Disclosure = "public" | "initials" | "withheld";
const DISCLOSURES: readonly Disclosure[] = ["initials", "public", "withheld"];

/**
 * One line of the queue: the name as printed (and its cédula), the
 * candidates as moderators see them (name, cédula, release status, match
 * strength), a search for anyone else, and the three decisions.
 */
export function QueueCard({
  line,
  busy,
  problem,
  onDecide,
}: {
  line: QueueItem;
  busy: boolean;
  problem: string | null;
  onDecide: (input: DecisionInput, personName?: string) => void;
}) {
  const t = useTranslations("names.queue");
  const locale = useLocale() as AppLocale;
  const id = useId();
  const headingId = `${id}-heading`;
  const [chosen, setChosen] = useState<string | null>(line.suggestedPersonId ?? line.candidates[0]?.personId ?? null);
  const [typed, setTyped] = useState("");
  const [asked, setAsked] = useState("");
  const [creating, setCreating] = useState(false);
  const [chooseFirst, setChooseFirst] = useState(false);
  const search = useCandidateSearch(asked);
  const found = (search.data?.results ?? []).filter((result) => !line.candidates.some((candidate) => candidate.personId === result.personId));
  const everyone = [...line.candidates, ...found];

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setAsked(typed.trim());
  };

  const confirm = () => {
    const person = everyone.find((candidate) => candidate.personId === chosen);
    if (!person) return setChooseFirst(true);
    setChooseFirst(false);
    onDecide({ action: "confirm", personId: person.personId }, person.name);
  };

  return (
    <article id={lineDomId(line.id)} tabIndex={-1} className={`card ${styles.card}`} aria-labelledby={headingId} data-testid="name-line" data-line-id={line.id}>
      <h2 id={headingId} className={styles.printed} data-testid="name-line-printed">
        {line.nameAsPrinted}
      </h2>
      <p className={`muted ${styles.where}`}>
        {line.identifierAsPrinted ? (
          <>
            <span data-testid="name-line-identifier">{t("printedId", { id: line.identifierAsPrinted })}</span>
            <br />
          </>
        ) : null}
        {t("lineOf", { position: line.position, claimant: line.announcement.claimant, date: formatDay(locale, new Date(`${line.announcement.statedOn}T00:00:00Z`)) })}
      </p>

      <fieldset className={styles.candidates}>
        <legend>{t("who")}</legend>
        {everyone.length === 0 ? (
          <p className="muted" data-testid="name-line-none">
            {t("noCandidates")}
          </p>
        ) : (
          <ul className={styles.options}>
            {everyone.map((candidate) => (
              <li key={candidate.personId}>
                <CandidateOption
                  candidate={candidate}
                  name={`${id}-choice`}
                  checked={chosen === candidate.personId}
                  found={!line.candidates.includes(candidate)}
                  onChoose={() => {
                    setChosen(candidate.personId);
                    setChooseFirst(false);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <form className={styles.search} onSubmit={ask} role="search" aria-label={t("search.label")}>
        <label htmlFor={`${id}-search`} className="visually-hidden">
          {t("search.label")}
        </label>
        <div className={styles.searchRow}>
          <input
            id={`${id}-search`}
            type="search"
            className="input"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder={t("search.label")}
            aria-describedby={`${id}-search-hint`}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            data-testid="name-line-search"
          />
          <button type="submit" className="button button-secondary" data-testid="name-line-search-button">
            {t("search.button")}
          </button>
        </div>
        <p id={`${id}-search-hint`} className="hint">
          {t("search.hint")}
        </p>
        <p role="status" className="hint" data-testid="name-line-search-status">
          {asked.length >= 2 && search.isFetching
            ? t("search.searching")
            : asked.length >= 2 && search.isError
              ? t("search.failed")
              : asked.length >= 2 && search.data && search.data.results.length === 0
                ? t("search.none", { q: asked })
                : ""}
        </p>
      </form>

      {chooseFirst ? (
        <p role="alert" className="error-message">
          {t("chooseFirst")}
        </p>
      ) : null}

      {creating ? (
        <CreateForm line={line} busy={busy} onCancel={() => setCreating(false)} onCreate={(input, name) => onDecide(input, name)} />
      ) : (
        <div className="actions">
          {everyone.length > 0 ? (
            <button type="button" className="button" disabled={busy} aria-describedby={headingId} onClick={confirm} data-testid="name-line-confirm">
              {t("confirm")}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" disabled={busy} aria-describedby={headingId} onClick={() => onDecide({ action: "reject" })} data-testid="name-line-reject">
            {t("reject")}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} aria-describedby={headingId} onClick={() => setCreating(true)} data-testid="name-line-create">
            {t("create")}
          </button>
        </div>
      )}
      {problem ? (
        <p role="alert" className="error-message" data-testid="name-line-problem">
          {problem}
        </p>
      ) : null}
    </article>
  );
}

function CandidateOption({
  candidate,
  name,
  checked,
  found,
  onChoose,
}: {
  candidate: CandidateView;
  name: string;
  checked: boolean;
  found: boolean;
  onChoose: () => void;
}) {
  const t = useTranslations("names.queue");
  return (
    <label className={styles.option} data-testid="name-candidate" data-person-id={candidate.personId}>
      <input type="radio" name={name} value={candidate.personId} checked={checked} onChange={onChoose} />
      <span className={styles.optionText}>
        <span className={styles.candidateName} data-testid="name-candidate-name">
          {candidate.name}
        </span>
        <span className={styles.candidateFacts}>
          <span>
            <span data-testid="name-candidate-cedula">{candidate.cedula ?? t("noCedula")}</span> · {t(`status.${candidate.status}`)} ·{" "}
            {t(`disclosure.${candidate.disclosure}`)}
          </span>
        </span>
        <span className={styles.candidateFacts}>
          {candidate.sameCedula ? <span className={`badge ${styles.badgeStrong}`}>{t("sameCedula")}</span> : null}
          <span className="badge" data-testid="name-candidate-match">
            {!found && candidate.match ? t(`match.${candidate.match}`) : t("match.found")}
          </span>
        </span>
      </span>
    </label>
  );
}

function CreateForm({
  line,
  busy,
  onCancel,
  onCreate,
}: {
  line: QueueItem;
  busy: boolean;
  onCancel: () => void;
  onCreate: (input: DecisionInput, name: string) => void;
}) {
  const t = useTranslations("names.queue");
  const id = useId();
  const printedCedula = line.identifierAsPrinted && parseCedula(line.identifierAsPrinted.replace(/,/g, ".")) ? line.identifierAsPrinted : "";
  const [givenNames, setGivenNames] = useState(line.split.givenNames);
  const [surnames, setSurnames] = useState(line.split.surnames);
  const [cedula, setCedula] = useState(printedCedula);
  const [disclosure, setDisclosure] = useState<Disclosure>("initials");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (givenNames.trim() === "" || surnames.trim() === "") return setProblem(t("createForm.required"));
    if (cedula.trim() !== "" && !parseCedula(cedula.replace(/,/g, "."))) return setProblem(t("createForm.badCedula"));
    setProblem(null);
    onCreate(
      {
        action: "create",
        person: { givenNames: givenNames.trim(), surnames: surnames.trim(), disclosure, ...(cedula.trim() ? { cedula: cedula.trim().replace(/,/g, ".") } : {}) },
      },
      `${givenNames.trim()} ${surnames.trim()}`,
    );
  };

  return (
    <form className={styles.createForm} onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid="name-line-create-form">
      <h3 id={`${id}-heading`}>{t("createForm.heading", { printed: line.nameAsPrinted })}</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-given`}>{t("createForm.givenNames")}</label>
          <input id={`${id}-given`} className="input" value={givenNames} onChange={(event) => setGivenNames(event.target.value)} maxLength={200} data-testid="name-create-given" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-surnames`}>{t("createForm.surnames")}</label>
          <input id={`${id}-surnames`} className="input" value={surnames} onChange={(event) => setSurnames(event.target.value)} maxLength={200} data-testid="name-create-surnames" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cedula`}>{t("createForm.cedula")}</label>
          <input id={`${id}-cedula`} className="input" value={cedula} onChange={(event) => setCedula(event.target.value)} maxLength={20} inputMode="text" data-testid="name-create-cedula" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-disclosure`}>{t("createForm.disclosure")}</label>
          <select id={`${id}-disclosure`} className="input" value={disclosure} onChange={(event) => setDisclosure(event.target.value as Disclosure)} data-testid="name-create-disclosure">
            {DISCLOSURES.map((option) => (
              <option key={option} value={option}>
                {t(`disclosureOption.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {problem ? (
        <p role="alert" className="error-message">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="name-create-submit">
          {t("createForm.submit")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("createForm.cancel")}
        </button>
      </div>
    </form>
  );
}
