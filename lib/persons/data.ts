import { db } from "../db/client.ts";
import type { Disclosure, ReleaseStatus } from "../generated/prisma/enums.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { rankCandidates, type MatchKind } from "../search/match.ts";
import { nameTokens, normalizedFullName, parseCedula } from "../search/normalize.ts";
import { fullName, publicPersonDetail } from "./public.ts";

/**
 * Reads about persons for signed-in users (every disclosure level; cédula
 * included). Public reads go through lib/persons/public-data.ts, which
 * applies DESIGN.md rule 4.
 */

export interface PossibleDuplicate {
  id: string;
  name: string;
  match: MatchKind;
  /** The cédula typed is this person's. */
  sameCedula: boolean;
  cedula: string | null;
  disclosure: Disclosure;
  organizationName: string;
  /** Statuses of the person's releases, newest first. */
  releaseStatuses: ReleaseStatus[];
}

/** Candidates read from the database before ranking in TypeScript. */
const CANDIDATE_POOL = 60;

/**
 * Records that may be the same person as the one being typed: the same
 * cédula (exact, and only exact), or a similar name — trigram similarity on
 * the folded full name picks candidates, the matching core (lib/search)
 * ranks them and says how strong each match is.
 */
export async function possibleDuplicates(
  query: { givenNames?: string; surnames?: string; cedula?: string; excludeId?: string },
  limit = 8,
): Promise<PossibleDuplicate[]> {
  const cedula = query.cedula ? parseCedula(query.cedula) : null;
  const name = normalizedFullName(query.givenNames ?? "", query.surnames ?? "");
  const nameUsable = nameTokens(name).filter((word) => word.length >= 2).length >= 1 && name.length >= 4;
  if (!cedula && !nameUsable) return [];

  const exclude = query.excludeId ?? "00000000-0000-0000-0000-000000000000";
  // Same cédula first, then the most similar names (constants are not allowed in ORDER BY).
  const order = [
    ...(cedula ? [Prisma.sql`(p."cedulaDigits" = ${cedula.digits}) DESC`] : []),
    ...(nameUsable ? [Prisma.sql`similarity(p."normalizedName", ${name}) DESC`] : []),
    Prisma.sql`p.id`,
  ];
  // Raw SQL: pg_trgm's % operator (served by the GIN index on normalizedName) has no Prisma equivalent.
  const rows = await db().$queryRaw<{ id: string; cedulaDigits: string | null }[]>`
    SELECT p.id, p."cedulaDigits"
    FROM "Person" p
    WHERE p."deletedAt" IS NULL AND p."mergedIntoId" IS NULL AND p.id <> ${exclude}::uuid
      AND (
        ${cedula ? Prisma.sql`p."cedulaDigits" = ${cedula.digits}` : Prisma.sql`FALSE`}
        OR ${nameUsable ? Prisma.sql`p."normalizedName" % ${name}` : Prisma.sql`FALSE`}
      )
    ORDER BY ${Prisma.join(order, ", ")}
    LIMIT ${CANDIDATE_POOL}`;
  if (rows.length === 0) return [];

  const people = await db().person.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: {
      id: true,
      givenNames: true,
      surnames: true,
      otherSpellings: true,
      cedula: true,
      cedulaDigits: true,
      disclosure: true,
      organization: { select: { name: true } },
      releases: { where: { deletedAt: null }, orderBy: { createdAt: "desc" }, select: { status: true } },
    },
  });
  const byId = new Map(people.map((person) => [person.id, person]));
  const ordered = rows.map((row) => byId.get(row.id)).filter((person) => person !== undefined);

  const results = new Map<string, PossibleDuplicate>();
  const view = (person: (typeof ordered)[number], match: MatchKind, sameCedula: boolean): PossibleDuplicate => ({
    id: person.id,
    name: fullName(person.givenNames, person.surnames),
    match,
    sameCedula,
    cedula: person.cedula,
    disclosure: person.disclosure,
    organizationName: person.organization.name,
    releaseStatuses: person.releases.map((release) => release.status),
  });
  if (cedula) {
    for (const person of ordered) if (person.cedulaDigits === cedula.digits) results.set(person.id, view(person, "exact", true));
  }
  if (nameUsable) {
    for (const ranked of rankCandidates(name, ordered, CANDIDATE_POOL)) {
      if (!results.has(ranked.person.id)) results.set(ranked.person.id, view(ranked.person, ranked.match, false));
    }
  }
  return [...results.values()].slice(0, limit);
}

