"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { OneTimeCodeInput } from "@/components/forms/OneTimeCodeInput.tsx";
import styles from "./SignInForm.module.css";

export type SignInProblem = "invalid" | "rateLimited" | "failed" | "codeRequired" | "codeInvalid";
type Problem = SignInProblem;

/**
 * E-mail and password, checked by next-auth's credentials provider.
 * One message for a wrong e-mail or a wrong password (never says which),
 * another when too many attempts were made.
 */
export function SignInForm({ callbackUrl, initialProblem = null }: { callbackUrl: string; initialProblem?: Problem | null }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(initialProblem);
  const [pending, setPending] = useState(false);
  // Shown once the password was accepted and the account has a second factor.
  const [askCode, setAskCode] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setProblem(null);
    let outcome: Problem | null = null;
    try {
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        ...(askCode ? { code: String(data.get("code") ?? "") } : {}),
        redirect: false,
      });
      if (!result) outcome = "failed";
      else if (result.error === "RateLimited") outcome = "rateLimited";
      else if (result.error === "TotpRequired") outcome = "codeRequired";
      else if (result.error === "TotpInvalid") outcome = "codeInvalid";
      else if (result.error || !result.ok) outcome = "invalid";
    } catch {
      outcome = "failed";
    }
    if (outcome === "codeRequired" || outcome === "codeInvalid") setAskCode(true);
    if (outcome) {
      setPending(false);
      setProblem(outcome);
      if (outcome === "codeRequired") {
        requestAnimationFrame(() => codeRef.current?.focus());
        return;
      }
      // Bring the message to the reader's attention (and screen readers'), once it is rendered.
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    router.replace(callbackUrl || "/");
    router.refresh();
  }

  return (
    <form method="post" className={styles.form} onSubmit={onSubmit} data-testid="sign-in-form">
      {problem ? (
        <p ref={errorRef} tabIndex={-1} role="alert" className="error-message" data-testid="sign-in-error">
          {t(problem)}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          className="input"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={254}
          aria-invalid={problem === "invalid" ? true : undefined}
          data-testid="sign-in-email"
        />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          className="input"
          autoComplete="current-password"
          required
          maxLength={1024}
          aria-invalid={problem === "invalid" ? true : undefined}
          data-testid="sign-in-password"
        />
      </div>
      {askCode ? (
        <div className="field">
          <label htmlFor="code">{t("code")}</label>
          <OneTimeCodeInput
            ref={codeRef}
            id="code"
            testId="sign-in-code"
            describedBy="code-hint"
            invalid={problem === "codeInvalid"}
          />
          <p id="code-hint" className="hint">
            {t("codeHint")}
          </p>
        </div>
      ) : null}
      <button type="submit" className="button" disabled={pending} aria-disabled={pending} data-testid="sign-in-submit">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
