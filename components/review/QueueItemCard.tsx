"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { formatCedula } from "@/components/person/options.ts";
import { fileHref } from "@/lib/evidence/views.ts";
import { formatDateTime, formatDay } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { QueueItem } from "@/lib/reviews/data.ts";
import { foreseeDecision, type QueueReviewer } from "@/lib/reviews/queue-cache.ts";
import { Duplicates } from "./Duplicates.tsx";
import { fileSize, fileTypeName, isPreviewableImage, releaseDate } from "./format.ts";
import styles from "./QueueItemCard.module.css";

export const queueItemDomId = (releaseId: string) => `review-item-${releaseId}`;

type ReasonDecision = "reject" | "request_evidence";

export interface QueueItemCardProps {
  item: QueueItem;
  viewer: QueueReviewer;
  locale: AppLocale;
  /** Focus is on this item (or inside it). */
  current: boolean;
  /** The one item reached with Tab (roving tabindex: the others are reached with j/k). */
  tabbable: boolean;
  form: ReasonDecision | null;
  problem: string | null;
  sending: boolean;
  onFocusWithin: () => void;
  onApprove: () => void;
  onOpenForm: (decision: ReasonDecision) => void;
  onSubmitReason: (decision: ReasonDecision, reason: string) => void;
  onCancelForm: () => void;
  /** The batch selection's checkbox: absent when the rule would not let this viewer approve the item. */
  selection?: { selected: boolean; disabled: boolean; onToggle: () => void } | null;
}

/** One release waiting for review: who, what, the evidence, the decisions so far, and the moderator's own. */
export function QueueItemCard(props: QueueItemCardProps) {
  const { item, viewer, locale } = props;
  const t = useTranslations("review");
  const tConditions = useTranslations("conditions");
  const headingId = useId();
  const [duplicatesWanted, setDuplicatesWanted] = useState(false);

  const date = releaseDate(locale, item.releasedOn);
  const dateText = date.key === "day" ? t("item.dateDay", { date: date.date }) : date.key === "month" ? t("item.dateMonth", { date: date.date }) : t("item.dateUnknown");
  const ownReport = item.reportedBy?.id === viewer.id;
  const conditions = (["full", "conditional", "house_arrest", "expelled", "unknown"] as const).find((value) => value === item.conditions) ?? "unknown";

  return (
    <section
      id={queueItemDomId(item.id)}
      className={`card ${styles.item}`}
      tabIndex={props.tabbable ? 0 : -1}
      aria-label={t("item.label", { name: item.person.name, date: dateText })}
      data-queue-item=""
      data-release-id={item.id}
      data-created-at={item.createdAt}
      data-testid="review-item"
      data-current={props.current ? "true" : undefined}
      onFocus={props.onFocusWithin}
    >
      <header className={styles.header}>
        {props.selection ? (
          <div className={styles.selectRow}>
          <label className={styles.select} data-testid="review-select-label">
            <input
              type="checkbox"
              className={styles.checkbox}
              checked={props.selection.selected}
              disabled={props.selection.disabled}
              onChange={props.selection.onToggle}
              data-testid="review-select"
            />
            <span>
              {t("batch.select")}
              <span className="visually-hidden"> {item.person.name}</span>
            </span>
          </label>
          </div>
        ) : null}
        <h3 id={headingId} className={styles.name}>
          {item.person.name}
        </h3>
        <p className={styles.badges}>
          <span className="badge" data-testid="review-item-status">
            {t(`statuses.${item.status}`)}
          </span>
          {ownReport ? (
            <span className={`badge ${styles.own}`} data-testid="review-own-report">
              {t("item.reportedByYou")}
            </span>
          ) : null}
          <span className="badge" data-testid="review-approvals">
            {t("decisions.approvals", { approvals: item.approvals, required: item.approvalsRequired })}
          </span>
        </p>
      </header>
      {item.import ? (
        <p className={styles.origin} data-testid="review-item-import">
          {t("import.from", {
            file: item.import.fileName ?? t("import.unnamed"),
            date: formatDateTime(locale, new Date(item.import.createdAt)),
          })}
        </p>
      ) : null}

      <div className={styles.columns}>
        <div>
          <h4 className={styles.subheading}>{t("item.person")}</h4>
          <dl className={`facts ${styles.facts}`}>
            <dt>{t("item.cedula")}</dt>
            <dd>{item.person.cedula ? formatCedula(item.person.cedula) : <span className="muted">{t("item.noCedula")}</span>}</dd>
            {item.person.otherSpellings.length > 0 ? (
              <>
                <dt>{t("item.otherSpellings")}</dt>
                <dd>{item.person.otherSpellings.join(" · ")}</dd>
              </>
            ) : null}
            <dt>{t("item.organization")}</dt>
            <dd>{item.person.organizationName}</dd>
          </dl>

          <h4 className={styles.subheading}>{t("item.release")}</h4>
          <dl className={`facts ${styles.facts}`}>
            <dt>{t("item.releasedOn")}</dt>
            <dd>{dateText}</dd>
            <dt>{t("item.facility")}</dt>
            <dd>{item.facility ?? <span className="muted">{t("item.noFacility")}</span>}</dd>
            <dt>{t("item.conditions")}</dt>
            <dd>
              {tConditions(conditions)}
              {item.conditionsDetail ? <span className={styles.detail}>{item.conditionsDetail}</span> : null}
            </dd>
            <dt>{t("item.status")}</dt>
            <dd>
              {t(`statuses.${item.status}`)}
              {item.statusReason ? <span className={styles.detail}>{t("item.statusReason", { reason: item.statusReason })}</span> : null}
            </dd>
            <dt>{t("item.round")}</dt>
            <dd>
              {t("item.roundValue", { round: item.reviewRound })}
              {item.earlierReviews > 0 ? <span className="muted"> · {t("item.earlierReviews", { count: item.earlierReviews })}</span> : null}
            </dd>
            <dt>{t("item.reportedBy")}</dt>
            <dd>
              {ownReport
                ? `${t("item.reportedByYou")}, ${formatDateTime(locale, new Date(item.createdAt))}`
                : item.reportedBy
                  ? t("item.reportedByValue", { name: item.reportedBy.name, date: formatDateTime(locale, new Date(item.createdAt)) })
                  : t("item.unknownReporter", { date: formatDateTime(locale, new Date(item.createdAt)) })}
            </dd>
          </dl>
        </div>

        <div>
          <h4 className={styles.subheading}>{t("evidence.title", { count: item.evidence.length })}</h4>
          <EvidenceList item={item} locale={locale} />

          <h4 className={styles.subheading}>{t("decisions.title")}</h4>
          <DecisionsSoFar item={item} locale={locale} />
        </div>
      </div>

      <Duplicates
        person={item.person}
        enabled={props.current || duplicatesWanted}
        onAsk={() => setDuplicatesWanted(true)}
      />

      <DecisionBar {...props} ownReport={ownReport} />

      {props.problem ? (
        <p className={`error-message ${styles.problem}`} data-testid="review-item-problem">
          {props.problem}
        </p>
      ) : null}
    </section>
  );
}

