import { db } from "../db/client.ts";
import type { DatePrecision, Disclosure, ReleaseConditions, ReleaseStatus, Sex } from "../generated/prisma/enums.ts";
import { publicPersonView, type PublicPerson } from "../persons/public.ts";

/**
 * The exports' reads: keyset-paginated batches (by person id), so that an
 * export of any size holds one batch in memory at a time. Each reader is an
 * async generator; the writers (csv.ts, json.ts, pfif.ts, xlsx.ts) turn a
 * batch into text, and stream.ts pulls the next batch only when the client
 * has taken the previous one.
 */
export const EXPORT_BATCH_SIZE = 2_000;

// ───────────────────────────── public ─────────────────────────────

/**
 * Instants come as UTC text, `YYYY-MM-DDTHH:MM:SSZ` (PFIF's form, formatted by
 * PostgreSQL: the database's process does that work, not the one streaming).
 */
export type UtcInstant = string;

export interface PublicExportRelease {
  id: string;
  /** "2026-01" for a release known to the day or the month (never the day, DESIGN.md rule 4); null when unknown. */
  releasedMonth: string | null;
  conditions: ReleaseConditions;
  /** When it was verified (its last change if the record does not say). */
  verifiedAt: UtcInstant;
  organizationName: string;
}

/** A person of the public export: through publicPersonView, never withheld, with the verified releases. */
export interface PublicExportPerson {
  person: PublicPerson & { displayName: string; disclosure: "public" | "initials" };
  /** For PFIF's given_name / family_name: the parts, as disclosed (initials for "initials"). */
  givenName: string;
  familyName: string;
  /** When the person was recorded. */
  createdAt: UtcInstant;
  /** The person's last change, or a later verification of one of their releases. */
  changedAt: UtcInstant;
  organizationName: string;
  releases: PublicExportRelease[];
}

/**
 * Every person with at least one verified release whom the public may see,
 * by id, `batchSize` persons at a time, each with their verified releases.
 * Withheld persons are left out by the query and again by publicPersonView.
 */
export async function* publicExportBatches(batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<PublicExportPerson[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await publicExportPage(after, batchSize);
    if (rows.length === 0) return;
    const batch: PublicExportPerson[] = [];
    let current: PublicExportPerson | null = null;
    for (const row of rows) {
      if (current?.person.id !== row.personId) {
        current = null;
        const person = publicPersonView({ id: row.personId, givenNames: row.givenNames, surnames: row.surnames, disclosure: row.disclosure });
        // Belt and braces: the query already leaves withheld persons out.
        if (person.displayName === null || person.disclosure === "withheld") continue;
        const parts = disclosedParts(row.givenNames, row.surnames, person.disclosure);
        current = {
          person: { ...person, displayName: person.displayName, disclosure: person.disclosure },
          givenName: parts.givenName,
          familyName: parts.familyName,
          createdAt: row.createdAt,
          changedAt: row.changedAt,
          organizationName: row.organizationName,
          releases: [],
        };
        batch.push(current);
      }
      current.releases.push({
        id: row.releaseId,
        releasedMonth: row.releasedMonth,
        conditions: row.conditions,
        verifiedAt: row.verifiedAt,
        organizationName: row.releaseOrganizationName,
      });
    }
    yield batch;
    const persons = new Set(rows.map((row) => row.personId)).size;
    if (persons < batchSize) return;
    after = rows.at(-1)!.personId;
  }
}

interface PublicExportSqlRow {
  personId: string;
  givenNames: string;
  surnames: string;
  disclosure: Disclosure;
  createdAt: UtcInstant;
  changedAt: UtcInstant;
  organizationName: string;
  releaseId: string;
  releasedMonth: string | null;
  conditions: ReleaseConditions;
  verifiedAt: UtcInstant;
  releaseOrganizationName: string;
}

/**
 * One page of the public export: the next `batchSize` persons after the id
 * `after` (keyset pagination on the primary key) joined to their verified
 * releases and the organizations' names, one row per release.
 *
 * Raw SQL because the export must stream 200,000 releases at ≥ 20,000 a second
 * (issue 7): one join here reads a page about twice as fast as Prisma's nested
 * select (a second query for the releases, and objects built per relation),
 * and PostgreSQL formats the dates and the month on its own core, measured
 * with lib/bench/export.ts. The conditions are the public list's
 * (lib/releases/data.ts): release verified and not deleted; person not
 * deleted, not merged, not withheld.
 */
