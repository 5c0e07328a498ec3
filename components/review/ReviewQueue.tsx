"use client";

import { useMutationState } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { ReviewDecision } from "@/lib/generated/prisma/enums.ts";
import type { ReviewProblem } from "@/lib/reviews/client.ts";
import { formatDateTime } from "@/lib/i18n/format.ts";
import { pruneSelection, selectableForBatch, toggleAll } from "@/lib/reviews/batch.ts";
import type { ImportOrigin, QueueItem, QueuePage } from "@/lib/reviews/data.ts";
import { useBatchApproval, useReviewDecision, useReviewQueue, type BatchVariables, type DecisionVariables } from "@/lib/reviews/hooks.ts";
import { activeFilterCount, queueHref, reviewKeys, type QueueFilters } from "@/lib/reviews/keys.ts";
import type { BatchReviewResult } from "@/lib/reviews/schema.ts";
import { foreseeDecision, queueItems, type QueueReviewer } from "@/lib/reviews/queue-cache.ts";
import type { ReviewRefusal } from "@/lib/reviews/rule.ts";
import { BatchBar } from "./BatchBar.tsx";
import { BatchResults } from "./BatchResults.tsx";
import { QueueFiltersForm } from "./QueueFiltersForm.tsx";
import { QueueItemCard, queueItemDomId } from "./QueueItemCard.tsx";
import styles from "./ReviewQueue.module.css";
import { focusAfterDecision, isTypingTarget, neighbourId, shortcutFor } from "./shortcuts.ts";
import { ShortcutHelp } from "./ShortcutHelp.tsx";

export interface ReviewQueueProps {
  viewer: QueueReviewer;
  filters: QueueFilters;
  initialPage: QueuePage;
  fetchedAt: number;
  facets: { organizations: { id: string; name: string }[]; facilities: string[] };
  counts: { mine: number; waiting: number };
  /** The import the queue is filtered on (`?importacion=`), when it exists. */
  importOrigin?: ImportOrigin | null;
}

type OpenForm = { id: string; decision: "reject" | "request_evidence" } | null;
type Status = { tone: "ok" | "error"; text: string } | null;

/** A refusal the rule foresees on the client, said with the same words as the server's. */
const FORESEEN: Record<ReviewRefusal, ReviewProblem> = {
  role: "forbidden",
  own_report: "own_report",
  already_decided: "already_decided",
  not_under_review: "not_under_review",
  no_evidence: "no_evidence",
  reason_required: "reason_required",
};

/** Where focus goes when the list has become empty. */
const EMPTY = "__empty__";

/**
 * The review queue: filters kept in the URL, the list (first page from the
 * server, more on demand), decisions with optimistic updates, and keyboard
 * shortcuts for moderators who clear hundreds (see ShortcutHelp).
 */
