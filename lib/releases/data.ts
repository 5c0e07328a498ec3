import { db } from "../db/client.ts";
import type { DatePrecision, ReleaseConditions } from "../generated/prisma/enums.ts";
import { publicPersonView, type PublicPerson } from "../persons/public.ts";

export interface PublicReleaseRow {
  releaseId: string;
  person: PublicPerson & { displayName: string };
  releasedOn: Date | null;
  releasedPrecision: DatePrecision;
  conditions: ReleaseConditions;
}

export interface PublicReleasePage {
  rows: PublicReleaseRow[];
  page: number;
  pageSize: number;
  pageCount: number;
  /** Verified releases shown in the list (named or with initials). */
  total: number;
  /** Verified releases of withheld persons: counted, never listed. */
  withheld: number;
}

const MAX_PAGE_SIZE = 200;

/** A verified release the public may count: current status verified, release and person live. */
const verifiedLive = {
  status: "verified",
  deletedAt: null,
  person: { deletedAt: null, mergedIntoId: null },
} as const;

/**
 * The public list of verified releases, newest release first. Facility,
 * evidence and everything about who reported or reviewed stay out; persons
 * pass through publicPersonView and withheld ones are only counted.
 */
export async function publicVerifiedReleases(options: { page: number; pageSize: number }): Promise<PublicReleasePage> {
  const pageSize = Math.min(Math.max(1, Math.trunc(options.pageSize) || 1), MAX_PAGE_SIZE);
  const listed = { ...verifiedLive, person: { ...verifiedLive.person, disclosure: { not: "withheld" as const } } };

  const [total, withheld] = await Promise.all([
    db().release.count({ where: listed }),
    db().release.count({ where: { ...verifiedLive, person: { ...verifiedLive.person, disclosure: "withheld" } } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(options.page) || 1), pageCount);

  const releases = await db().release.findMany({
    where: listed,
    orderBy: [{ releasedOn: { sort: "desc", nulls: "last" } }, { verifiedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      releasedOn: true,
      releasedPrecision: true,
      conditions: true,
      person: { select: { id: true, givenNames: true, surnames: true, disclosure: true } },
    },
  });

  const rows: PublicReleaseRow[] = [];
  for (const release of releases) {
    const person = publicPersonView(release.person);
    // Belt and braces: the query already leaves withheld persons out.
    if (person.displayName === null) continue;
    rows.push({
      releaseId: release.id,
      person: { ...person, displayName: person.displayName },
      releasedOn: release.releasedOn,
      releasedPrecision: release.releasedPrecision,
      conditions: release.conditions,
    });
  }
  return { rows, page, pageSize, pageCount, total, withheld };
}

/**
 * Facilities already on record (releases and detentions), the most frequent
 * first: suggestions for the recording forms' facility field, which stays
 * free text.
 */
export async function knownFacilities(limit = 40): Promise<string[]> {
  const [releases, detentions] = await Promise.all([
    db().release.groupBy({ by: ["facility"], where: { facility: { not: null }, deletedAt: null }, _count: { _all: true } }),
    db().detention.groupBy({ by: ["facility"], where: { facility: { not: null }, deletedAt: null }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, number>();
  for (const row of [...releases, ...detentions]) {
    const name = row.facility?.trim();
    if (name) counts.set(name, (counts.get(name) ?? 0) + row._count._all);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "es"))
    .slice(0, limit)
    .map(([name]) => name);
}
