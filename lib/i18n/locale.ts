/**
 * The languages of Constancia and how a request's language is chosen.
 * There is no locale in the URL: the cookie set by the language switch wins,
 * then the browser's Accept-Language, then Spanish.
 */
export const locales = ["es", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "es";

/** Cookie written by the language switch (one year). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The first supported language of an Accept-Language header, by preference
 * ("q" weight, then order written); null when none is supported.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.language !== "" && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    if (isLocale(range.language)) return range.language;
  }
  return null;
}

export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): AppLocale {
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? defaultLocale;
}

/**
 * The BCP 47 tag used with Intl for a locale: British English gives
 * "12 Jan 2026", the day-month-year order that Spanish readers share.
 */
export function intlTag(locale: AppLocale): string {
  return locale === "en" ? "en-GB" : "es";
}
