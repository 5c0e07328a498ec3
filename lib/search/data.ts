import { db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { DatePrecision, Disclosure } from "../generated/prisma/enums.ts";
import { publicPersonView, type PublicPerson } from "../persons/public.ts";
import { likePrefix } from "./like.ts";
import { nameTokens, parseCedula } from "./normalize.ts";

export type PublicPersonStatus = "verified" | "reported" | "detained";

export interface PublicSearchResult {
  person: PublicPerson & { displayName: string };
  status: PublicPersonStatus;
  /** The release the status speaks of: the latest verified one, else the latest reported one. */
  releasedOn: Date | null;
  releasedPrecision: DatePrecision | null;
}

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LIMIT = 50;
/** More words than this add nothing to a name search but cost. */
const MAX_TOKENS = 8;

interface Row {
  id: string;
  givenNames: string;
  surnames: string;
  disclosure: Disclosure;
  status: PublicPersonStatus;
  releasedOn: Date | null;
  releasedPrecision: DatePrecision | null;
}

/**
 * The public search, simple for now (the tolerant matching of DESIGN.md rule 5 comes later):
 *
 * - fewer than 2 characters after trimming: nothing;
 * - a cédula in any format: the person whose cedulaDigits are equal, even with
 *   initials-only disclosure (whoever types a full cédula already knows it);
 * - otherwise every folded word of the query must begin some word of the name,
 *   among persons whose names are public.
 *
 * Never a withheld person, a deleted one or one merged into another. Status
 * comes from the person's current releases. Results pass through publicPersonView.
 */
export async function searchPublic(query: string, limit: number): Promise<PublicSearchResult[]> {
  const text = query.trim();
  if (text.length < SEARCH_MIN_LENGTH) return [];
  const take = Math.min(Math.max(1, Math.trunc(limit) || 1), SEARCH_MAX_LIMIT);

  const cedula = parseCedula(text);
  let where: Prisma.Sql;
  let rank: Prisma.Sql = Prisma.empty;
  if (cedula) {
    where = Prisma.sql`p."cedulaDigits" = ${cedula.digits} AND p."disclosure" IN ('public', 'initials')`;
  } else {
    const tokens = [...new Set(nameTokens(text))].slice(0, MAX_TOKENS);
    if (tokens.length === 0) return [];
    const prefixConditions = tokens.map(
      (token) =>
        Prisma.sql`EXISTS (SELECT 1 FROM unnest(p."nameTokens") AS nt(word) WHERE nt.word LIKE ${likePrefix(token)} ESCAPE '\\')`,
    );
    where = Prisma.sql`p."disclosure" = 'public' AND ${Prisma.join(prefixConditions, " AND ")}`;
    // Whole-word matches first: "ana" finds Ana before Anabel.
    rank = Prisma.sql`cardinality(ARRAY(SELECT unnest(p."nameTokens") INTERSECT SELECT unnest(${tokens}::text[]))) DESC,`;
  }

  const rows = await db().$queryRaw<Row[]>`
    SELECT p."id", p."givenNames", p."surnames", p."disclosure"::text AS "disclosure",
           CASE WHEN EXISTS (SELECT 1 FROM "Release" r
                              WHERE r."personId" = p."id" AND r."deletedAt" IS NULL AND r."status" = 'verified')
                  THEN 'verified'
                WHEN EXISTS (SELECT 1 FROM "Release" r
                              WHERE r."personId" = p."id" AND r."deletedAt" IS NULL AND r."status" IN ('reported', 'disputed'))
                  THEN 'reported'
                ELSE 'detained' END AS "status",
           rel."releasedOn", rel."releasedPrecision"::text AS "releasedPrecision"
      FROM "Person" p
      LEFT JOIN LATERAL (
        SELECT r."releasedOn", r."releasedPrecision"
          FROM "Release" r
         WHERE r."personId" = p."id" AND r."deletedAt" IS NULL
           AND r."status" IN ('verified', 'reported', 'disputed')
         ORDER BY (r."status" = 'verified') DESC, r."releasedOn" DESC NULLS LAST, r."createdAt" DESC
         LIMIT 1
      ) rel ON true
     WHERE p."deletedAt" IS NULL
       AND p."mergedIntoId" IS NULL
       AND ${where}
     ORDER BY ${rank} p."normalizedName", p."id"
     LIMIT ${take}`;

  const results: PublicSearchResult[] = [];
  for (const row of rows) {
    const person = publicPersonView(row);
    if (person.displayName === null) continue; // never a withheld person, whatever the query said
    results.push({
      person: { ...person, displayName: person.displayName },
      status: row.status,
      releasedOn: row.releasedOn,
      releasedPrecision: row.releasedPrecision,
    });
  }
  return results;
}
