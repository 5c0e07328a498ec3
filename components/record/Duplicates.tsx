"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatCedula } from "@/components/person/options.ts";
import type { PossibleDuplicate } from "@/lib/persons/data.ts";
import { usePossibleDuplicates } from "@/lib/persons/hooks.ts";
import type { DuplicateParams } from "@/lib/persons/keys.ts";
import { ReleaseStatusBadge } from "./StatusBadge.tsx";
import styles from "./Record.module.css";

const SHOWN_FIRST = 3;

/** How strong a match is, in words: the same cédula says the most. */
export function matchWordKey(candidate: Pick<PossibleDuplicate, "match" | "sameCedula">) {
  return candidate.sameCedula ? "sameCedula" : candidate.match;
}

/**
 * Records already on file that may be the person being typed, shown while
 * typing. Each can be opened (in another tab, so that nothing typed is lost)
 * or chosen: the release is then added to that person instead of a new one.
 */
export function DuplicateCandidates({ params, onChoose }: { params: DuplicateParams; onChoose: (candidate: PossibleDuplicate) => void }) {
  const t = useTranslations("record.duplicates");
  const { results, enabled, isFetching, isError } = usePossibleDuplicates(params);
  const [showAll, setShowAll] = useState(false);
  if (!enabled) return null;
  // On a phone eight candidates are several screens: the strongest first, the rest on request.
  const shown = showAll ? results : results.slice(0, SHOWN_FIRST);

  return (
    <section className={styles.duplicates} aria-labelledby="duplicates-title" data-testid="duplicates">
      <h3 id="duplicates-title" className={styles.duplicatesTitle}>
        {t("title")}
      </h3>
      <p role="status" className={styles.duplicatesStatus} data-testid="duplicates-status">
        {isError ? t("failed") : isFetching && results.length === 0 ? t("looking") : t("count", { count: results.length })}
      </p>
      {results.length > 0 ? (
        <ul className={styles.candidates}>
          {shown.map((candidate) => (
            <li key={candidate.id} className={styles.candidate} data-testid="duplicate-candidate" data-person-id={candidate.id}>
              <p className={styles.candidateName}>
                <strong>{candidate.name}</strong>{" "}
                <span className={`badge ${candidate.sameCedula ? styles.strongMatch : ""}`} data-testid="duplicate-match">
                  {t(`match.${matchWordKey(candidate)}`)}
                </span>
              </p>
              <p className={styles.candidateFacts}>
                {candidate.cedula ? t("cedula", { cedula: formatCedula(candidate.cedula) }) : t("noCedula")} ·{" "}
                {candidate.organizationName}
              </p>
              <p className={styles.candidateFacts}>
                {candidate.releaseStatuses.length === 0 ? (
                  t("noReleases")
                ) : (
                  <>
                    {t("releases")}{" "}
                    {candidate.releaseStatuses.map((status, index) => (
                      <ReleaseStatusBadge key={index} status={status} />
                    ))}
                  </>
                )}
              </p>
              <div className={styles.candidateActions}>
                <a href={`/expediente/${candidate.id}`} target="_blank" rel="noopener" data-testid="duplicate-open">
                  {t("open", { name: candidate.name })}
                </a>
                <button type="button" className="button button-secondary" onClick={() => onChoose(candidate)} data-testid="duplicate-choose">
                  {t("choose")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {results.length > shown.length ? (
        <button type="button" className={`button button-secondary ${styles.more}`} onClick={() => setShowAll(true)} data-testid="duplicates-more">
          {t("more", { count: results.length - shown.length })}
        </button>
      ) : null}
    </section>
  );
}
