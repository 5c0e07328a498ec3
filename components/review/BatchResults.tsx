"use client";

import { useTranslations } from "next-intl";
import { forwardRef, useId } from "react";
import type { ReviewProblem } from "@/lib/reviews/client.ts";
import type { BatchRefusal, BatchReviewResult } from "@/lib/reviews/schema.ts";
import styles from "./BatchResults.module.css";

/** A refusal of the batch, said with the queue's words for the same refusal of one decision. */
const PROBLEM: Record<BatchRefusal, ReviewProblem> = {
  own_report: "own_report",
  already_decided: "already_decided",
  not_under_review: "not_under_review",
  no_evidence: "no_evidence",
  not_found: "not_found",
  forbidden: "forbidden",
  internal: "internal",
};

export interface BatchResultsProps {
  result: BatchReviewResult;
  /** Names of the releases as the moderator selected them (the approved ones have left the list). */
  names: Record<string, string>;
  onDismiss: () => void;
}

/** What a batch approval did, release by release: approved, verified, or not approved and why. */
export const BatchResults = forwardRef<HTMLElement, BatchResultsProps>(function BatchResults({ result, names, onDismiss }, ref) {
  const t = useTranslations("review");
  const headingId = useId();
  const summary = [
    t("batch.summaryApproved", { count: result.approved }),
    result.verified > 0 ? t("batch.summaryVerified", { count: result.verified }) : null,
    result.refused > 0 ? t("batch.summaryRefused", { count: result.refused }) : null,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <section ref={ref} tabIndex={-1} className={`card ${styles.results}`} aria-labelledby={headingId} data-testid="review-batch-results">
      <h2 id={headingId} className={styles.title}>
        {t("batch.resultsTitle")}
      </h2>
      <p className={styles.summary} data-testid="review-batch-summary">
        {summary}
      </p>
      <ul className={styles.list}>
        {result.results.map((item) => {
          const name = names[item.releaseId] ?? t("batch.unknownRelease");
          let text: string;
          if (item.outcome === "verified") text = t("batch.outcome.verified");
          else if (item.outcome === "approved") {
            text = t("batch.outcome.approved", { approvals: item.release?.approvals ?? 1, required: item.release?.approvalsRequired ?? 2 });
          } else text = t("batch.outcome.refused", { problem: t(`problem.${PROBLEM[item.code ?? "internal"]}`) });
          return (
            <li key={item.releaseId} className={styles.item} data-testid="review-batch-result" data-release-id={item.releaseId} data-outcome={item.outcome}>
              <span className={styles.name}>{name}</span>
              <span className={item.outcome === "refused" ? styles.refused : item.outcome === "verified" ? styles.verified : styles.approved}>{text}</span>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button-secondary" onClick={onDismiss} data-testid="review-batch-dismiss">
        {t("batch.dismiss")}
      </button>
    </section>
  );
});
