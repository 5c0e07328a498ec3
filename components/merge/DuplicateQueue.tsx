import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DuplicateQueue as Queue } from "@/lib/duplicates/schema.ts";
import { DismissDuplicateButton } from "./DismissDuplicateButton.tsx";
import styles from "./Merge.module.css";

/**
 * The merge queue: pairs an import found may be one person, each with what
 * tells them apart and a link to compare them side by side in the merge form.
 */
export async function DuplicateQueue({ queue, filtered }: { queue: Queue; filtered: boolean }) {
  const t = await getTranslations("merge");
  return (
    <section className="stack" aria-labelledby="duplicate-queue" data-testid="duplicate-queue">
      <h2 id="duplicate-queue">{t("queue.title", { open: queue.open })}</h2>
      <p className="prose">{t("queue.intro")}</p>
      {filtered ? (
        <p className="notice">
          {t("queue.filtered")} <Link href="/fusionar">{t("queue.showAll")}</Link>
        </p>
      ) : null}
      {queue.entries.length === 0 ? (
        <p data-testid="duplicate-queue-empty">{t("queue.empty")}</p>
      ) : (
        <ul className={`stack ${styles.queue}`}>
          {queue.entries.map((entry) => (
            <li key={entry.id} className="card stack" data-testid="duplicate-entry">
              <p>
                <strong>{entry.reason === "cedula" ? t("queue.reasonCedula", { cedula: entry.heldCedula ?? "" }) : t("queue.reasonName")}</strong>
              </p>
              <dl className="stack">
                {[
                  { key: "imported", side: entry.imported },
                  { key: "existing", side: entry.existing },
                ].map(({ key, side }) => (
                  <div key={key}>
                    <dt>{key === "imported" ? t("queue.imported", { file: entry.importFileName ?? "—", row: entry.row ?? 0 }) : t("queue.existing")}</dt>
                    <dd>
                      <Link href={`/expediente/${side.id}`}>{side.name}</Link> · {side.organization} · {side.cedula ?? t("noCedula")}
                      {side.birthYear ? ` · ${side.birthYear}` : ""} · {t("queue.releases", { count: side.releases })}
                    </dd>
                  </div>
                ))}
              </dl>
              <div className={styles.queueActions}>
                <Link className="button" href={`/fusionar?a=${entry.existing.id}&b=${entry.imported.id}`} data-testid="duplicate-compare">
                  {t("queue.compare")}
                </Link>
                <DismissDuplicateButton id={entry.id} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
