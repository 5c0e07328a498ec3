"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import styles from "./SubscribeForm.module.css";

/**
 * "Avísame": one e-mail field and a button, for a person (their public page)
 * or for a search that found nobody yet (the search's no-results state). It
 * posts to POST /api/v1/subscriptions; the answer is the same whether or not
 * the address was known, so the form only ever says "check your mail".
 */
export type SubscribeFormProps = { personId: string; query?: undefined } | { query: string; personId?: undefined };

type State =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "sent" }
  | { kind: "error"; message: string; onField: boolean };

export function SubscribeForm(props: SubscribeFormProps) {
  const t = useTranslations("subscriptions");
  const locale = useLocale();
  const id = useId();
  const sentRef = useRef<HTMLParagraphElement>(null);
  // The state belongs to one person or search: a new query (the search box changed) starts over.
  const target = props.personId !== undefined ? `person:${props.personId}` : `search:${props.query}`;
  const [held, setHeld] = useState<{ target: string; state: State }>({ target, state: { kind: "idle" } });
  const state: State = held.target === target ? held.state : { kind: "idle" };
  const setState = (next: State) => setHeld({ target, state: next });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!email.includes("@")) {
      setState({ kind: "error", message: t("errors.email"), onField: true });
      return;
    }
    setState({ kind: "sending" });
    const subject = props.personId !== undefined ? { personId: props.personId } : { query: props.query };
    try {
      const response = await fetch("/api/v1/subscriptions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email, ...subject, locale: locale === "en" ? "en" : "es" }),
      });
      if (response.ok) {
        setState({ kind: "sent" });
        requestAnimationFrame(() => sentRef.current?.focus());
        return;
      }
      setState(await problemOf(response, t));
    } catch {
      setState({ kind: "error", message: t("errors.network"), onField: false });
    }
  };

  const intro = props.personId !== undefined ? t("form.introPerson") : t("form.introSearch", { query: props.query });

  if (state.kind === "sent") {
    return (
      <div className={styles.subscribe} data-testid="subscribe-form">
        <p className="notice" role="status" tabIndex={-1} ref={sentRef} data-testid="subscribe-sent">
          {t("form.sent")}
        </p>
        <p>
          <button type="button" className="button button-secondary" onClick={() => setState({ kind: "idle" })}>
            {t("form.another")}
          </button>
        </p>
      </div>
    );
  }

  const fieldError = state.kind === "error" && state.onField;
  return (
    // method="post": should the script not have loaded, the browser must not put the address in a URL.
    <form method="post" className={styles.subscribe} onSubmit={onSubmit} noValidate data-testid="subscribe-form">
      <p className={styles.intro}>{intro}</p>
      <p className="hint" id={`${id}-note`}>
        {t("form.confirmNote")}
      </p>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t("form.emailLabel")}</label>
        <div className={styles.row}>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={254}
            className={`input ${styles.email}`}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-note ${id}-error` : `${id}-note`}
            data-testid="subscribe-email"
          />
          <button type="submit" className="button" disabled={state.kind === "sending"} data-testid="subscribe-submit">
            {state.kind === "sending" ? t("form.sending") : t("form.submit")}
          </button>
        </div>
        {state.kind === "error" ? (
          <p id={`${id}-error`} role="alert" className={styles.error} data-testid="subscribe-error">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

type SubscriptionsT = ReturnType<typeof useTranslations<"subscriptions">>;

/** An answer that is not 202, in the visitor's words (the server's English message is never shown). */
async function problemOf(response: Response, t: SubscriptionsT): Promise<State> {
  if (response.status === 429) {
    const seconds = Number(response.headers.get("Retry-After") ?? "60");
    const minutes = Math.max(1, Math.ceil((Number.isFinite(seconds) ? seconds : 60) / 60));
    return { kind: "error", message: t("errors.rateLimited", { minutes }), onField: false };
  }
  if (response.status === 404) return { kind: "error", message: t("errors.notFound"), onField: false };
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as { error?: { issues?: { path?: string }[] } } | null;
    const paths = (body?.error?.issues ?? []).map((issue) => issue.path ?? "");
    if (paths.includes("email")) return { kind: "error", message: t("errors.email"), onField: true };
    if (paths.includes("query")) return { kind: "error", message: t("errors.query"), onField: false };
  }
  return { kind: "error", message: t("errors.internal"), onField: false };
}