export function ReviewQueue({ viewer, filters, initialPage, fetchedAt, facets, counts, importOrigin = null }: ReviewQueueProps) {
  const t = useTranslations("review");
  const locale = useLocale() as AppLocale;
  const query = useReviewQueue(filters, { page: initialPage, fetchedAt });
  const items = useMemo(() => queueItems(query.data), [query.data]);
  const ids = useMemo(() => items.map((item) => item.id), [items]);

  const [currentId, setCurrentId] = useState<string | null>(null);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [status, setStatus] = useState<Status>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const [decided, setDecided] = useState({ mine: 0, closed: 0 });
  const listRef = useRef<HTMLOListElement>(null);
  const helpRef = useRef<HTMLDetailsElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const headingId = useId();
  // Set once hydrated: the shortcuts work from then on (browser tests wait for it).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  // Single decisions and batches in flight (a batch's key sits under `decide`).
  const sending = useMutationState({
    filters: { mutationKey: reviewKeys.decide(), status: "pending" },
    select: (mutation) => {
      const variables = mutation.state.variables as Partial<DecisionVariables & BatchVariables> | undefined;
      return variables?.item ? variables.item.id : (variables?.items ?? []).map((item) => item.id).join(" ");
    },
  }).flatMap((ids) => ids.split(" "));

  // The batch selection, kept to what is listed and still selectable.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const selected = useMemo(() => pruneSelection(chosen, items, viewer), [chosen, items, viewer]);
  const selectable = useMemo(() => items.filter((item) => selectableForBatch(item, viewer)), [items, viewer]);
  const [batchAnswer, setBatchAnswer] = useState<{ result: BatchReviewResult; names: Record<string, string> } | null>(null);
  const resultsRef = useRef<HTMLElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const allSelected = selectable.length > 0 && selectable.every((item) => selected.has(item.id));
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selected.size > 0 && !allSelected;
  }, [selected.size, allSelected]);
  const toggleOne = useCallback(
    (id: string) =>
      setChosen((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  const say = useCallback((tone: "ok" | "error", text: string) => setStatus({ tone, text }), []);
  const problemText = useCallback(
    (item: QueueItem, problem: ReviewProblem) => t("refused", { name: item.person.name, problem: t(`problem.${problem}`) }),
    [t],
  );
  /** A refusal: said in the live region, and written on the item until its next decision. */
  const refuseHere = useCallback(
    (item: QueueItem, text: string) => {
      say("error", text);
      setProblems((current) => ({ ...current, [item.id]: text }));
    },
    [say],
  );
  const foreseenText = useCallback(
    (item: QueueItem, refusal: ReviewRefusal) => t("foreseen", { name: item.person.name, problem: t(`problem.${FORESEEN[refusal]}`) }),
    [t],
  );

  const mutation = useReviewDecision(viewer, {
    onDecided: ({ item, decision }, { release }) => {
      const name = item.person.name;
      if (release.status === "verified") say("ok", t("done.verified", { name }));
      else if (release.status === "rejected") say("ok", t("done.rejected", { name }));
      else if (decision === "approve") {
        say("ok", t("done.approved", { name, approvals: release.approvals, required: release.approvalsRequired }));
      } else say("ok", t("done.requested", { name }));
      const closed = release.status !== "reported" && release.status !== "disputed";
      setDecided((count) => ({ mine: count.mine + 1, closed: count.closed + (closed ? 1 : 0) }));
    },
    onRefused: ({ item }, error) => refuseHere(item, problemText(item, error.problem)),
  });

  const batch = useBatchApproval(viewer, {
    onAnswered: ({ items: sent }, result) => {
      const names = Object.fromEntries(sent.map((item) => [item.id, item.person.name]));
      setBatchAnswer({ result, names });
      setChosen(new Set());
      setDecided((count) => ({ mine: count.mine + result.approved, closed: count.closed + result.verified }));
      const refusals: Record<string, string> = {};
      for (const entry of result.results) {
        const item = sent.find((candidate) => candidate.id === entry.releaseId);
        if (entry.outcome === "refused" && item) refusals[item.id] = problemText(item, entry.code === "internal" || !entry.code ? "internal" : (entry.code as ReviewProblem));
      }
      setProblems((current) => ({ ...current, ...refusals }));
      // Refusals are ordinary outcomes of a batch, listed calmly in the results: not an alarm.
      say("ok", t("batch.done", { approved: result.approved, refused: result.refused }));
    },
    onFailed: (_variables, error) => say("error", t("batch.failed", { problem: t(`problem.${error.problem}`) })),
  });

  // A batch's results appear above the list: focus goes there, so that they are read next.
  useEffect(() => {
    if (batchAnswer) resultsRef.current?.focus();
  }, [batchAnswer]);

  const approveSelected = useCallback(() => {
    const chosenItems = items.filter((item) => selected.has(item.id));
    if (chosenItems.length === 0) return;
    setBatchAnswer(null);
    setOpenForm(null);
    setProblems((current) => Object.fromEntries(Object.entries(current).filter(([id]) => !selected.has(id))));
    batch.mutate({ items: chosenItems });
  }, [items, selected, batch]);

  const focusItem = useCallback((id: string) => {
    if (id === EMPTY) {
      emptyRef.current?.focus();
      return;
    }
    const element = document.getElementById(queueItemDomId(id));
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "start" });
  }, []);

  // Focus asked for before the element existed (after a decision, or after loading the next page).
  useEffect(() => {
    if (!pendingFocus) return;
    if (pendingFocus === EMPTY ? items.length > 0 : !ids.includes(pendingFocus)) return;
    focusItem(pendingFocus);
    setPendingFocus(null);
  }, [pendingFocus, ids, items.length, focusItem]);

  const decide = useCallback(
    (item: QueueItem, decision: ReviewDecision, reason?: string) => {
      const outcome = foreseeDecision(item, viewer, { decision, reason });
      if (!outcome.ok) {
        // The rule already says no: nothing is sent.
        refuseHere(item, foreseenText(item, outcome.refusal));
        return false;
      }
      const next = filters.waiting === "mine" ? focusAfterDecision(ids, item.id) : (ids[ids.indexOf(item.id) + 1] ?? item.id);
      setProblems(({ [item.id]: _dropped, ...rest }) => rest);
      setOpenForm(null);
      mutation.mutate({ item, decision, reason });
      setPendingFocus(next ?? EMPTY);
      return true;
    },
    [viewer, filters.waiting, ids, mutation, foreseenText, refuseHere],
  );

  const openReason = useCallback(
    (item: QueueItem, decision: "reject" | "request_evidence") => {
      const outcome = foreseeDecision(item, viewer, { decision, reason: "-" });
      if (!outcome.ok) {
        refuseHere(item, foreseenText(item, outcome.refusal));
        return;
      }
      setOpenForm({ id: item.id, decision });
    },
    [viewer, foreseenText, refuseHere],
  );

  const cancelReason = useCallback(
    (id: string) => {
      setOpenForm(null);
      setPendingFocus(id);
    },
    [],
  );

  const move = useCallback(
    (from: string | null, step: 1 | -1) => {
      if (step === 1 && from !== null && from === ids[ids.length - 1] && query.hasNextPage) {
        void query.fetchNextPage().then((result) => {
          const all = queueItems(result.data).map((item) => item.id);
          const next = all[all.indexOf(from) + 1];
          if (next) setPendingFocus(next);
        });
        return;
      }
      const to = neighbourId(ids, from, step);
      if (to) focusItem(to);
    },
    [ids, query, focusItem],
  );

  // The shortcuts, on the whole page: j/k work from anywhere that is not a field.
  const handler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    handler.current = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const inQueue = Boolean(target && listRef.current?.contains(target));
      const action = shortcutFor(event, { typing: isTypingTarget(target), inQueue });
      if (!action) return;
      const itemElement = target?.closest<HTMLElement>("[data-queue-item]") ?? null;
      const focusedId = itemElement?.dataset.releaseId ?? null;
      const item = focusedId ? items.find((candidate) => candidate.id === focusedId) : undefined;
      switch (action) {
        case "next":
        case "previous":
          event.preventDefault();
          move(focusedId ?? currentId, action === "next" ? 1 : -1);
          return;
        case "help":
          event.preventDefault();
          if (helpRef.current) helpRef.current.open = !helpRef.current.open;
          return;
        case "approve":
          if (!item) return;
          event.preventDefault();
          decide(item, "approve");
          return;
        case "select":
          if (!item || !selectableForBatch(item, viewer)) return;
          event.preventDefault();
          toggleOne(item.id);
          return;
        case "reject":
        case "request_evidence":
          if (!item) return;
          event.preventDefault();
          openReason(item, action);
          return;
      }
    };
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handler.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const activeFilters = activeFilterCount(filters) > 0 || Boolean(filters.importId);
  const tabHref = (waiting: "mine" | "all") => queueHref({ ...filters, waiting });
  const emptyText = filters.importId
    ? t("import.empty")
    : activeFilters
      ? t("list.emptyFiltered")
      : t(filters.waiting === "mine" ? "list.emptyMine" : "list.emptyAll");
  const tabbableId = currentId && ids.includes(currentId) ? currentId : (ids[0] ?? null);
  const mine = Math.max(0, counts.mine - decided.mine);
  const waiting = Math.max(0, counts.waiting - decided.closed);

  return (
    <div className={styles.queue} data-testid="review-queue" data-ready={ready ? "true" : undefined}>
      <p className={styles.counts} data-testid="review-counts">
        {t("counts", { mine, waiting })}
      </p>

      <nav aria-label={t("waiting.label")} className={styles.tabs}>
        {(["mine", "all"] as const).map((mode) => (
          <Link
            key={mode}
            href={tabHref(mode)}
            className={styles.tab}
            aria-current={filters.waiting === mode ? "page" : undefined}
            data-testid={`review-waiting-${mode}`}
          >
            {t(`waiting.${mode}`)}
          </Link>
        ))}
      </nav>

      {filters.importId ? (
        <div className={`notice ${styles.importNotice}`} data-testid="review-import-filter">
          <p>
            {importOrigin
              ? t("import.banner", {
                  file: importOrigin.fileName ?? t("import.unnamed"),
                  date: formatDateTime(locale, new Date(importOrigin.createdAt)),
                })
              : t("import.unknown")}
          </p>
          <p>
            <Link href={queueHref({ ...filters, importId: undefined, waiting: "mine" })} data-testid="review-import-clear">
              {t("import.showAll")}
            </Link>
          </p>
        </div>
      ) : null}

      <QueueFiltersForm filters={filters} facets={facets} />
      <ShortcutHelp ref={helpRef} />

      {/* The note about the last decision, above the list; it never covers an item (refusals are also written on theirs). */}
      <div
        role="status"
        aria-live="polite"
        className={status ? (status.tone === "error" ? `error-message ${styles.status}` : `notice ${styles.status}`) : styles.statusEmpty}
        data-testid="review-status"
        data-tone={status?.tone}
      >
        {status?.text}
      </div>
      {batchAnswer ? (
        <BatchResults ref={resultsRef} result={batchAnswer.result} names={batchAnswer.names} onDismiss={() => setBatchAnswer(null)} />
      ) : null}
      <h2 id={headingId}>{t(filters.waiting === "mine" ? "list.mine" : "list.all")}</h2>
      {selectable.length > 0 ? (
        <label className={styles.selectAll} data-testid="review-select-all-label">
          <input
            ref={selectAllRef}
            type="checkbox"
            className={styles.checkbox}
            checked={allSelected}
            onChange={() => setChosen(toggleAll(selected, items, viewer))}
            disabled={batch.isPending}
            data-testid="review-select-all"
          />
          <span>{t("batch.selectAll", { count: selectable.length })}</span>
        </label>
      ) : null}
      {items.length === 0 ? (
        <p ref={emptyRef} tabIndex={-1} className={`notice ${styles.empty}`} data-testid="review-empty">
          {emptyText}
        </p>
      ) : (
        <ol ref={listRef} className={styles.list} aria-labelledby={headingId} data-testid="review-list">
          {items.map((item) => (
            <li key={item.id}>
              <QueueItemCard
                item={item}
                viewer={viewer}
                locale={locale}
                current={item.id === currentId}
                tabbable={item.id === tabbableId}
                form={openForm?.id === item.id ? openForm.decision : null}
                problem={problems[item.id] ?? null}
                sending={sending.includes(item.id)}
                onFocusWithin={() => setCurrentId(item.id)}
                onApprove={() => decide(item, "approve")}
                onOpenForm={(decision) => openReason(item, decision)}
                onSubmitReason={(decision, reason) => decide(item, decision, reason)}
                onCancelForm={() => cancelReason(item.id)}
                selection={
                  selectableForBatch(item, viewer)
                    ? { selected: selected.has(item.id), disabled: batch.isPending, onToggle: () => toggleOne(item.id) }
                    : null
                }
              />
            </li>
          ))}
        </ol>
      )}

      <BatchBar
        count={batch.isPending ? (batch.variables?.items.length ?? 0) : selected.size}
        reviewerName={viewer.name}
        sending={batch.isPending}
        onConfirm={approveSelected}
        onClear={() => setChosen(new Set())}
      />

      <div className={styles.more}>
        {query.isError && !query.isFetchingNextPage ? (
          <div className="error-message" role="alert">
            <p>{t("list.loadError")}</p>
            <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
              {t("list.retry")}
            </button>
          </div>
        ) : null}
        {query.hasNextPage ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            data-testid="review-load-more"
          >
            {query.isFetchingNextPage ? t("list.loadingMore") : t("list.loadMore")}
          </button>
        ) : items.length > 0 ? (
          <p className="muted">{t("list.end")}</p>
        ) : null}
      </div>
    </div>
  );
}
