import { db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ImportView } from "../imports/schema.ts";
import { fullName, publicPersonStatus, publicPersonView } from "../persons/public.ts";
import { searchEveryone } from "../search/data.ts";
import type { MatchKind } from "../search/match.ts";
import { parseCedula } from "../search/normalize.ts";
import type { Candidate } from "./decide.ts";
import { splitPrintedName } from "./printed-name.ts";
import {
  PUBLIC_LIST_PAGE_SIZE,
  type CandidateSearchResponse,
  type CandidateView,
  type LinkMethod,
  type PublicListLine,
  type PublicListResponse,
  type QueueItem,
  type QueuePage,
  type QueueQuery,
} from "./schema.ts";

/**
 * Reads of name lists: the matching queue and the moderators' candidate
 * search (internal: full names and cédulas), and the list as the public may
 * see it (DESIGN.md rule 4: a person only as their disclosure allows, never a
 * cédula). A list's import progress is read like any import's
 * (lib/imports/data.ts).
 */

// ───────────────────────────── candidates (internal) ─────────────────────────────

const PERSON_FOR_MATCHING = {
  id: true,
  givenNames: true,
  surnames: true,
  cedula: true,
  cedulaDigits: true,
  disclosure: true,
  deletedAt: true,
  mergedIntoId: true,
  releases: { where: { deletedAt: null }, select: { status: true } },
} as const satisfies Prisma.PersonSelect;
type PersonForMatching = Prisma.PersonGetPayload<{ select: typeof PERSON_FOR_MATCHING }>;

/** The persons of these ids as moderators see them; a merged one as the person it was merged into, a deleted one not at all. */
async function personsForMatching(ids: readonly string[]): Promise<Map<string, PersonForMatching>> {
  if (ids.length === 0) return new Map();
  const found = await db().person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: PERSON_FOR_MATCHING });
  const survivors = found.filter((person) => person.mergedIntoId).map((person) => person.mergedIntoId!);
  const merged = survivors.length
    ? new Map(
        (await db().person.findMany({ where: { id: { in: survivors }, deletedAt: null, mergedIntoId: null }, select: PERSON_FOR_MATCHING })).map(
          (person) => [person.id, person],
        ),
      )
    : new Map<string, PersonForMatching>();
  const result = new Map<string, PersonForMatching>();
  for (const person of found) {
    const shown = person.mergedIntoId ? merged.get(person.mergedIntoId) : person;
    if (shown && !shown.deletedAt) result.set(person.id, shown);
  }
  return result;
}

function candidateView(person: PersonForMatching, match: MatchKind | null, score: number | null, printedDigits: string | null): CandidateView {
  return {
    personId: person.id,
    name: fullName(person.givenNames, person.surnames),
    cedula: person.cedula,
    disclosure: person.disclosure,
    status: publicPersonStatus(person.releases.map((release) => release.status)),
    match,
    score,
    sameCedula: printedDigits !== null && person.cedulaDigits === printedDigits,
  };
}

/**
 * For a moderator looking for someone else than the candidates offered: the
 * same search as the matching, over everyone on record (withheld and
 * initials-only people included).
 */
export async function searchCandidates(q: string, limit: number): Promise<CandidateSearchResponse> {
  const { ranked } = await searchEveryone(q, limit);
  const persons = await personsForMatching(ranked.map((entry) => entry.person.id));
  const results: CandidateView[] = [];
  for (const entry of ranked) {
    const person = persons.get(entry.person.id);
    if (person && !results.some((known) => known.personId === person.id)) results.push(candidateView(person, entry.match, entry.score, null));
  }
  return { query: q, results };
}

// ───────────────────────────── the matching queue ─────────────────────────────

interface QueueCursor {
  a: string;
  p: number;
  i: string;
}

const encodeCursor = (value: object) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

function decodeCursor<T>(cursor: string | undefined, valid: (value: unknown) => value is T): T | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isQueueCursor = (value: unknown): value is QueueCursor => {
  const cursor = value as QueueCursor;
  return Boolean(cursor) && typeof cursor.a === "string" && UUID.test(cursor.a) && Number.isInteger(cursor.p) && typeof cursor.i === "string" && UUID.test(cursor.i);
};

/**
 * Lines waiting for a moderator, list by list (oldest announcement first),
 * in the order printed; each with its candidates as moderators see them.
 */
