"use client";

import { useTranslations } from "next-intl";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums.ts";
import styles from "./Record.module.css";

/** A release's status in words: "Reportada, en verificación", "Verificada", … */
export function ReleaseStatusBadge({ status }: { status: ReleaseStatus }) {
  const t = useTranslations("record.status");
  return (
    <span className={`${styles.status} ${styles[`status_${status}`] ?? ""}`} data-status={status} data-testid="release-status">
      {t(status)}
    </span>
  );
}
