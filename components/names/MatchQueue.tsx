"use client";

import { useMutationState } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { useDecideName, useNameQueue, type DecideVariables } from "@/lib/names/hooks.ts";
import { nameKeys, type QueueFilter } from "@/lib/names/keys.ts";
import { linesOf, pendingOf } from "@/lib/names/queue-cache.ts";
import type { DecidedLine, DecisionInput, QueueItem, QueuePage } from "@/lib/names/schema.ts";
import { lineDomId, QueueCard } from "./QueueCard.tsx";
import styles from "./Names.module.css";

type Said = { tone: "ok" | "error"; text: string; undo?: { line: QueueItem; expected: "confirmed" | "rejected" | "created" } } | null;

/**
 * The matching queue: one card per line waiting, in list order, more on
 * demand. A decision takes the card out at once; a refusal brings it back
 * with the reason written on it. Focus moves to the next card, and the
 * decision just taken can be undone from the status line.
 */
export function MatchQueue({ filter, initialPage, fetchedAt }: { filter: QueueFilter; initialPage: QueuePage; fetchedAt: number }) {
  const t = useTranslations("names.queue");
  const query = useNameQueue(filter, { page: initialPage, fetchedAt });
  const lines = useMemo(() => linesOf(query.data), [query.data]);
  const pending = pendingOf(query.data);
  const [said, setSaid] = useState<Said>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const names = useRef(new Map<string, string>());
  // Set once hydrated: browser tests wait for it before they click.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const deciding = useMutationState({
    filters: { mutationKey: nameKeys.decide(), status: "pending" },
    select: (mutation) => (mutation.state.variables as DecideVariables | undefined)?.line.id ?? "",
  });

  const doneText = (variables: DecideVariables, decided: DecidedLine) =>
    t(`done.${variables.input.action}`, {
      printed: variables.line.nameAsPrinted,
      name: decided.person?.name ?? names.current.get(variables.line.id) ?? "",
    });

  const mutation = useDecideName({
    onDecided: (variables, decided) => {
      const action = variables.input.action;
      setSaid({
        tone: "ok",
        text: doneText(variables, decided),
        undo: action === "undo" ? undefined : { line: variables.line, expected: action === "confirm" ? "confirmed" : action === "reject" ? "rejected" : "created" },
      });
    },
    onRefused: ({ line }, error) => {
      const text = t("refused", { printed: line.nameAsPrinted, problem: t(`problem.${error.problem}`) });
      setSaid({ tone: "error", text });
      setProblems((current) => ({ ...current, [line.id]: text }));
      setPendingFocus(line.id);
    },
  });

  const decide = (line: QueueItem, input: DecisionInput, personName?: string) => {
    const index = lines.findIndex((item) => item.id === line.id);
    const next = lines[index + 1] ?? lines[index - 1];
    if (personName) names.current.set(line.id, personName);
    setProblems(({ [line.id]: _dropped, ...rest }) => rest);
    mutation.mutate({ line, input });
    setPendingFocus(next ? next.id : "");
  };

  const undo = (target: NonNullable<Said>["undo"]) => {
    if (!target) return;
    setSaid(null);
    mutation.mutate({ line: target.line, input: { action: "undo", expected: target.expected } });
  };

  // Focus asked for before the element existed or while the one that had it went away.
  useEffect(() => {
    if (pendingFocus === null) return;
    if (pendingFocus === "") {
      if (lines.length > 0) return;
      emptyRef.current?.focus();
      setPendingFocus(null);
      return;
    }
    const element = document.getElementById(lineDomId(pendingFocus));
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "nearest" });
    setPendingFocus(null);
  }, [pendingFocus, lines]);

  return (
    <div className={styles.queue} data-testid="name-queue-root" data-ready={ready ? "true" : "false"}>
      <p data-testid="name-queue-pending">{t("pending", { count: pending })}</p>
      <p role="status" className={said?.tone === "error" ? styles.saidError : styles.said} data-testid="name-queue-status">
        {said?.text ?? ""}
        {said?.undo ? (
          <button type="button" className="button button-secondary" onClick={() => undo(said.undo)} data-testid="name-queue-undo">
            {t("undo")}
          </button>
        ) : null}
      </p>
      {lines.length === 0 ? (
        <p ref={emptyRef} tabIndex={-1} className="muted" data-testid="name-queue-empty">
          {t("empty")}
        </p>
      ) : (
        <ol className={styles.items} data-testid="name-queue">
          {lines.map((line) => (
            <li key={line.id}>
              <QueueCard line={line} busy={deciding.includes(line.id)} problem={problems[line.id] ?? null} onDecide={(input, name) => decide(line, input, name)} />
            </li>
          ))}
        </ol>
      )}
      {query.hasNextPage ? (
        <button type="button" className="button button-secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} data-testid="name-queue-more">
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
