import type { AnnouncementView } from "@/lib/announcements/schema.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { PublicListLine } from "@/lib/names/schema.ts";
import { csvDocument, csvFileName, type CsvCell } from "@/lib/tally/csv.ts";
import type { PublicTallyAnnouncement } from "@/lib/tally/public.ts";
import { announcementWords, claimOfView, claimWords, gapText, gapWords, shownLine, translator, type FigureCell } from "./present.ts";

/**
 * The download of one announcement: its claim and figures as of a day (the
 * tally's, as the page shows them, rule 4 applied), then its name list line
 * by line. In the reader's language, for a spreadsheet.
 */
export function announcementCsv(input: {
  locale: AppLocale;
  asOf: string;
  announcement: AnnouncementView;
  figures: PublicTallyAnnouncement | null;
  lines: readonly PublicListLine[];
  /** Absolute address of a path of this site. */
  url: (path: string) => string;
}): { fileName: string; body: string } {
  const { locale, asOf, announcement, figures, lines, url } = input;
  const t = translator(locale);
  const claim = figures ?? claimOfView(announcement);
  const said = claimWords(locale, t, claim);
  const figure = (cell: FigureCell): CsvCell =>
    cell.kind === "value" ? cell.value : cell.kind === "suppressed" ? t("reconciliation.csv.suppressed") : t("reconciliation.csv.notCompared");

  const rows: [string, CsvCell][] = [
    [t("reconciliation.csv.announcement"), claim.claimant],
    [t("reconciliation.csv.kind"), t(`claimantKind.${claim.claimantKind}`)],
    [t("reconciliation.csv.statedOn"), claim.statedOn],
    [t("reconciliation.csv.claimed"), said.claimed],
    [t("reconciliation.csv.measure"), t(`measure.${claim.measure}`)],
    [t("reconciliation.csv.covers"), said.coverage],
    [t("reconciliation.csv.scope"), said.scope],
    [t("reconciliation.csv.status"), t(`reconciliation.status.${claim.status}`)],
    [t("reconciliation.csv.source"), announcement.sourceUrl ?? announcement.sourceDescription ?? ""],
    [t("reconciliation.csv.asOf"), asOf],
  ];
  if (figures) {
    const words = announcementWords(locale, t, figures);
    rows.push(
      [t("reconciliation.csv.verified"), figure(words.verified)],
      [t("reconciliation.csv.reported"), figure(words.reported)],
      [t("reconciliation.csv.gap"), figure(words.gap)],
      [t("reconciliation.csv.gapWords"), words.gap.kind === "value" ? gapText(t, gapWords(figures)) : figure(words.gap)],
    );
    if (words.list) {
      rows.push([t("reconciliation.csv.names"), figures.list!.names]);
      for (const { cell, label } of words.list.parts) rows.push([label, figure(cell)]);
    }
  } else {
    rows.push([t("reconciliation.csv.notYet"), ""]);
  }
  rows.push([t("reconciliation.csv.page"), url(`/anuncios/${announcement.id}?asOf=${asOf}`)]);

  const lineRows = lines.map(shownLine).map((line): CsvCell[] => [
    line.position,
    line.nameAsPrinted,
    t(`reconciliation.lineState.${line.state}`),
    line.person ? line.person.name : "",
    line.person ? url(`/persona/${line.person.id}`) : "",
  ]);

  const body = csvDocument([
    { header: [t("reconciliation.csv.field"), t("reconciliation.csv.value")], rows },
    ...(lines.length > 0
      ? [
          {
            header: [
              t("reconciliation.csv.linePosition"),
              t("reconciliation.csv.lineName"),
              t("reconciliation.csv.lineState"),
              t("reconciliation.csv.linePerson"),
              t("reconciliation.csv.linePage"),
            ],
            rows: lineRows,
          },
        ]
      : []),
  ]);
  return { fileName: csvFileName([t("reconciliation.csv.fileName"), claim.claimant, claim.statedOn, asOf]), body };
}
