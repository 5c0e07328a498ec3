import type { PublicExportPerson, PublicExportRelease } from "./data.ts";

/**
 * PFIF 1.4 (People Finder Interchange Format, http://zesty.ca/pfif/1.4/):
 * one `person` per disclosed person, each with a `note` per verified release.
 *
 * - Fields in the order of the PFIF 1.4 schema (a sequence): PERSON_FIELDS
 *   and NOTE_FIELDS below; an optional field with no value is left out, a
 *   mandatory one (person: person_record_id, source_date, full_name; note:
 *   note_record_id, author_name, source_date, text) is always there and never
 *   empty.
 * - Record ids `<domain>/person.<id>` and `<domain>/note.<id>`, the domain
 *   being the instance's own (the host of CONSTANCIA_PUBLIC_URL).
 * - Dates in UTC as YYYY-MM-DDTHH:MM:SSZ (formatted by the query, lib/exports/data.ts).
 * - Every value XML-escaped, with the characters XML 1.0 forbids removed.
 * - Public fields only: the person as publicPersonView shows them (initials
 *   for "initials"), authors are organizations, never a volunteer.
 */
export const PFIF_NAMESPACE = "http://zesty.ca/pfif/1.4";

/** The PFIF 1.4 person fields, in the schema's order (pfifPersons writes its own in this order). */
export const PERSON_FIELDS = [
  "person_record_id",
  "entry_date",
  "expiry_date",
  "author_name",
  "author_email",
  "author_phone",
  "source_name",
  "source_date",
  "source_url",
  "full_name",
  "given_name",
  "family_name",
  "alternate_names",
  "description",
  "sex",
  "date_of_birth",
  "age",
  "home_street",
  "home_neighborhood",
  "home_city",
  "home_state",
  "home_postal_code",
  "home_country",
  "photo_url",
  "profile_urls",
] as const;

/** The PFIF 1.4 note fields, in schema order. */
export const NOTE_FIELDS = [
  "note_record_id",
  "person_record_id",
  "linked_person_record_id",
  "entry_date",
  "author_name",
  "author_email",
  "author_phone",
  "source_date",
  "author_made_contact",
  "status",
  "email_of_found_person",
  "phone_of_found_person",
  "last_known_location",
  "text",
  "photo_url",
] as const;

type PersonField = (typeof PERSON_FIELDS)[number];
type NoteField = (typeof NOTE_FIELDS)[number];

export interface PfifOptions {
  /** The instance's domain, e.g. "constancia.example.org". */
  domain: string;
  /** The instance's public base URL, for source_url. */
  publicUrl: string;
  /** The note's text for a verified release. */
  noteText: (release: PublicExportRelease) => string;
}

// XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF; everything else goes.
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// What xmlText has to change: markup, and anything outside the plain BMP (checked without the slower `u` flag).
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text as XML character data (and attribute value): illegal characters removed, markup escaped. */
export function xmlText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value
    .replace(ILLEGAL_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The domain of record ids: the host name of the public URL (no scheme, no port). */
export function pfifDomain(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || "localhost";
  } catch {
    return "localhost";
  }
}

export const personRecordId = (domain: string, personId: string) => `${domain}/person.${personId}`;
export const noteRecordId = (domain: string, releaseId: string) => `${domain}/note.${releaseId}`;

export function pfifHead(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="${PFIF_NAMESPACE}">\n`;
}

export function pfifTail(): string {
  return "</pfif:pfif>\n";
}

type Field = PersonField | NoteField;
type Tags = Record<Field, readonly [open: string, close: string]>;

/** Each field's opening (indented) and closing tags, made once per indentation. */
function tagsFor(indent: string): Tags {
  return Object.fromEntries(
    [...PERSON_FIELDS, ...NOTE_FIELDS].map((field) => [field, [`${indent}<pfif:${field}>`, `</pfif:${field}>\n`] as const]),
  ) as Tags;
}
const TAGS = new Map<string, Tags>();

/** One element, or nothing for an optional field without a value (after escaping and trimming). */
function element(indent: string, field: Field, value: string | null | undefined): string {
  if (!value) return "";
  const text = xmlText(value).trim();
  if (text === "") return "";
  let tags = TAGS.get(indent);
  if (!tags) TAGS.set(indent, (tags = tagsFor(indent)));
  const [open, close] = tags[field];
  return open + text + close;
}

/** A mandatory element: never missing, never empty (the fallback, when the value escapes to nothing). */
function required(indent: string, field: Field, value: string | null | undefined, fallback: string): string {
  return element(indent, field, value) || element(indent, field, fallback);
}

const P = "    ";
const N = "      ";

/**
 * One batch of persons, each with a note per verified release. Elements are
 * written in the schema's order (PERSON_FIELDS, NOTE_FIELDS), field by field
 * rather than through a generic loop: this runs for every row of the export.
 */
export function pfifPersons(batch: readonly PublicExportPerson[], options: PfifOptions): string {
  const base = options.publicUrl.replace(/\/+$/, "");
  const sourceName = element(P, "source_name", `Constancia (${options.domain})`);
  const status = element(N, "status", "believed_alive");
  // Pieces joined once at the end: cheaper to encode than a long chain of concatenations.
  const out: string[] = [];
  for (const entry of batch) {
    if (entry.releases.length === 0) continue;
    const personId = personRecordId(options.domain, entry.person.id);
    out.push(
      "  <pfif:person>\n" +
        required(P, "person_record_id", personId, personId) +
        element(P, "entry_date", entry.createdAt) +
        element(P, "author_name", entry.organizationName) +
        sourceName +
        // The record changed last when the person or one of their verified releases did.
        required(P, "source_date", entry.changedAt, entry.createdAt) +
        element(P, "source_url", `${base}/persona/${entry.person.id}`) +
        required(P, "full_name", entry.person.displayName, "—") +
        element(P, "given_name", entry.givenName) +
        element(P, "family_name", entry.familyName),
    );
    for (const release of entry.releases) {
      const noteId = noteRecordId(options.domain, release.id);
      out.push(
        "    <pfif:note>\n" +
          required(N, "note_record_id", noteId, noteId) +
          // (person_record_id is optional in a note within its person: left out, it is the person's.)
          element(N, "entry_date", release.verifiedAt) +
          required(N, "author_name", release.organizationName, "Constancia") +
          required(N, "source_date", release.verifiedAt, entry.changedAt) +
          status +
          required(N, "text", options.noteText(release), "Excarcelación verificada.") +
          "    </pfif:note>\n",
      );
    }
    out.push("  </pfif:person>\n");
  }
  return out.join("");
}
