/**
 * The tally benchmark's data, on top of the search benchmark's million people
 * (lib/bench/search-data.ts): releases with a status history, announcements
 * with their versions, and name lists with their links.
 *
 * SYNTHETIC DATA, made in SQL from a fixed seed (setseed), so every run has
 * the same shape:
 * - `releases` releases of distinct people, released between 2024-01-01 and
 *   2026-08-18 (9 in 10 known to the day, 7 in 100 only to the month, the rest
 *   of unknown date); one person in ten a foreigner (ES, CO, AR, US, IT, PT,
 *   DE), the disclosure of the person as loaded (some withheld);
 * - each release reported 0–10 days after its date, and then: 70 % verified
 *   1–20 days later, of which 1 in 14 later disputed and 1 in 14 retracted;
 *   5 % rejected; the rest still reported; 1 % deleted since;
 * - `announcements` claims on every basis, qualifier and scope, stated
 *   across the same period, each recorded the day after, a quarter of them
 *   corrected once a few days later;
 * - `lists` of those claims with a name list of `listLines` lines each:
 *   most linked automatically to people with a release, some confirmed by a
 *   moderator later, the rest pending.
 */
import pg from "pg";

export interface TallyBenchShape {
  releases: number;
  announcements: number;
  lists: number;
  listLines: number;
}

export const FULL_TALLY_SHAPE: TallyBenchShape = { releases: 200_000, announcements: 1_000, lists: 10, listLines: 300 };

export interface TallyBenchData {
  /** Days with something on record, for picking as-of dates. */
  firstDay: string;
  lastDay: string;
  counts: { releases: number; statusChanges: number; announcements: number; revisions: number; listLines: number };
  ms: number;
}