function publicExportPage(after: string | null, batchSize: number): Promise<PublicExportSqlRow[]> {
  const from = after ?? "00000000-0000-0000-0000-000000000000";
  return db().$queryRaw<PublicExportSqlRow[]>`
    SELECT p.id AS "personId", p."givenNames", p.surnames, p.disclosure::text AS disclosure,
           to_char(p."createdAt" AT TIME ZONE 'UTC', ${UTC_FORMAT}) AS "createdAt",
           to_char(GREATEST(p."updatedAt", max(COALESCE(r."verifiedAt", r."updatedAt")) OVER (PARTITION BY p.id)) AT TIME ZONE 'UTC', ${UTC_FORMAT})
             AS "changedAt",
           po.name AS "organizationName",
           r.id AS "releaseId",
           CASE WHEN r."releasedOn" IS NULL OR r."releasedPrecision" = 'unknown' THEN NULL ELSE to_char(r."releasedOn", 'YYYY-MM') END
             AS "releasedMonth",
           r.conditions::text AS conditions,
           to_char(COALESCE(r."verifiedAt", r."updatedAt") AT TIME ZONE 'UTC', ${UTC_FORMAT}) AS "verifiedAt",
           ro.name AS "releaseOrganizationName"
      FROM (SELECT p.id, p."givenNames", p.surnames, p.disclosure, p."createdAt", p."updatedAt", p."organizationId"
              FROM "Person" p
             WHERE p.id > ${from}::uuid
               AND p."deletedAt" IS NULL AND p."mergedIntoId" IS NULL AND p.disclosure <> 'withheld'
               AND EXISTS (SELECT 1 FROM "Release" v
                            WHERE v."personId" = p.id AND v."personId" > ${from}::uuid AND v.status = 'verified' AND v."deletedAt" IS NULL)
             ORDER BY p.id
             LIMIT ${batchSize}) p
      -- LATERAL (kept apart by OFFSET 0): each page's releases through the personId index. A plain
      -- join let the planner scan every release for every page (a hash join), and the EXISTS above
      -- read the index from its start without its own "> from": both grew with the square of the list.
      CROSS JOIN LATERAL (SELECT r.id, r."releasedOn", r."releasedPrecision", r.conditions, r."verifiedAt", r."updatedAt", r."organizationId"
                            FROM "Release" r
                           WHERE r."personId" = p.id AND r.status = 'verified' AND r."deletedAt" IS NULL OFFSET 0) r
      JOIN "Organization" po ON po.id = p."organizationId"
      JOIN "Organization" ro ON ro.id = r."organizationId"
     ORDER BY p.id, r.id`;
}

/** PFIF's UTC instant, as PostgreSQL's to_char writes it: 2026-01-12T15:16:17Z. */
const UTC_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';

/**
 * Given names and surnames each as the public may see them, from
 * publicPersonView on each part alone: the part in full for "public", its
 * initials for "initials".
 */
function disclosedParts(givenNames: string, surnames: string, disclosure: "public" | "initials") {
  const part = (given: string, family: string) =>
    publicPersonView({ id: "", givenNames: given, surnames: family, disclosure }).displayName ?? "";
  return { givenName: part(givenNames, ""), familyName: part("", surnames) };
}

// ───────────────────────────── internal ─────────────────────────────

export interface InternalExportRelease {
  id: string;
  releasedOn: Date | null;
  releasedPrecision: DatePrecision;
  facility: string | null;
  conditions: ReleaseConditions;
  conditionsDetail: string | null;
  status: ReleaseStatus;
  statusReason: string | null;
  verifiedAt: Date | null;
  version: number;
  createdAt: Date;
  detention: { arrestedOn: Date | null; facility: string | null } | null;
}

export interface InternalExportPerson {
  id: string;
  externalRef: string | null;
  givenNames: string;
  surnames: string;
  cedula: string | null;
  sex: Sex;
  nationality: string;
  birthYear: number | null;
  homeState: string | null;
  disclosure: Disclosure;
  notes: string | null;
  version: number;
  createdAt: Date;
  /** The latest detention on record, for a person whose releases name none. */
  latestDetention: { arrestedOn: Date | null; facility: string | null } | null;
  releases: InternalExportRelease[];
}

const liveOrgPersons = (organizationId: string) => ({ organizationId, deletedAt: null, mergedIntoId: null }) as const;

/** How many persons and (live) releases the internal export of an organization holds: for its audit event. */
export async function internalExportCounts(organizationId: string): Promise<{ persons: number; releases: number }> {
  const [persons, releases] = await Promise.all([
    db().person.count({ where: liveOrgPersons(organizationId) }),
    db().release.count({ where: { deletedAt: null, person: liveOrgPersons(organizationId) } }),
  ]);
  return { persons, releases };
}

/** Whether an organization exists (and is not deleted). */
export async function organizationExists(organizationId: string): Promise<boolean> {
  return (await db().organization.count({ where: { id: organizationId, deletedAt: null } })) > 0;
}

/**
 * Every live person of one organization, every disclosure level, with every
 * live release whatever its status: the organization's own records, for its
 * moderators (cédula, notes and all). By id, `batchSize` persons at a time.
 */
export async function* internalExportBatches(organizationId: string, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<InternalExportPerson[]> {
  let after: string | null = null;
  for (;;) {
    const persons = await internalExportPage(organizationId, after, batchSize);
    if (persons.length === 0) return;
    yield persons.map(({ detentions, ...person }) => ({ ...person, latestDetention: detentions[0] ?? null }));
    if (persons.length < batchSize) return;
    after = persons.at(-1)!.id;
  }
}

/** One page of an organization's persons, after the id `after` (keyset pagination). */
function internalExportPage(organizationId: string, after: string | null, batchSize: number) {
  return db().person.findMany({
    where: { ...(after === null ? {} : { id: { gt: after } }), ...liveOrgPersons(organizationId) },
    orderBy: { id: "asc" },
    take: batchSize,
    select: {
      id: true,
      externalRef: true,
      givenNames: true,
      surnames: true,
      cedula: true,
      sex: true,
      nationality: true,
      birthYear: true,
      homeState: true,
      disclosure: true,
      notes: true,
      version: true,
      createdAt: true,
      detentions: {
        where: { deletedAt: null },
        orderBy: [{ arrestedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
        take: 1,
        select: { arrestedOn: true, facility: true },
      },
      releases: {
        where: { deletedAt: null },
        orderBy: { id: "asc" },
        select: {
          id: true,
          releasedOn: true,
          releasedPrecision: true,
          facility: true,
          conditions: true,
          conditionsDetail: true,
          status: true,
          statusReason: true,
          verifiedAt: true,
          version: true,
          createdAt: true,
          detention: { select: { arrestedOn: true, facility: true } },
        },
      },
    },
  });
}
