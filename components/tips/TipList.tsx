"use client";

import { useMutationState } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useMarkTip, useTipList, type MarkVariables } from "@/lib/tips/hooks.ts";
import { tipKeys, tipsPageHref, type TipFilters } from "@/lib/tips/keys.ts";
import { tipsOf } from "@/lib/tips/list-cache.ts";
import { TIP_STATUSES, type TipItem, type TipPage, type TipStatusName } from "@/lib/tips/schema.ts";
import { TipCard, tipDomId } from "./TipCard.tsx";
import styles from "./TipList.module.css";

type Said = { tone: "ok" | "error"; text: string } | null;

/**
 * The moderators' list of tips: one status at a time (tabs with counts),
 * newest first, more on demand. Marking a tip takes it out of the list at
 * once; a refusal brings it back with the reason written on it. Focus moves
 * to the next tip, so that a keyboard user can work through the list.
 */
export function TipList({
  filters,
  initialPage,
  fetchedAt,
  counts: initialCounts,
}: {
  filters: TipFilters;
  initialPage: TipPage;
  fetchedAt: number;
  counts: Record<TipStatusName, number>;
}) {
  const t = useTranslations("tips.moderation");
  const query = useTipList(filters, { page: initialPage, fetchedAt });
  const tips = useMemo(() => tipsOf(query.data), [query.data]);
  const [counts, setCounts] = useState(initialCounts);
  const [said, setSaid] = useState<Said>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);

  const marking = useMutationState({
    filters: { mutationKey: tipKeys.mark(), status: "pending" },
    select: (mutation) => (mutation.state.variables as MarkVariables | undefined)?.tip.id ?? "",
  });

  const nameOf = useCallback((tip: TipItem) => tip.person?.name ?? t("personGone"), [t]);
  const mutation = useMarkTip({
    onMarked: ({ tip, status }) => {
      setSaid({ tone: "ok", text: t(`done.${status}`, { name: nameOf(tip) }) });
      setCounts((current) => ({ ...current, [tip.status]: Math.max(0, current[tip.status] - 1), [status]: current[status] + 1 }));
    },
    onRefused: ({ tip }, error) => {
      const text = t("refused", { name: nameOf(tip), problem: t(`problem.${error.problem}`) });
      setSaid({ tone: "error", text });
      setProblems((current) => ({ ...current, [tip.id]: text }));
      setPendingFocus(tip.id);
    },
  });

  const mark = (tip: TipItem, status: "reviewed" | "dismissed") => {
    const index = tips.findIndex((item) => item.id === tip.id);
    const next = tips[index + 1] ?? tips[index - 1];
    setProblems(({ [tip.id]: _dropped, ...rest }) => rest);
    mutation.mutate({ tip, status });
    setPendingFocus(next ? next.id : "");
  };

  // Focus asked for before the element existed or while the one that had it went away.
  useEffect(() => {
    if (pendingFocus === null) return;
    if (pendingFocus === "") {
      // The last tip was marked: focus the "no tips" sentence once the list is empty.
      if (tips.length > 0) return;
      emptyRef.current?.focus();
      setPendingFocus(null);
      return;
    }
    const element = document.getElementById(tipDomId(pendingFocus));
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "nearest" });
    setPendingFocus(null);
  }, [pendingFocus, tips]);

  return (
    <div className={styles.list}>
      <nav aria-label={t("tabsLabel")} className={styles.tabs}>
        {TIP_STATUSES.map((status) => (
          <Link
            key={status}
            href={tipsPageHref({ ...filters, status })}
            className={styles.tab}
            aria-current={status === filters.status ? "page" : undefined}
            data-testid={`tips-tab-${status}`}
          >
            {t(`tabs.${status}`, { count: counts[status] })}
          </Link>
        ))}
      </nav>
      <p role="status" className={said?.tone === "error" ? styles.saidError : styles.said} data-testid="tips-status">
        {said?.text ?? ""}
      </p>
      {tips.length === 0 ? (
        <p ref={emptyRef} tabIndex={-1} className="muted" data-testid="tips-empty">
          {t(`empty.${filters.status}`)}
        </p>
      ) : (
        <ol className={styles.items} data-testid="tips-list">
          {tips.map((tip) => (
            <li key={tip.id}>
              <TipCard tip={tip} problem={problems[tip.id] ?? null} busy={marking.includes(tip.id)} onMark={(status) => mark(tip, status)} />
            </li>
          ))}
        </ol>
      )}
      {query.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
          data-testid="tips-load-more"
        >
          {query.isFetchingNextPage ? t("loading") : t("loadMore")}
        </button>
      ) : null}
      {query.isFetchNextPageError ? (
        <p role="alert" className="error-message">
          {t("loadFailed")}
        </p>
      ) : null}
    </div>
  );
}
