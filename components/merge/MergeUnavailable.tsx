import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Why the two records named in the address cannot be merged (gone, or already merged), and where to go. */
export async function MergeUnavailable({
  problems,
}: {
  problems: { letter: "A" | "B"; id: string; survivorId: string | null; otherId: string }[];
}) {
  const t = await getTranslations("merge");
  return (
    <section className="notice" data-testid="merge-unavailable">
      <h2>{t("unavailableTitle")}</h2>
      {problems.map((problem) => (
        <div key={problem.letter}>
          <p>{problem.survivorId ? t("alreadyMerged", { letter: problem.letter }) : t("gone", { letter: problem.letter })}</p>
          {problem.survivorId ? (
            <p>
              <Link href={`/expediente/${problem.survivorId}`}>{t("openSurvivor")}</Link>
              {problem.survivorId !== problem.otherId ? (
                <>
                  {" · "}
                  <Link href={`/fusionar?a=${problem.survivorId}&b=${problem.otherId}`}>{t("compareSurvivor")}</Link>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      ))}
      <p>
        <Link href="/fusionar">{t("startOver")}</Link>
      </p>
    </section>
  );
}