export async function nameQueue(query: QueueQuery): Promise<QueuePage> {
  const filter: Prisma.AnnouncedNameWhereInput = {
    linkMethod: "pending",
    announcement: { deletedAt: null },
    ...(query.announcementId ? { announcementId: query.announcementId } : {}),
  };
  const cursor = decodeCursor(query.cursor, isQueueCursor);
  const after: Prisma.AnnouncedNameWhereInput = cursor
    ? {
        OR: [
          { announcementId: { gt: cursor.a } },
          { announcementId: cursor.a, position: { gt: cursor.p } },
          { announcementId: cursor.a, position: cursor.p, id: { gt: cursor.i } },
        ],
      }
    : {};
  const [rows, pending] = await Promise.all([
    db().announcedName.findMany({
      where: { AND: [filter, after] },
      orderBy: [{ announcementId: "asc" }, { position: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      select: {
        id: true,
        announcementId: true,
        position: true,
        nameAsPrinted: true,
        identifierAsPrinted: true,
        linkMethod: true,
        suggestedPersonId: true,
        candidates: true,
        createdAt: true,
        announcement: { select: { id: true, claimant: true, statedOn: true } },
      },
    }),
    db().announcedName.count({ where: filter }),
  ]);
  const page = rows.slice(0, query.limit);
  const stored = page.map((row) => storedCandidates(row.candidates, row.suggestedPersonId));
  const persons = await personsForMatching(stored.flat().map((candidate) => candidate.personId));

  const items: QueueItem[] = page.map((row, index) => {
    const printedDigits = row.identifierAsPrinted ? (parseCedula(row.identifierAsPrinted.replace(/,/g, "."))?.digits ?? null) : null;
    const candidates: CandidateView[] = [];
    for (const candidate of stored[index]!) {
      const person = persons.get(candidate.personId);
      if (person && !candidates.some((known) => known.personId === person.id)) {
        candidates.push(candidateView(person, candidate.match, candidate.score, printedDigits));
      }
    }
    const suggested = row.suggestedPersonId ? persons.get(row.suggestedPersonId)?.id ?? null : null;
    return {
      id: row.id,
      announcement: { id: row.announcement.id, claimant: row.announcement.claimant, statedOn: row.announcement.statedOn.toISOString().slice(0, 10) },
      position: row.position,
      nameAsPrinted: row.nameAsPrinted,
      identifierAsPrinted: row.identifierAsPrinted,
      linkMethod: row.linkMethod,
      suggestedPersonId: suggested,
      candidates,
      split: splitPrintedName(row.nameAsPrinted),
      createdAt: row.createdAt.toISOString(),
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ a: last.announcementId, p: last.position, i: last.id }) : null,
    pending,
  };
}

/** The candidates stored with a line (suggested first), tolerant of what an older version wrote. */
function storedCandidates(value: unknown, suggestedPersonId: string | null): Candidate[] {
  const list = Array.isArray(value) ? (value as Partial<Candidate>[]) : [];
  const candidates = list.filter(
    (item): item is Candidate => typeof item?.personId === "string" && UUID.test(item.personId) && typeof item.match === "string",
  );
  if (suggestedPersonId && !candidates.some((candidate) => candidate.personId === suggestedPersonId)) {
    candidates.unshift({ personId: suggestedPersonId, match: "partial", score: 0 });
  }
  return candidates;
}

// ───────────────────────────── one line (internal) ─────────────────────────────

/** A line as a decision leaves it (internal: the person's full name). */
export async function decidedLine(lineId: string) {
  const row = await db().announcedName.findUnique({
    where: { id: lineId },
    select: {
      id: true,
      announcementId: true,
      position: true,
      nameAsPrinted: true,
      identifierAsPrinted: true,
      linkMethod: true,
      decidedAt: true,
      person: { select: { id: true, givenNames: true, surnames: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    announcementId: row.announcementId,
    position: row.position,
    nameAsPrinted: row.nameAsPrinted,
    identifierAsPrinted: row.identifierAsPrinted,
    linkMethod: row.linkMethod as LinkMethod,
    person: row.person ? { id: row.person.id, name: fullName(row.person.givenNames, row.person.surnames) } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

// ───────────────────────────── a list's summary (moderators) ─────────────────────────────

export interface NameListSummary {
  lines: number;
  byMethod: Record<LinkMethod, number>;
  imports: { id: string; status: ImportView["status"]; createdAt: string; fileName: string | null; total: number; created: number; unchanged: number; queued: number }[];
}

/** How many lines an announcement's list has and how each is linked, and its latest loads. */
export async function nameListSummary(announcementId: string): Promise<NameListSummary> {
  const [groups, imports] = await Promise.all([
    db().announcedName.groupBy({ by: ["linkMethod"], where: { announcementId }, _count: { _all: true } }),
    db().import.findMany({
      where: { announcementId, kind: "announcement_names" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, status: true, createdAt: true, fileName: true, total: true, created: true, unchanged: true, possibleDuplicates: true },
    }),
  ]);
  const byMethod: Record<LinkMethod, number> = { pending: 0, automatic: 0, confirmed: 0, rejected: 0, created: 0 };
  for (const group of groups) byMethod[group.linkMethod] = group._count._all;
  return {
    lines: Object.values(byMethod).reduce((sum, n) => sum + n, 0),
    byMethod,
    imports: imports.map((row) => ({
      id: row.id,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      fileName: row.fileName,
      total: row.total,
      created: row.created,
      unchanged: row.unchanged,
      queued: row.possibleDuplicates,
    })),
  };
}

// ───────────────────────────── the public list ─────────────────────────────

interface ListCursor {
  p: number;
  i: string;
}
const isListCursor = (value: unknown): value is ListCursor => {
  const cursor = value as ListCursor;
  return Boolean(cursor) && Number.isInteger(cursor.p) && typeof cursor.i === "string" && UUID.test(cursor.i);
};

/**
 * The list of an announcement as the public may see it, one page: each line
 * as printed (never the identifier: it may be a cédula), its state, and the
 * person linked only as publicPersonView allows — a withheld person's line is
 * counted (its state) but not linked. Null when the announcement is unknown
 * or deleted.
 */
export async function publicListPage(
  announcementId: string,
  page: { cursor?: string; limit?: number } = {},
): Promise<PublicListResponse | null> {
  const announcement = await db().announcement.findFirst({ where: { id: announcementId, deletedAt: null }, select: { id: true } });
  if (!announcement) return null;
  const limit = page.limit ?? PUBLIC_LIST_PAGE_SIZE;
  const cursor = decodeCursor(page.cursor, isListCursor);
  const after: Prisma.AnnouncedNameWhereInput = cursor
    ? { OR: [{ position: { gt: cursor.p } }, { position: cursor.p, id: { gt: cursor.i } }] }
    : {};
  const [rows, total] = await Promise.all([
    db().announcedName.findMany({
      where: { announcementId, ...after },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      take: limit + 1,
      select: {
        id: true,
        position: true,
        nameAsPrinted: true,
        linkMethod: true,
        person: {
          select: {
            id: true,
            givenNames: true,
            surnames: true,
            disclosure: true,
            deletedAt: true,
            releases: { where: { deletedAt: null, status: "verified" }, select: { id: true }, take: 1 },
          },
        },
      },
    }),
    db().announcedName.count({ where: { announcementId } }),
  ]);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    announcementId,
    total,
    lines: shown.map(publicLine),
    nextCursor: rows.length > limit && last ? encodeCursor({ p: last.position, i: last.id }) : null,
  };
}

function publicLine(row: {
  position: number;
  nameAsPrinted: string;
  linkMethod: LinkMethod;
  person: { id: string; givenNames: string; surnames: string; disclosure: "public" | "initials" | "withheld"; deletedAt: Date | null; releases: { id: string }[] } | null;
}): PublicListLine {
  const base = { position: row.position, nameAsPrinted: row.nameAsPrinted };
  if (row.linkMethod === "pending") return { ...base, state: "pending", person: null };
  if (row.linkMethod === "rejected" || !row.person) return { ...base, state: "unmatched", person: null };
  // DESIGN.md rule 4: a printed full name next to a withheld person's status (or an initials-only person's
  // record) would name them. Such lines read like lines nobody matched; the tally still counts them.
  if (row.person.disclosure !== "public" || row.person.deletedAt) return { ...base, state: "unmatched", person: null };
  const view = publicPersonView(row.person);
  return {
    ...base,
    state: row.person.releases.length > 0 ? "verified" : "unverified",
    person: view.displayName !== null ? { id: view.id, name: view.displayName } : null,
  };
}

/** Every line of an announcement's list as the public may see it, in the order printed (the announcement's public page). */
export async function publicListLines(announcementId: string): Promise<PublicListLine[]> {
  const lines: PublicListLine[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await publicListPage(announcementId, { cursor, limit: 2_000 });
    if (!page) return lines;
    lines.push(...page.lines);
    if (!page.nextCursor) return lines;
    cursor = page.nextCursor;
  }
}
