"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** A page failed to render: calm words, a way to try again, and the error left for the server log. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <>
      <h1>{t("errorTitle")}</h1>
      <p className="prose">{t("errorText")}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => retry()}>
          {t("retry")}
        </button>
        <Link href="/" className="button button-secondary">
          {t("backHome")}
        </Link>
      </div>
      {digest ? <p className="muted">{t("reference", { digest })}</p> : null}
    </>
  );
}
