import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./locale.ts";
import { catalogues } from "./catalogue.ts";

/**
 * next-intl's per-request configuration (wired in next.config.js).
 * No locale in the URL: cookie NEXT_LOCALE, else Accept-Language, else Spanish.
 */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return {
    locale,
    messages: catalogues[locale],
    // Dates are formatted by lib/i18n/format.ts; this keeps next-intl's own formatting stable.
    timeZone: "America/Caracas",
  };
});
