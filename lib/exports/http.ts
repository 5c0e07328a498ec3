import type { Actor } from "../auth/actor.ts";
import { todayInCaracas } from "../dates.ts";
import { env } from "../env.ts";
import { catalogues } from "../i18n/catalogue.ts";
import { internalCsvHead, internalCsvLines, publicCsvHead, publicCsvLines } from "./csv.ts";
import { internalExportBatches, publicExportBatches, type PublicExportRelease } from "./data.ts";
import { jsonHead, jsonItems, jsonTail } from "./json.ts";
import { authorizeInternalExport } from "./mutations.ts";
import { pfifDomain, pfifHead, pfifPersons, pfifTail } from "./pfif.ts";
import { internalRows, publicRows } from "./rows.ts";
import type { InternalExportQuery, PublicExportFormat } from "./schema.ts";
import { textStream } from "./stream.ts";
import { XLSX_CONTENT_TYPE, xlsxStream } from "./xlsx.ts";

/**
 * The export responses: headers, file name, and the body streamed batch by
 * batch (lib/exports/stream.ts). The route files only call these.
 */

export const PUBLIC_EXPORT_TYPES: Record<PublicExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  pfif: { contentType: "application/xml; charset=utf-8", extension: "xml" },
};

/** `attachment; filename="constancia-….csv"`: a dated name of letters, digits and dashes. */
export function attachment(stem: string, extension: string, day = todayInCaracas()): string {
  return `attachment; filename="${stem}-${day}.${extension}"`;
}

const noteTexts = new Map<string, string>();

/** The PFIF note's text for a verified release, in Spanish (the instance's first language). Few distinct texts: kept once made. */
export function pfifNoteText(release: PublicExportRelease): string {
  const month = release.releasedMonth;
  const key = `${release.organizationName}\u0000${month ?? ""}\u0000${release.conditions}`;
  let text = noteTexts.get(key);
  if (text === undefined) {
    const t = catalogues.es.exports.pfif;
    const template = month ? t.note : t.noteNoMonth;
    // Replacement functions, so that a "$&" in an organization's name stays as written.
    text = template
      .replace("{organization}", () => release.organizationName)
      .replace("{month}", () => month ?? "")
      .replace("{conditions}", () => catalogues.es.conditions[release.conditions]);
    if (noteTexts.size > 10_000) noteTexts.clear();
    noteTexts.set(key, text);
  }
  return text;
}

async function* publicChunks(format: PublicExportFormat): AsyncGenerator<string, void, undefined> {
  const publicUrl = env.publicUrl();
  if (format === "csv") {
    yield publicCsvHead();
    for await (const batch of publicExportBatches()) yield publicCsvLines(publicRows(batch, publicUrl));
  } else if (format === "json") {
    yield jsonHead();
    let first = true;
    for await (const batch of publicExportBatches()) {
      const rows = publicRows(batch, publicUrl);
      yield jsonItems(rows, first);
      if (rows.length > 0) first = false;
    }
    yield jsonTail(!first);
  } else {
    const options = { domain: pfifDomain(publicUrl), publicUrl, noteText: pfifNoteText };
    yield pfifHead();
    for await (const batch of publicExportBatches()) yield pfifPersons(batch, options);
    yield pfifTail();
  }
}

/** `GET /api/v1/releases/export?format=csv|json|pfif`: the public list of verified releases. */
export function publicExportResponse(format: PublicExportFormat): Response {
  const type = PUBLIC_EXPORT_TYPES[format];
  const stem = format === "pfif" ? "constancia-pfif" : "constancia-excarcelaciones-verificadas";
  return new Response(textStream(publicChunks(format)), {
    headers: {
      "Content-Type": type.contentType,
      "Content-Disposition": attachment(stem, type.extension),
      // The list changes whenever a release is verified: a minute old is fine for a download.
      "Cache-Control": "public, max-age=60",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

async function* internalRowBatches(organizationId: string) {
  for await (const batch of internalExportBatches(organizationId)) yield internalRows(batch);
}

async function* internalCsvChunks(organizationId: string): AsyncGenerator<string, void, undefined> {
  yield internalCsvHead();
  for await (const rows of internalRowBatches(organizationId)) yield internalCsvLines(rows);
}

/** `GET /api/v1/exports/internal?format=csv|xlsx`: an organization's own records, audited. */
export async function internalExportResponse(actor: Actor, query: InternalExportQuery): Promise<Response> {
  const grant = await authorizeInternalExport(actor, query);
  const headers = {
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Export-Rows-Persons": String(grant.persons),
    "X-Export-Rows-Releases": String(grant.releases),
  };
  if (query.format === "xlsx") {
    return new Response(xlsxStream(internalRowBatches(grant.organizationId)), {
      headers: { ...headers, "Content-Type": XLSX_CONTENT_TYPE, "Content-Disposition": attachment("constancia-expedientes", "xlsx") },
    });
  }
  return new Response(textStream(internalCsvChunks(grant.organizationId)), {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment("constancia-expedientes", "csv") },
  });
}
