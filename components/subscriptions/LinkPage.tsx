import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { LinkView } from "@/lib/subscriptions/data.ts";
import { LinkActionForm } from "./LinkActionForm.tsx";

/**
 * The page a mail's link opens (/avisos/confirmar, /avisos/baja): what the
 * subscription is about, then its button, or a clear sentence when the link
 * does not work or there is nothing left to do. Never the address.
 */
export async function LinkPage({ kind, token, view }: { kind: "confirm" | "unsubscribe"; token: string; view: LinkView | null }) {
  const t = await getTranslations("subscriptions");
  const done = view && (kind === "confirm" ? view.state === "confirmed" : view.state === "unsubscribed");
  return (
    <article className="prose" data-testid={`${kind}-page`}>
      <h1>{t(`${kind}.title`)}</h1>
      {!view ? (
        <>
          <p className="notice" data-testid="link-invalid">
            {t(`${kind}.invalid`)}
          </p>
          <p>
            <Link href="/buscar">{t("link.search")}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead" data-testid="link-about">
            {view.subject?.kind === "person"
              ? t("link.aboutPerson", { name: view.subject.name })
              : view.subject?.kind === "search"
                ? t("link.aboutSearch", { query: view.subject.query })
                : t("link.aboutHidden")}
          </p>
          {done ? (
            <p className="notice" data-testid="link-done" data-outcome="already">
              {t(`${kind}.already`)}
            </p>
          ) : (
            <LinkActionForm kind={kind} token={token} />
          )}
          {view.subject?.kind === "person" ? (
            <p>
              <Link href={`/persona/${view.subject.personId}`}>{t("link.personLink", { name: view.subject.name })}</Link>
            </p>
          ) : null}
        </>
      )}
    </article>
  );
}

/** The `token` of the link, as one short string (anything else reads as no token). */
export function tokenParam(value: string | string[] | undefined): string {
  return typeof value === "string" && value.length <= 200 ? value.trim() : "";
}
