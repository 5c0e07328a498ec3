import { cookies } from "next/headers";
import { announcementCsv } from "@/components/reconciliation/announcement-csv.ts";
import { pageUrl } from "@/components/public-person/page-url.ts";
import { announcementById } from "@/lib/announcements/data.ts";
import { announcementIdParamsSchema } from "@/lib/announcements/schema.ts";
import { route } from "@/lib/api/route.ts";
import { todayInCaracas } from "@/lib/dates.ts";
import { errors } from "@/lib/errors.ts";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locale.ts";
import { publicListLines } from "@/lib/names/data.ts";
import { tallyQuerySchema } from "@/lib/tally/schema.ts";
import { publicTallyAsOf } from "@/lib/tally/service.ts";

/**
 * GET /anuncios/{id}/csv[?asOf=YYYY-MM-DD]: the announcement's figures as of
 * a day (the same public tally as the page and GET /api/v1/tally) and its
 * name list, as a spreadsheet file in the reader's language. Public; a page's
 * download, not part of the API (the API gives the same figures as JSON).
 */
export const GET = route(
  { access: "public", authenticate: false, params: announcementIdParamsSchema, query: tallyQuerySchema },
  async ({ params, query, request }) => {
    const announcement = await announcementById(params.id);
    if (!announcement) throw errors.notFound("Announcement");
    const asOf = query.asOf ?? todayInCaracas();
    const [tally, lines, cookieStore, origin] = await Promise.all([
      publicTallyAsOf(asOf),
      publicListLines(announcement.id),
      cookies(),
      pageUrl("/"),
    ]);
    const locale = resolveLocale({ cookie: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") });
    const { fileName, body } = announcementCsv({
      locale,
      asOf,
      announcement,
      figures: tally.announcements.find((a) => a.id === announcement.id) ?? null,
      lines,
      url: (path) => new URL(path, origin).toString(),
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
