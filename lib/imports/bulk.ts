import type { Prisma, Tx } from "../db/client.ts";

/**
 * The inserts of an import batch, as raw SQL: each table's rows go as one
 * JSON parameter expanded by jsonb_to_recordset. Prisma's createMany sends
 * every value as its own parameter and spent about 1 ms a row on a batch of
 * 500 people (BENCHMARKS.md, bench:import); this is one statement a table
 * with one parameter. The columns are listed here exactly as the migrations
 * create them; a test on a real database (imports.integration.test.ts) reads
 * every written row back through Prisma.
 */

type Rows<T> = readonly T[];
const json = (rows: Rows<unknown>) => JSON.stringify(rows);

export async function insertPersons(tx: Tx, rows: Rows<Prisma.PersonCreateManyInput>): Promise<void> {
  if (rows.length === 0) return;
  // Raw SQL: one statement for the batch (see above).
  await tx.$executeRaw`
    INSERT INTO "Person" (id, "givenNames", surnames, cedula, "cedulaDigits", nationality, sex, "birthYear", "homeState", notes,
                          disclosure, "organizationId", "externalRef", "normalizedName", "nameTokens", "phoneticKeys", "createdById",
                          "createdAt", "updatedAt")
    SELECT id, "givenNames", surnames, cedula, "cedulaDigits", nationality, sex, "birthYear", "homeState", notes,
           disclosure, "organizationId", "externalRef", "normalizedName", "nameTokens", "phoneticKeys", "createdById",
           "createdAt", "createdAt"
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(
      id uuid, "givenNames" text, surnames text, cedula text, "cedulaDigits" text, nationality text, sex "Sex", "birthYear" smallint,
      "homeState" text, notes text, disclosure "Disclosure", "organizationId" uuid, "externalRef" text, "normalizedName" text,
      "nameTokens" text[], "phoneticKeys" text[], "createdById" uuid, "createdAt" timestamptz)`;
}

export async function insertDetentions(tx: Tx, rows: Rows<Prisma.DetentionCreateManyInput>): Promise<void> {
  if (rows.length === 0) return;
  // Raw SQL: one statement for the batch (see above).
  await tx.$executeRaw`
    INSERT INTO "Detention" (id, "personId", "arrestedOn", facility, source, "createdById", "updatedAt")
    SELECT id, "personId", "arrestedOn", facility, source, "createdById", now()
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(id uuid, "personId" uuid, "arrestedOn" date, facility text, source text, "createdById" uuid)`;
}

export async function insertReleases(tx: Tx, rows: Rows<Prisma.ReleaseCreateManyInput>): Promise<void> {
  if (rows.length === 0) return;
  // Raw SQL: one statement for the batch (see above).
  await tx.$executeRaw`
    INSERT INTO "Release" (id, "personId", "detentionId", "releasedOn", "releasedPrecision", facility, conditions, "conditionsDetail",
                           "reportedById", "organizationId", "importId", "createdAt", "updatedAt")
    SELECT id, "personId", "detentionId", "releasedOn", "releasedPrecision", facility, conditions, "conditionsDetail",
           "reportedById", "organizationId", "importId", "createdAt", "createdAt"
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(
      id uuid, "personId" uuid, "detentionId" uuid, "releasedOn" date, "releasedPrecision" "DatePrecision", facility text,
      conditions "ReleaseConditions", "conditionsDetail" text, "reportedById" uuid, "organizationId" uuid, "importId" uuid,
      "createdAt" timestamptz)`;
}

export async function insertStatusChanges(tx: Tx, rows: Rows<Prisma.ReleaseStatusChangeCreateManyInput>): Promise<void> {
  if (rows.length === 0) return;
  // Raw SQL: one statement for the batch (see above).
  await tx.$executeRaw`
    INSERT INTO "ReleaseStatusChange" ("releaseId", "fromStatus", "toStatus", "changedById", "changedAt")
    SELECT "releaseId", "fromStatus", "toStatus", "changedById", "changedAt"
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(
      "releaseId" uuid, "fromStatus" "ReleaseStatus", "toStatus" "ReleaseStatus", "changedById" uuid, "changedAt" timestamptz)`;
}

export async function insertEvidence(tx: Tx, rows: Rows<Prisma.EvidenceCreateManyInput>): Promise<void> {
  if (rows.length === 0) return;
  // Raw SQL: one statement for the batch (see above).
  await tx.$executeRaw`
    INSERT INTO "Evidence" (id, "releaseId", kind, description, "fileSha256", "fileName", "isPublic", "addedById", "importId")
    SELECT id, "releaseId", kind, description, "fileSha256", "fileName", "isPublic", "addedById", "importId"
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(
      id uuid, "releaseId" uuid, kind "EvidenceKind", description text, "fileSha256" text, "fileName" text, "isPublic" boolean,
      "addedById" uuid, "importId" uuid)`;
}

export interface ImportRowInsert {
  id: string;
  importId: string;
  rowNumber: number;
  externalId: string | null;
  status: "created" | "updated" | "unchanged" | "duplicate" | "error";
  personId: string | null;
  errors: unknown;
  data: unknown;
}

/** A row already written (a batch retried after its commit was lost) is left as it is. */
export async function insertImportRows(tx: Tx, rows: Rows<ImportRowInsert>): Promise<void> {
  if (rows.length === 0) return;
  // Raw SQL: one statement for the batch (see above).
  await tx.$executeRaw`
    INSERT INTO "ImportRow" (id, "importId", "rowNumber", "externalId", status, "personId", errors, data)
    SELECT id, "importId", "rowNumber", "externalId", status, "personId", errors, data
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(
      id uuid, "importId" uuid, "rowNumber" int, "externalId" text, status "ImportRowStatus", "personId" uuid, errors jsonb, data jsonb)
    ON CONFLICT ("importId", "rowNumber") DO NOTHING`;
}
