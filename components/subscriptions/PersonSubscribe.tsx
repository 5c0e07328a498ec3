import { getTranslations } from "next-intl/server";
import { SubscribeForm } from "./SubscribeForm.tsx";
import styles from "./SubscribeForm.module.css";

/** "Avísame" on a person's public page, for someone whose release is not verified yet. */
export async function PersonSubscribe({ personId }: { personId: string }) {
  const t = await getTranslations("subscriptions");
  return (
    <section aria-labelledby="subscribe-heading" className={styles.section} data-testid="person-subscribe">
      <h2 id="subscribe-heading">{t("form.headingPerson")}</h2>
      <SubscribeForm personId={personId} />
    </section>
  );
}