export async function loadTallyBenchData(url: string, shape: TallyBenchShape, log: (line: string) => void): Promise<TallyBenchData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SELECT setseed(0.2026)");
    const { rows: org } = await client.query<{ id: string }>(`SELECT id FROM "Organization" ORDER BY "createdAt" LIMIT 1`);
    const organizationId = org[0]!.id;

    log(`  ${shape.releases.toLocaleString("en")} releases…`);
    // The people released: distinct, drawn at random; one in ten made a foreigner.
    await client.query(`CREATE TEMP TABLE chosen AS
      SELECT id AS "personId", row_number() OVER () AS n FROM (
        SELECT id FROM "Person" ORDER BY md5(id::text) LIMIT $1) p`, [shape.releases]);
    await client.query(`UPDATE "Person" p SET nationality = (ARRAY['ES','CO','AR','US','IT','PT','DE'])[1 + (c.n % 7)]
      FROM chosen c WHERE c."personId" = p.id AND c.n % 10 = 0`);
    await client.query(`CREATE TEMP TABLE plan AS
      SELECT c."personId", uuidv7() AS id,
             DATE '2024-01-01' + (random() * 960)::int AS day,
             random() AS precision_draw, random() AS fate, random() AS twist, random() AS deleted_draw,
             (random() * 10)::int AS report_lag, 1 + (random() * 19)::int AS verify_lag, 5 + (random() * 40)::int AS twist_lag
        FROM chosen c`);
    await client.query(`INSERT INTO "Release" (id, "personId", "organizationId", "releasedOn", "releasedPrecision", status,
                                               "verifiedAt", "reviewRound", "deletedAt", "updatedAt")
      SELECT id, "personId", $1,
             CASE WHEN precision_draw < 0.90 THEN day WHEN precision_draw < 0.97 THEN date_trunc('month', day)::date END,
             (CASE WHEN precision_draw < 0.90 THEN 'day' WHEN precision_draw < 0.97 THEN 'month' ELSE 'unknown' END)::"DatePrecision",
             (CASE WHEN fate < 0.70 THEN (CASE WHEN twist < 1.0/14 THEN 'disputed' WHEN twist < 2.0/14 THEN 'retracted' ELSE 'verified' END)
                   WHEN fate < 0.75 THEN 'rejected' ELSE 'reported' END)::"ReleaseStatus",
             CASE WHEN fate < 0.70 AND twist >= 2.0/14 THEN (day + report_lag + verify_lag)::timestamptz + interval '15 hours' END,
             CASE WHEN fate < 0.70 AND twist < 1.0/14 THEN 2 ELSE 1 END,
             CASE WHEN deleted_draw < 0.01 THEN (day + report_lag + 60)::timestamptz END,
             now()
        FROM plan`, [organizationId]);
    // Their histories: reported; then verified or rejected; then disputed or retracted.
    await client.query(`INSERT INTO "ReleaseStatusChange" ("releaseId", "fromStatus", "toStatus", "changedAt")
      SELECT id, NULL::"ReleaseStatus", 'reported'::"ReleaseStatus", (day + report_lag)::timestamptz + interval '14 hours' FROM plan
      UNION ALL
      SELECT id, 'reported'::"ReleaseStatus", CASE WHEN fate < 0.70 THEN 'verified' ELSE 'rejected' END::"ReleaseStatus",
             (day + report_lag + verify_lag)::timestamptz + interval '15 hours' FROM plan WHERE fate < 0.75
      UNION ALL
      SELECT id, 'verified'::"ReleaseStatus", CASE WHEN twist < 1.0/14 THEN 'disputed' ELSE 'retracted' END::"ReleaseStatus",
             (day + report_lag + verify_lag + twist_lag)::timestamptz + interval '16 hours' FROM plan WHERE fate < 0.70 AND twist < 2.0/14`);

    log(`  ${shape.announcements.toLocaleString("en")} announcements…`);
    await client.query(`CREATE TEMP TABLE claims AS
      SELECT uuidv7() AS id, g AS n,
             DATE '2024-01-15' + (random() * 1040)::int AS stated,
             (ARRAY['government','ngo','opposition','press','foreign_government'])[1 + (g % 5)] AS kind,
             (ARRAY['window','cumulative_since','single_day','as_of','unspecified'])[1 + ((g / 5) % 5)] AS basis,
             (ARRAY['exact','at_least','about','range'])[1 + ((g / 25) % 4)] AS qualifier,
             (ARRAY['all','all','nationals','foreigners','nationality'])[1 + ((g / 7) % 5)] AS scope,
             (random() * 90)::int AS span, 10 + (random() * 2000)::int AS value,
             g % 4 = 0 AS corrected
        FROM generate_series(1, $1) g`, [shape.announcements]);
    await client.query(`CREATE TEMP TABLE claim_rows AS
      SELECT c.*, CASE WHEN basis = 'single_day' THEN 'released' WHEN n % 17 = 0 THEN 'detained' ELSE 'released' END AS measure,
             CASE WHEN basis IN ('window','cumulative_since') THEN stated - span END AS covers_from,
             CASE WHEN basis = 'window' THEN stated - span / 3 END AS covers_to,
             CASE WHEN basis IN ('single_day','as_of') THEN stated - (span % 3) END AS covers_date
        FROM claims c`);
    await client.query(`INSERT INTO "Announcement" (id, claimant, "claimantKind", "statedOn", measure, qualifier, value, min, max,
                                                    basis, "coversFrom", "coversTo", "coversDate", "scopeKind", "scopeNationality",
                                                    "organizationId", version, "createdAt", "updatedAt")
      SELECT id, 'Claimant ' || n, kind::"ClaimantKind", stated, measure::"Measure", qualifier::"CountQualifier",
             CASE WHEN qualifier <> 'range' THEN value END, CASE WHEN qualifier = 'range' THEN value END,
             CASE WHEN qualifier = 'range' THEN value + 50 END,
             basis::"CoverageBasis", covers_from, covers_to, covers_date, scope::"ScopeKind",
             CASE WHEN scope = 'nationality' THEN 'ES' END, $1, CASE WHEN corrected THEN 2 ELSE 1 END,
             (stated + 1)::timestamptz + interval '16 hours', now()
        FROM claim_rows`, [organizationId]);
    // Versions, in the shape lib/announcements/revision.ts writes (the migration's backfill builds the same).
    const snapshot = (value: string) => `jsonb_build_object(
        'claimant', 'Claimant ' || n, 'claimantKind', kind, 'statedOn', to_char(stated, 'YYYY-MM-DD'),
        'statedOnApproximate', false, 'measure', measure, 'qualifier', qualifier,
        'value', CASE WHEN qualifier <> 'range' THEN ${value} END, 'min', CASE WHEN qualifier = 'range' THEN ${value} END,
        'max', CASE WHEN qualifier = 'range' THEN ${value} + 50 END, 'breakdown', NULL, 'basis', basis,
        'coversFrom', to_char(covers_from, 'YYYY-MM-DD'), 'coversTo', to_char(covers_to, 'YYYY-MM-DD'),
        'coversDate', to_char(covers_date, 'YYYY-MM-DD'), 'scopeKind', scope,
        'scopeNationality', CASE WHEN scope = 'nationality' THEN 'ES' END, 'sourceUrl', NULL, 'sourceDescription', NULL,
        'quote', NULL, 'quoteLang', NULL, 'note', NULL, 'archivedFileSha256', NULL, 'archivedUrl', NULL,
        'status', 'active', 'supersededById', NULL, 'deleted', false)`;
    await client.query(`INSERT INTO "AnnouncementRevision" ("announcementId", version, snapshot, "changedAt")
      SELECT id, 1, ${snapshot("CASE WHEN corrected THEN value - 5 ELSE value END")}, (stated + 1)::timestamptz + interval '16 hours' FROM claim_rows
      UNION ALL
      SELECT id, 2, ${snapshot("value")}, (stated + 4)::timestamptz + interval '10 hours' FROM claim_rows WHERE corrected`);

    log(`  ${shape.lists} name lists of ${shape.listLines} lines…`);
    await client.query(`CREATE TEMP TABLE listed AS
      SELECT l.id AS "announcementId", l.stated, line, p."personId", random() AS how
        FROM (SELECT id, stated FROM claim_rows WHERE measure = 'released' ORDER BY n LIMIT $1) l
        CROSS JOIN generate_series(1, $2) line
        CROSS JOIN LATERAL (SELECT "personId" FROM chosen WHERE n = 1 + ((hashint4(line * 7919 + l.stated - DATE '2024-01-01') & 2147483647) % $3)) p`,
      [shape.lists, shape.listLines, shape.releases]);
    await client.query(`INSERT INTO "AnnouncedName" (id, "announcementId", position, "nameAsPrinted", "normalizedName", "lineKey",
                                                     "personId", "linkMethod", "decidedAt", "createdAt")
      SELECT uuidv7(), l."announcementId", l.line, 'NOMBRE ' || l.line, 'nombre ' || l.line,
             md5(l."announcementId"::text || l.line) || md5(l.line::text),
             CASE WHEN how < 0.85 THEN l."personId" END,
             (CASE WHEN how < 0.70 THEN 'automatic' WHEN how < 0.85 THEN 'confirmed' ELSE 'pending' END)::"NameLinkMethod",
             CASE WHEN how >= 0.70 AND how < 0.85 THEN (l.stated + 5)::timestamptz END,
             (l.stated + 2)::timestamptz
        FROM listed l`);
    // The running-count tables were updated once per status change: VACUUM drops the dead versions, as autovacuum would.
    await client.query("VACUUM ANALYZE");

    const { rows } = await client.query<Record<string, string>>(`SELECT
        (SELECT count(*) FROM "Release") AS releases, (SELECT count(*) FROM "ReleaseStatusChange") AS changes,
        (SELECT count(*) FROM "Announcement") AS announcements, (SELECT count(*) FROM "AnnouncementRevision") AS revisions,
        (SELECT count(*) FROM "AnnouncedName") AS lines,
        (SELECT to_char(min("changedAt"), 'YYYY-MM-DD') FROM "ReleaseStatusChange") AS first_day,
        (SELECT to_char(max("changedAt"), 'YYYY-MM-DD') FROM "ReleaseStatusChange") AS last_day`);
    const r = rows[0]!;
    return {
      firstDay: r.first_day!,
      lastDay: r.last_day!,
      counts: {
        releases: Number(r.releases),
        statusChanges: Number(r.changes),
        announcements: Number(r.announcements),
        revisions: Number(r.revisions),
        listLines: Number(r.lines),
      },
      ms: performance.now() - started,
    };
  } finally {
    await client.end();
  }
}