function EvidenceList({ item, locale }: { item: QueueItem; locale: AppLocale }) {
  const t = useTranslations("review");
  const tEvidence = useTranslations("evidence");
  if (item.evidence.length === 0) {
    return (
      <p className="muted" data-testid="review-no-evidence">
        {t("evidence.none")}
      </p>
    );
  }
  return (
    <ul className={styles.evidence}>
      {item.evidence.map((evidence) => {
        const kind = tEvidence(`kinds.${evidence.kind}` as "kinds.other");
        const href = evidence.file ? fileHref(evidence.file.sha256) : null;
        const added = formatDateTime(locale, new Date(evidence.createdAt));
        return (
          <li key={evidence.id} className={styles.evidenceItem} data-testid="review-evidence">
            <p className={styles.evidenceHead}>
              <strong>{kind}</strong>{" "}
              <span className="badge">{evidence.isPublic ? t("evidence.public") : t("evidence.internal")}</span>
            </p>
            <p className={styles.evidenceText}>{evidence.description}</p>
            {evidence.url ? (
              <p className={styles.evidenceText}>
                <a href={evidence.url} target="_blank" rel="noopener noreferrer nofollow" className={styles.url}>
                  {evidence.url}
                  <span className="visually-hidden"> {t("evidence.newTab")}</span>
                </a>
              </p>
            ) : null}
            {evidence.file && href ? (
              isPreviewableImage(evidence.file.contentType) ? (
                <a href={href} target="_blank" rel="noopener" className={styles.previewLink}>
                  {/* A plain img: the file is private and served with the session, not through an image optimiser. */}
                  <img
                    src={href}
                    alt={t("evidence.imageAlt", { kind, description: evidence.description })}
                    loading="lazy"
                    className={styles.preview}
                    data-testid="review-evidence-image"
                  />
                </a>
              ) : (
                <p className={styles.evidenceText}>
                  <a href={href} data-testid="review-evidence-file">
                    {t("evidence.file", {
                      name: evidence.fileName ?? t("evidence.unnamedFile"),
                      type: fileTypeName(evidence.file.contentType),
                      size: fileSize(locale, evidence.file.size),
                    })}
                  </a>
                </p>
              )
            ) : null}
            <p className="hint">
              {evidence.obtainedOn ? `${t("evidence.obtainedOn", { date: formatDay(locale, new Date(`${evidence.obtainedOn}T00:00:00.000Z`)) })} · ` : null}
              {evidence.addedBy ? t("evidence.addedBy", { name: evidence.addedBy, date: added }) : t("evidence.addedAt", { date: added })}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

function DecisionsSoFar({ item, locale }: { item: QueueItem; locale: AppLocale }) {
  const t = useTranslations("review");
  return (
    <>
      <p className={styles.approvals}>{t("decisions.approvals", { approvals: item.approvals, required: item.approvalsRequired })}</p>
      {item.reviews.length === 0 ? (
        <p className="muted">{t("decisions.none")}</p>
      ) : (
        <ul className={styles.decisions} data-testid="review-decisions">
          {item.reviews.map((review) => {
            const decision = t(`decisions.${review.decision as "approve" | "reject" | "request_evidence"}`);
            const pending = review.id.startsWith("pending-");
            return (
              <li key={review.id}>
                {t("decisions.entry", { reviewer: review.reviewerName, decision, date: formatDateTime(locale, new Date(review.at)) })}
                {pending ? <span className="muted"> ({t("decisions.sending")})</span> : null}
                {review.reason ? <span className={styles.detail}>{t("decisions.reason", { reason: review.reason })}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function DecisionBar(props: QueueItemCardProps & { ownReport: boolean }) {
  const { item, viewer } = props;
  const t = useTranslations("review");
  const noteId = useId();

  // What the rule allows this viewer, asked with a decision that needs no evidence.
  const possible = foreseeDecision(item, viewer, { decision: "request_evidence", reason: "-" });
  if (!possible.ok) {
    let note: string;
    if (possible.refusal === "own_report") note = t("actions.ownReport");
    else if (possible.refusal === "already_decided") {
      const mine = item.reviews.find((review) => review.reviewerId === viewer.id);
      note = t("actions.alreadyDecided", { decision: mine ? t(`decisions.${mine.decision as "approve"}`) : "—" });
    } else note = t("actions.notUnderReview");
    return (
      <p className={`hint ${styles.note}`} data-testid="review-decision-note">
        {note}
      </p>
    );
  }
  const approve = foreseeDecision(item, viewer, { decision: "approve" });
  const noEvidence = !approve.ok && approve.refusal === "no_evidence";

  return (
    <div className={styles.decisionArea}>
      <div className={styles.buttons} role="group" aria-label={t("actions.label", { name: item.person.name })}>
        <button
          type="button"
          className="button"
          onClick={props.onApprove}
          disabled={noEvidence || props.sending}
          aria-describedby={noEvidence ? noteId : undefined}
          data-testid="review-approve"
        >
          {t("actions.approve")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => props.onOpenForm("request_evidence")}
          disabled={props.sending}
          aria-expanded={props.form === "request_evidence"}
          data-testid="review-request-evidence"
        >
          {t("actions.requestEvidence")}
        </button>
        <button
          type="button"
          className={`button button-secondary ${styles.reject}`}
          onClick={() => props.onOpenForm("reject")}
          disabled={props.sending}
          aria-expanded={props.form === "reject"}
          data-testid="review-reject"
        >
          {t("actions.reject")}
        </button>
      </div>
      {noEvidence ? (
        <p id={noteId} className={`hint ${styles.note}`} data-testid="review-no-evidence-note">
          {t("actions.noEvidence")}
        </p>
      ) : null}
      {props.form ? (
        <ReasonForm
          key={props.form}
          decision={props.form}
          onSubmit={(reason) => props.onSubmitReason(props.form!, reason)}
          onCancel={props.onCancelForm}
        />
      ) : null}
    </div>
  );
}

function ReasonForm({ decision, onSubmit, onCancel }: { decision: ReasonDecision; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const t = useTranslations("review");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const ids = { field: useId(), hint: useId(), error: useId() };

  const submit = () => {
    if (reason.trim() === "") {
      setMissing(true);
      return;
    }
    onSubmit(reason.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className={styles.reasonForm}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="review-reason-form"
    >
      <label htmlFor={ids.field} className={styles.reasonLabel}>
        {t(decision === "reject" ? "reason.rejectLabel" : "reason.requestLabel")} <span className="muted">{t("reason.required")}</span>
      </label>
      <textarea
        id={ids.field}
        className="input"
        rows={3}
        maxLength={2000}
        value={reason}
        autoFocus
        onChange={(event) => {
          setReason(event.target.value);
          if (missing) setMissing(false);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${ids.hint} ${ids.error}` : ids.hint}
        data-testid="review-reason"
      />
      <p id={ids.hint} className="hint">
        {t("reason.hint")}
      </p>
      {missing ? (
        <p id={ids.error} className="error-message" role="alert">
          {t("reason.missing")}
        </p>
      ) : null}
      <div className={styles.buttons}>
        <button type="submit" className={decision === "reject" ? `button ${styles.rejectSolid}` : "button"} data-testid="review-reason-submit">
          {t(decision === "reject" ? "reason.submitReject" : "reason.submitRequest")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("reason.cancel")}
        </button>
      </div>
    </form>
  );
}
