import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkPage, tokenParam } from "@/components/subscriptions/LinkPage.tsx";
import { subscriptionByLink } from "@/lib/subscriptions/data.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // The link is a secret: keep it out of search engines and referrers.
  return { title: (await getTranslations("subscriptions"))("unsubscribe.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

// Opening the link only reads; the button on the page unsubscribes (mail scanners open links too).
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = tokenParam((await searchParams).token);
  return <LinkPage kind="unsubscribe" token={token} view={token ? await subscriptionByLink("unsubscribe", token) : null} />;
}