/** Everything about one person, for signed-in users; null when there is no such person (or it was purged). */
export async function personRecord(personId: string) {
  return db().person.findUnique({
    where: { id: personId },
    include: {
      organization: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true } },
      mergedInto: { select: { id: true, givenNames: true, surnames: true } },
      mergedFrom: { select: { id: true, givenNames: true, surnames: true } },
      detentions: { where: { deletedAt: null }, orderBy: [{ arrestedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }] },
      releases: {
        where: { deletedAt: null },
        orderBy: { createdAt: "desc" },
        include: {
          reportedBy: { select: { id: true, name: true } },
          organization: { select: { name: true } },
          evidence: {
            where: { deletedAt: null },
            orderBy: { createdAt: "asc" },
            include: { file: true, addedBy: { select: { name: true } } },
          },
          reviews: { orderBy: { createdAt: "asc" }, include: { reviewer: { select: { id: true, name: true } } } },
        },
      },
    },
  });
}
export type PersonRecord = NonNullable<Awaited<ReturnType<typeof personRecord>>>;

export interface PersonListItem {
  id: string;
  name: string;
  cedula: string | null;
  disclosure: Disclosure;
  organizationName: string;
  releaseStatuses: ReleaseStatus[];
  version: number;
  match: MatchKind | null;
}

/**
 * The internal list of persons (signed-in users): the newest first, or the
 * ones matching a name or a cédula. Deleted and merged records stay out.
 */
export async function listPersons(options: { q?: string; limit?: number }): Promise<PersonListItem[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 100);
  const q = options.q?.trim() ?? "";
  const select = {
    id: true,
    givenNames: true,
    surnames: true,
    otherSpellings: true,
    cedula: true,
    cedulaDigits: true,
    disclosure: true,
    version: true,
    organization: { select: { name: true } },
    releases: { where: { deletedAt: null }, orderBy: { createdAt: "desc" as const }, select: { status: true } },
  } as const;
  const item = (person: Prisma.PersonGetPayload<{ select: typeof select }>, match: MatchKind | null): PersonListItem => ({
    id: person.id,
    name: fullName(person.givenNames, person.surnames),
    cedula: person.cedula,
    disclosure: person.disclosure,
    organizationName: person.organization.name,
    releaseStatuses: person.releases.map((release) => release.status),
    version: person.version,
    match,
  });
  if (q === "") {
    const people = await db().person.findMany({
      where: { deletedAt: null, mergedIntoId: null },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
      select,
    });
    return people.map((person) => item(person, null));
  }
  const cedula = parseCedula(q);
  const found = cedula
    ? await possibleDuplicates({ cedula: q }, limit)
    : await possibleDuplicates({ givenNames: q, surnames: "" }, limit);
  if (found.length === 0) return [];
  const people = await db().person.findMany({ where: { id: { in: found.map((f) => f.id) } }, select });
  const byId = new Map(people.map((person) => [person.id, person]));
  return found.flatMap((f) => {
    const person = byId.get(f.id);
    return person ? [item(person, f.match)] : [];
  });
}

/** Two persons side by side for a merge; null for either that is gone. */
export async function personsForMerge(firstId: string, secondId: string) {
  const load = (id: string) =>
    db().person.findFirst({
      where: { id, deletedAt: null, mergedIntoId: null },
      include: {
        organization: { select: { id: true, name: true } },
        releases: { where: { deletedAt: null }, select: { id: true, status: true, releasedOn: true, releasedPrecision: true } },
        detentions: { where: { deletedAt: null }, select: { id: true } },
      },
    });
  const [first, second] = await Promise.all([load(firstId), load(secondId)]);
  return { first, second };
}

/**
 * The public view of one person, or null when the public may not see them
 * (withheld, deleted, merged away, unknown). Rule 4 is applied by
 * publicPersonDetail; this only reads what it needs.
 */
export async function publicPersonById(personId: string) {
  const person = await db().person.findFirst({
    where: { id: personId, deletedAt: null, mergedIntoId: null, disclosure: { not: "withheld" } },
    select: {
      id: true,
      givenNames: true,
      surnames: true,
      disclosure: true,
      updatedAt: true,
      releases: {
        where: { deletedAt: null, status: { in: ["reported", "verified", "disputed"] } },
        orderBy: [{ releasedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
        select: {
          id: true,
          status: true,
          releasedOn: true,
          releasedPrecision: true,
          conditions: true,
          updatedAt: true,
          evidence: {
            where: { deletedAt: null, isPublic: true },
            orderBy: { createdAt: "asc" },
            select: { kind: true, description: true, url: true, isPublic: true, fileSha256: true, file: { select: { contentType: true } } },
          },
        },
      },
    },
  });
  if (!person) return null;
  return publicPersonDetail({
    ...person,
    releases: person.releases.map((release) => ({
      ...release,
      evidence: release.evidence.map(({ file, ...item }) => ({ ...item, contentType: file?.contentType ?? null })),
    })),
  });
}

/** Where a merged record now lives, so that old links lead to the survivor. */
export async function mergedInto(personId: string): Promise<string | null> {
  const person = await db().person.findUnique({ where: { id: personId }, select: { mergedIntoId: true } });
  return person?.mergedIntoId ?? null;
}
