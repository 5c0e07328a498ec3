import { formatDay, formatMonth, formatNumber } from "@/lib/i18n/format.ts";
import { intlTag, type AppLocale } from "@/lib/i18n/locale.ts";

/**
 * Small pure formatters of the review queue: the words come from the
 * `review` messages; these give the values.
 */

/** A release date as the API writes it ("2026-01-12", "2026-01" or null), as a message key and its value. */
export function releaseDate(locale: AppLocale, releasedOn: string | null): { key: "day" | "month" | "unknown"; date: string } {
  if (releasedOn && /^\d{4}-\d{2}-\d{2}$/.test(releasedOn)) {
    return { key: "day", date: formatDay(locale, new Date(`${releasedOn}T00:00:00.000Z`)) };
  }
  if (releasedOn && /^\d{4}-\d{2}$/.test(releasedOn)) {
    return { key: "month", date: formatMonth(locale, new Date(`${releasedOn}-01T00:00:00.000Z`)) };
  }
  return { key: "unknown", date: "" };
}

/** Image types every browser shows: these are previewed inline (HEIC is not, and goes as a link). */
const PREVIEWABLE = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

export function isPreviewableImage(contentType: string): boolean {
  return PREVIEWABLE.has(contentType.toLowerCase());
}

const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/gif": "GIF",
  "image/heic": "HEIC",
  "image/heif": "HEIF",
  "audio/mpeg": "MP3",
  "audio/mp4": "M4A",
  "audio/x-m4a": "M4A",
  "audio/ogg": "OGG",
  "audio/opus": "Opus",
  "audio/wav": "WAV",
  "audio/x-wav": "WAV",
  "video/mp4": "MP4",
  "video/quicktime": "MOV",
  "video/webm": "WebM",
  "video/3gpp": "3GP",
};

/** A short name people know for a content type: "PDF", "JPEG", "MP4"; else the subtype in capitals. */
export function fileTypeName(contentType: string): string {
  const type = contentType.toLowerCase().split(";")[0]!.trim();
  return TYPE_NAMES[type] ?? (type.split("/")[1] ?? type).replace(/^x-/, "").toUpperCase();
}

/** "850 B", "12,5 KB", "3,4 MB" (decimal units, the way phones show file sizes). */
export function fileSize(locale: AppLocale, bytes: number): string {
  if (bytes < 1000) return `${formatNumber(locale, bytes)}\u00a0B`;
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, "KB"] : [bytes / 1_000_000, "MB"];
  const rounded = Math.round(value * 10) / 10;
  return `${new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 1 }).format(rounded)}\u00a0${unit}`;
}
