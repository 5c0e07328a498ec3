import { SaxesParser } from "saxes";

/**
 * For tests: reads a PFIF document with a strict XML 1.0 parser (saxes: well-formedness,
 * legal characters, namespaces) and checks it against the PFIF 1.4 schema's rules,
 * written here from the specification (http://zesty.ca/pfif/1.4/) independently of
 * lib/exports/pfif.ts:
 *
 * - the root is `pfif` in the namespace http://zesty.ca/pfif/1.4, holding `person`
 *   (or top-level `note`) elements, all in that namespace;
 * - a person's fields come in the schema's sequence order, each at most once, with
 *   its notes after them; a note's fields likewise;
 * - mandatory fields are present and non-empty (person: person_record_id,
 *   source_date, full_name; note: note_record_id, author_name, source_date, text);
 * - record ids are `domain/type.id`; dates are UTC `YYYY-MM-DDTHH:MM:SSZ`;
 *   `sex` and `status` take the schema's values; a nested note's
 *   person_record_id, when present, is its person's.
 *
 * Returns the persons read (for further checks) and every problem found.
 */
const NS = "http://zesty.ca/pfif/1.4";

const PERSON_SEQUENCE = [
  "person_record_id", "entry_date", "expiry_date", "author_name", "author_email", "author_phone", "source_name",
  "source_date", "source_url", "full_name", "given_name", "family_name", "alternate_names", "description", "sex",
  "date_of_birth", "age", "home_street", "home_neighborhood", "home_city", "home_state", "home_postal_code",
  "home_country", "photo_url", "profile_urls",
];
const NOTE_SEQUENCE = [
  "note_record_id", "person_record_id", "linked_person_record_id", "entry_date", "author_name", "author_email",
  "author_phone", "source_date", "author_made_contact", "status", "email_of_found_person", "phone_of_found_person",
  "last_known_location", "text", "photo_url",
];
const PERSON_REQUIRED = ["person_record_id", "source_date", "full_name"];
const NOTE_REQUIRED = ["note_record_id", "author_name", "source_date", "text"];
const DATE_FIELDS = new Set(["entry_date", "expiry_date", "source_date"]);
const STATUS_VALUES = new Set(["information_sought", "is_note_author", "believed_alive", "believed_missing", "believed_dead"]);
const SEX_VALUES = new Set(["female", "male", "other"]);
const UTC_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export interface PfifNote {
  fields: Record<string, string>;
  order: string[];
}
export interface PfifPerson {
  fields: Record<string, string>;
  order: string[];
  notes: PfifNote[];
}

interface Element {
  uri: string;
  local: string;
  text: string;
  children: Element[];
}

function parseXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Element[] = [];
  let root: Element | null = null;
  parser.on("opentag", (tag) => {
    const element: Element = { uri: tag.uri, local: tag.local, text: "", children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on("text", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("cdata", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (!root) throw new Error("No root element.");
  return root;
}

export function checkPfif(xml: string, options: { domain?: string } = {}): { persons: PfifPerson[]; problems: string[] } {
  const problems: string[] = [];
  let root: Element;
  try {
    root = parseXml(xml);
  } catch (error) {
    return { persons: [], problems: [`not well-formed XML: ${(error as Error).message}`] };
  }
  if (root.uri !== NS || root.local !== "pfif") problems.push(`root is {${root.uri}}${root.local}, not {${NS}}pfif`);

  const recordId = (value: string, type: "person" | "note", where: string) => {
    const match = /^([^/\s]+)\/(person|note)\.(\S+)$/.exec(value);
    if (!match || match[2] !== type) problems.push(`${where}: ${type}_record_id "${value}" is not domain/${type}.id`);
    else if (options.domain && match[1] !== options.domain) problems.push(`${where}: record id domain "${match[1]}" is not "${options.domain}"`);
  };

  const readFields = (element: Element, sequence: string[], where: string, nested: string[] = []) => {
    const fields: Record<string, string> = {};
    const order: string[] = [];
    let position = -1;
    let seenNested = false;
    for (const child of element.children) {
      if (child.uri !== NS) {
        problems.push(`${where}: element {${child.uri}}${child.local} outside the PFIF namespace`);
        continue;
      }
      if (nested.includes(child.local)) {
        seenNested = true;
        continue;
      }
      const index = sequence.indexOf(child.local);
      if (index === -1) {
        problems.push(`${where}: unknown field ${child.local}`);
        continue;
      }
      if (seenNested) problems.push(`${where}: field ${child.local} after a note`);
      if (child.local in fields) problems.push(`${where}: field ${child.local} twice`);
      if (index <= position) problems.push(`${where}: field ${child.local} out of the schema's order`);
      position = Math.max(position, index);
      if (child.children.length > 0) problems.push(`${where}: field ${child.local} holds elements`);
      fields[child.local] = child.text;
      order.push(child.local);
    }
    for (const [field, value] of Object.entries(fields)) {
      if (DATE_FIELDS.has(field) && (!UTC_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
        problems.push(`${where}: ${field} "${value}" is not YYYY-MM-DDTHH:MM:SSZ`);
      }
    }
    return { fields, order };
  };

  const readNote = (element: Element, where: string, personRecordId?: string): PfifNote => {
    const note = readFields(element, NOTE_SEQUENCE, where);
    for (const field of NOTE_REQUIRED) {
      if (!note.fields[field]?.trim()) problems.push(`${where}: mandatory ${field} missing or empty`);
    }
    if (note.fields.note_record_id) recordId(note.fields.note_record_id, "note", where);
    if (note.fields.status !== undefined && !STATUS_VALUES.has(note.fields.status)) problems.push(`${where}: status "${note.fields.status}"`);
    if (note.fields.author_made_contact !== undefined && !["true", "false"].includes(note.fields.author_made_contact)) {
      problems.push(`${where}: author_made_contact "${note.fields.author_made_contact}"`);
    }
    if (personRecordId && note.fields.person_record_id !== undefined && note.fields.person_record_id !== personRecordId) {
      problems.push(`${where}: person_record_id is not its person's`);
    }
    return note;
  };

  const persons: PfifPerson[] = [];
  root.children.forEach((child, index) => {
    const where = `record ${index + 1}`;
    if (child.uri !== NS || (child.local !== "person" && child.local !== "note")) {
      problems.push(`${where}: {${child.uri}}${child.local} is neither a person nor a note`);
      return;
    }
    if (child.local === "note") {
      const note = readNote(child, where);
      if (!note.fields.person_record_id) problems.push(`${where}: a top-level note needs person_record_id`);
      return;
    }
    const person = readFields(child, PERSON_SEQUENCE, where, ["note"]);
    for (const field of PERSON_REQUIRED) {
      if (!person.fields[field]?.trim()) problems.push(`${where}: mandatory ${field} missing or empty`);
    }
    if (person.fields.person_record_id) recordId(person.fields.person_record_id, "person", where);
    if (person.fields.sex !== undefined && !SEX_VALUES.has(person.fields.sex)) problems.push(`${where}: sex "${person.fields.sex}"`);
    const notes = child.children
      .filter((grandchild) => grandchild.uri === NS && grandchild.local === "note")
      .map((note, n) => readNote(note, `${where} note ${n + 1}`, person.fields.person_record_id));
    persons.push({ ...person, notes });
  });
  return { persons, problems };
}
