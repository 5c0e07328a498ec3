import { intlTag, type AppLocale } from "../../lib/i18n/locale.ts";

/** Which word names a stored file's type (`tips.moderation.fileTypes.<kind>`). */
export function fileKind(contentType: string): "image" | "pdf" | "audio" | "video" | "other" {
  if (contentType.startsWith("image/")) return "image";
  if (contentType === "application/pdf") return "pdf";
  if (contentType.startsWith("audio/")) return "audio";
  if (contentType.startsWith("video/")) return "video";
  return "other";
}

/** "340 kB", "1,2 MB": enough to tell a moderator on a slow connection what opening it costs. */
export function formatSize(locale: AppLocale, bytes: number): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: digits }).format(value);
  if (bytes < 1000 * 1000) return `${number(Math.max(1, Math.round(bytes / 1000)), 0)}\u00a0kB`;
  return `${number(bytes / (1000 * 1000), 1)}\u00a0MB`;
}
