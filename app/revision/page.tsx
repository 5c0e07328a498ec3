import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { ReviewQueue } from "@/components/review/ReviewQueue.tsx";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { env } from "@/lib/env.ts";
import { importOrigin, queueFacets, reviewQueue, waitingForReviewer } from "@/lib/reviews/data.ts";
import { queueFiltersFrom, QUEUE_PAGE_SIZE } from "@/lib/reviews/keys.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The review queue (moderators): the first page is rendered here; the browser loads the rest. */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const { viewer, denied } = await viewerFor("release.review", "/revision");
  if (denied) return <AccessDenied />;
  const filters = queueFiltersFrom(await searchParams);
  const [t, firstPage, facets, mine, origin] = await Promise.all([
    getTranslations("review"),
    reviewQueue(viewer.id, { ...filters, limit: QUEUE_PAGE_SIZE }),
    queueFacets(),
    waitingForReviewer(viewer.id),
    filters.importId ? importOrigin(filters.importId) : null,
  ]);
  const approvalsRequired = env.approvalsRequired();
  const fetchedAt = Date.now();

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro", { required: approvalsRequired })}</p>
      <ReviewQueue
        key={fetchedAt}
        viewer={{ id: viewer.id, name: viewer.name, role: viewer.role }}
        filters={filters}
        initialPage={firstPage}
        fetchedAt={fetchedAt}
        facets={{ organizations: facets.organizations, facilities: facets.facilities }}
        counts={{ mine, waiting: facets.waiting }}
        importOrigin={origin}
      />
    </>
  );
}
