import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/account/AccessDenied.tsx";
import { DuplicateQueue } from "@/components/merge/DuplicateQueue.tsx";
import { MergeForm } from "@/components/merge/MergeForm.tsx";
import { MergePicker } from "@/components/merge/MergePicker.tsx";
import { MergeUnavailable } from "@/components/merge/MergeUnavailable.tsx";
import { mergeCandidateView } from "@/components/merge/candidate.ts";
import { viewerFor } from "@/lib/auth/page-guard.ts";
import { duplicateQueue } from "@/lib/duplicates/data.ts";
import { firstParam } from "@/lib/navigation/search-params.ts";
import { listPersons, mergedInto, personsForMerge } from "@/lib/persons/data.ts";
import { personIdParamsSchema } from "@/lib/persons/schema.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merge"))("title"), robots: { index: false } };
}

const validId = (id: string | undefined): id is string => id !== undefined && personIdParamsSchema.safeParse({ id }).success;

type Params = { a?: string | string[]; b?: string | string[]; q?: string | string[]; importacion?: string | string[] };

export default async function MergePage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const a = firstParam(params.a)?.trim();
  const b = firstParam(params.b)?.trim();
  const query = (firstParam(params.q) ?? "").trim().slice(0, 200);
  const path = `/fusionar${validId(a) ? `?a=${a}${validId(b) ? `&b=${b}` : ""}` : ""}`;
  const { denied } = await viewerFor("person.merge", path);
  if (denied) return <AccessDenied />;
  const t = await getTranslations("merge");

  const header = (
    <>
      <h1>{t("title")}</h1>
      <p className="prose">{t("intro")}</p>
    </>
  );

  // Not both records named yet (or the same one twice): choose them.
  if (!validId(a) || !validId(b) || a === b) {
    const first = validId(a) ? (await personsForMerge(a, a)).first : null;
    const importId = firstParam(params.importacion)?.trim();
    const byImport = validId(importId) ? importId : undefined;
    const [results, queue] = await Promise.all([listPersons({ q: query, limit: query ? 20 : 10 }), duplicateQueue({ importId: byImport, limit: 50 })]);
    return (
      <>
        {header}
        {validId(a) && a === b ? (
          <p className="error-message" role="alert" data-testid="merge-same">
            {t("invalidPair")}
          </p>
        ) : null}
        {/* Pairs waiting come first: they are the work an import left for a moderator. */}
        {queue.entries.length > 0 || byImport ? <DuplicateQueue queue={queue} filtered={byImport !== undefined} /> : null}
        <MergePicker
          first={first ? { id: first.id, name: `${first.givenNames} ${first.surnames}` } : null}
          query={query}
          results={results}
        />
        {queue.entries.length === 0 && !byImport ? <DuplicateQueue queue={queue} filtered={false} /> : null}
      </>
    );
  }

  const { first, second } = await personsForMerge(a, b);
  if (!first || !second) {
    const problems = await Promise.all(
      [
        { letter: "A" as const, id: a, otherId: b, missing: !first },
        { letter: "B" as const, id: b, otherId: a, missing: !second },
      ]
        .filter((item) => item.missing)
        .map(async ({ letter, id, otherId }) => ({ letter, id, otherId, survivorId: await mergedInto(id) })),
    );
    return (
      <>
        {header}
        <MergeUnavailable problems={problems} />
      </>
    );
  }

  const locale = await getLocale();
  const viewA = mergeCandidateView(first, locale);
  const viewB = mergeCandidateView(second, locale);
  return (
    <>
      {header}
      {/* Keyed by both versions: after a reload following a refusal, the form starts again from the current data. */}
      <MergeForm key={`${viewA.version}-${viewB.version}`} a={viewA} b={viewB} />
    </>
  );
}
