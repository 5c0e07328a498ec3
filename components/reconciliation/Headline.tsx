import { formatNumber } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { PublicTally } from "@/lib/tally/public.ts";
import { translator } from "./present.ts";
import styles from "./Reconciliation.module.css";

/** The headline numbers: verified, reported, and withheld (counted, never named). */
export function Headline({ locale, releases }: { locale: AppLocale; releases: PublicTally["releases"] }) {
  const t = translator(locale);
  const stats = [
    { key: "verified", value: releases.verified, label: t("reconciliation.headline.verified", { count: releases.verified }), hint: t("reconciliation.headline.verifiedHint") },
    { key: "reported", value: releases.reported, label: t("reconciliation.headline.reported", { count: releases.reported }), hint: t("reconciliation.headline.reportedHint") },
    {
      key: "withheld",
      value: releases.verifiedWithheld,
      label: t("reconciliation.headline.withheld", { count: releases.verifiedWithheld }),
      hint: t("reconciliation.headline.withheldHint"),
    },
  ] as const;
  return (
    <section aria-labelledby="headline-heading" className={styles.headline}>
      <h2 id="headline-heading" className="visually-hidden">
        {t("reconciliation.headline.heading")}
      </h2>
      <dl className={styles.stats}>
        {stats.map((stat) => (
          <div key={stat.key} className={`${styles.stat} ${stat.key === "verified" ? styles.statMain : ""}`}>
            <dt>
              <span className={styles.statLabel}>{stat.label}</span>
              <span className={styles.statHint}>{stat.hint}</span>
            </dt>
            <dd className={styles.statNumber} data-testid={`headline-${stat.key}`} data-value={stat.value}>
              {formatNumber(locale, stat.value)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
