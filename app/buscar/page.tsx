import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { PersonSearch, type SearchStart } from "@/components/search/PersonSearch.tsx";
import { checkSearchText } from "@/components/search/search-text.ts";
import { clientKeyFromHeaders } from "@/lib/auth/client-key.ts";
import { isAppError } from "@/lib/errors.ts";
import { firstParam } from "@/lib/navigation/search-params.ts";
import { searchForClient } from "@/lib/search/for-client.ts";
import { SEARCH_DEFAULT_LIMIT } from "@/lib/search/schema.ts";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("title"), robots: { index: false } };
}

/**
 * /buscar and /buscar?q=…: the search box, and — for a form sent without
 * JavaScript, or a link — the first results rendered on the server, so the
 * page works with no script at all. With a script the box takes over.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = firstParam((await searchParams).q);
  const [t, start] = await Promise.all([getTranslations("search"), raw === undefined ? null : firstSearch(raw)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
      <div className={styles.search}>
        <PersonSearch level={2} start={start} />
      </div>
    </>
  );
}

/**
 * The search GET /api/v1/search would make, under the same per-client limits
 * (lib/search/for-client.ts): without them this page would be a way round them.
 * Text the API would refuse is not searched; the box says why.
 */
async function firstSearch(raw: string): Promise<SearchStart> {
  const checked = checkSearchText(raw);
  if (!checked.ok) return { text: raw, answer: null, rateLimitedFor: null };
  try {
    const client = clientKeyFromHeaders(await headers());
    const answer = await searchForClient(checked.text, SEARCH_DEFAULT_LIMIT, client, { countGeneral: true });
    return { text: raw, answer: { text: checked.text, answer, fetchedAt: Date.now() }, rateLimitedFor: null };
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") {
      return { text: raw, answer: null, rateLimitedFor: error.extra.retryAfterSeconds ?? 60 };
    }
    throw error;
  }
}
