/**
 * The review benchmark's data: a large, plausible database, loaded fast.
 *
 * SYNTHETIC DATA: people are random combinations of common Venezuelan given
 * names and surnames (lib/search/name-lists.ts through generatePeople), with
 * random cédulas; no real private person is meant.
 *
 * Persons are generated in TypeScript so that their search columns are what
 * the app stores (personSearchFields, the function every person write uses),
 * then inserted 5,000 at a time as arrays (one INSERT … SELECT FROM unnest per
 * batch). Everything else is set-based SQL over generate_series, a handful of
 * statements, with a deterministic hash (hashint8extended) as the random source
 * so that two runs build the same shape.
 */
import pg from "pg";
import { DEMO_FACILITIES } from "../demo/people.ts";
import { personSearchFields } from "../persons/search-fields.ts";
import { Prng } from "../search/prng.ts";
import { generatePeople } from "../search/synthetic-people.ts";

export interface ReviewBenchShape {
  organizations: number;
  moderators: number;
  volunteers: number;
  persons: number;
  releases: number;
  /** Releases waiting for review (reported or disputed), among `releases`. */
  pending: number;
  evidence: number;
}

/** The figures: 100,000 people, 120,000 releases (30,000 pending), 200,000 pieces of evidence. */
export const FULL_SHAPE: ReviewBenchShape = {
  organizations: 3,
  moderators: 20,
  volunteers: 40,
  persons: 100_000,
  releases: 120_000,
  pending: 30_000,
  evidence: 200_000,
};

/** A smaller database of the same proportions (for trying the script out quickly). */
export function scaledShape(scale: number): ReviewBenchShape {
  const of = (value: number) => Math.max(1, Math.round(value * scale));
  return { ...FULL_SHAPE, persons: of(FULL_SHAPE.persons), releases: of(FULL_SHAPE.releases), pending: of(FULL_SHAPE.pending), evidence: of(FULL_SHAPE.evidence) };
}

export interface BenchUser {
  id: string;
  organizationId: string;
}

export interface LoadedData {
  moderators: BenchUser[];
  counts: Record<string, number>;
  /** Each step and how long it took, in milliseconds. */
  steps: { step: string; ms: number }[];
  totalMs: number;
}

const PERSON_BATCH = 5_000;
const SEED = 20_260_401;
const FACILITIES = [...DEMO_FACILITIES.map(([name]) => name), "INOF (Los Teques)"];
const STATES = [
  "Distrito Capital", "Miranda", "Zulia", "Carabobo", "Lara", "Táchira", "Mérida", "Aragua", "Anzoátegui", "Bolívar",
  "Falcón", "Monagas", "Sucre", "Barinas", "Portuguesa", "La Guaira",
];
const EVIDENCE_KINDS = [
  "family_testimony", "family_testimony", "lawyer_confirmation", "lawyer_confirmation", "photo_video", "photo_video",
  "court_document", "press_report", "press_report", "official_list", "ngo_list", "social_media", "other",
];

/** `extraSql`: statements to run after the load, before ANALYZE (to try an index out). */
export async function loadReviewBenchData(
  url: string,
  shape: ReviewBenchShape,
  log: (line: string) => void,
  extraSql?: string,
): Promise<LoadedData> {
  if (shape.pending > shape.releases || shape.persons > shape.releases || shape.moderators < 3) {
    throw new Error("The shape needs pending ≤ releases, persons ≤ releases and at least 3 moderators.");
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const steps: LoadedData["steps"] = [];
  const started = performance.now();
  const step = async (name: string, work: () => Promise<unknown>) => {
    const at = performance.now();
    await work();
    const ms = performance.now() - at;
    steps.push({ step: name, ms });
    log(`  ${name.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  };
  const sql = (text: string) => client.query(text);
  try {
    // One "now" for the whole load, so that every date is relative to the same instant.
    const anchor = `'${new Date().toISOString()}'::timestamptz`;
    const { persons: P, releases: R, pending: Q, moderators: M, volunteers: V, organizations: O, evidence: E } = shape;
    // Faster bulk writes; the load is thrown away with the database if it fails.
    await sql("SET synchronous_commit = off");
    await sql("SET maintenance_work_mem = '256MB'");
    await sql(`
      CREATE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT (hashint8extended(n, salt::bigint + ${SEED}) & 9007199254740991)::float8 / 9007199254740992.0 $$`);
    // Exactly Q of 1..R, spread evenly.
    await sql(`
      CREATE FUNCTION pg_temp.is_pending(n bigint) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT (n * ${Q}) / ${R} > ((n - 1) * ${Q}) / ${R} $$`);
    // When release n was reported: pending ones within the last 180 days, decided ones 30–730 days ago.
    await sql(`
      CREATE FUNCTION pg_temp.reported_at(n bigint) RETURNS timestamptz LANGUAGE sql STABLE
      AS $$ SELECT date_trunc('milliseconds', ${anchor} - CASE WHEN pg_temp.is_pending(n)
        THEN pg_temp.rnd(n, 1) * interval '180 days'
        ELSE interval '30 days' + pg_temp.rnd(n, 1) * interval '700 days' END) $$`);

    await step(`organizations (${O}) and users (${M} moderators, ${V} volunteers)`, async () => {
      await sql(`
        INSERT INTO "Organization" (id, name, slug, "createdAt", "updatedAt")
        SELECT uuidv7(), 'Organización de prueba ' || k, 'bench-' || k, ${anchor} - interval '800 days', ${anchor}
        FROM generate_series(1, ${O}) k`);
      await sql(`CREATE TEMP TABLE bench_org AS SELECT (row_number() OVER (ORDER BY slug) - 1)::int AS k, id FROM "Organization"`);
      await sql(`
        CREATE TEMP TABLE bench_user AS
        SELECT role, k, uuidv7() AS id, k % ${O} AS org
        FROM (SELECT 'moderator'::"Role" AS role, k FROM generate_series(0, ${M - 1}) k
              UNION ALL SELECT 'volunteer'::"Role", k FROM generate_series(0, ${V - 1}) k
              UNION ALL SELECT 'admin'::"Role", 0) u`);
      await sql(`
        INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "totpEnabledAt", "createdAt", "updatedAt")
        SELECT u.id, 'bench-' || u.role || '-' || u.k || '@example.org', initcap(u.role::text) || ' ' || (u.k + 1),
               'bench: no password', u.role, o.id, CASE WHEN u.role <> 'volunteer' THEN ${anchor} - interval '790 days' END,
               ${anchor} - interval '790 days', ${anchor}
        FROM bench_user u JOIN bench_org o ON o.k = u.org`);
    });

    await step(`persons (${P.toLocaleString("en")}), names and search keys in TS`, async () => {
      const people = generatePeople(new Prng(SEED), P);
      await sql(`CREATE TEMP TABLE bench_person (n int PRIMARY KEY, id uuid NOT NULL, created timestamptz NOT NULL)`);
      for (let from = 0; from < people.length; from += PERSON_BATCH) {
        const batch = people.slice(from, from + PERSON_BATCH);
        const columns: (string | number | null)[][] = [[], [], [], [], [], [], [], [], []];
        batch.forEach((person, index) => {
          const fields = personSearchFields(person);
          const row = [
            from + index + 1,
            person.givenNames,
            person.surnames,
            person.otherSpellings.join("\u001f"),
            person.cedula,
            person.cedulaDigits,
            fields.normalizedName,
            fields.nameTokens.join(" "),
            fields.phoneticKeys.join(" "),
          ];
          row.forEach((value, column) => columns[column]!.push(value));
        });
        await client.query(
          `WITH src AS MATERIALIZED (
             SELECT u.*, pg_temp.reported_at(u.n) - pg_temp.rnd(u.n, 2) * interval '3 days' AS created
             FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
               AS u(n, given, surnames, other, cedula, digits, normalized, tokens, keys)
           ), rows AS MATERIALIZED (
             SELECT uuidv7(created - ${anchor}) AS id, * FROM src
           ), inserted AS (
             INSERT INTO "Person" (id, "givenNames", surnames, "otherSpellings", cedula, "cedulaDigits", nationality, sex,
               "birthYear", "homeState", disclosure, "organizationId", "normalizedName", "nameTokens", "phoneticKeys",
               "createdById", version, "createdAt", "updatedAt", "deletedAt")
             SELECT r.id, r.given, r.surnames,
               CASE WHEN r.other = '' THEN ARRAY[]::text[] ELSE string_to_array(r.other, E'\\x1f') END,
               r.cedula, r.digits,
               CASE WHEN r.cedula LIKE 'E%' THEN (ARRAY['CO','ES','PE','EC'])[1 + r.n % 4] ELSE 'VE' END,
               (ARRAY['female','male']::"Sex"[])[1 + floor(pg_temp.rnd(r.n, 20) * 2)::int],
               CASE WHEN pg_temp.rnd(r.n, 21) < 0.9 THEN 1950 + floor(pg_temp.rnd(r.n, 22) * 56)::int END,
               CASE WHEN pg_temp.rnd(r.n, 23) < 0.9 THEN (ARRAY[${STATES.map(quote).join(",")}])[1 + floor(pg_temp.rnd(r.n, 24) * ${STATES.length})::int] END,
               (CASE WHEN pg_temp.rnd(r.n, 25) < 0.4 THEN 'public' WHEN pg_temp.rnd(r.n, 25) < 0.85 THEN 'initials' ELSE 'withheld' END)::"Disclosure",
               o.id, r.normalized, string_to_array(r.tokens, ' '), string_to_array(r.keys, ' '),
               v.id, 1, r.created, r.created,
               CASE WHEN pg_temp.rnd(r.n, 26) < 0.005 THEN ${anchor} - interval '1 day' END
             FROM rows r
             JOIN bench_org o ON o.k = r.n % ${O}
             JOIN bench_user v ON v.role = 'volunteer' AND v.k = r.n % ${V}
           )
           INSERT INTO bench_person (n, id, created) SELECT n, id, created FROM rows`,
          columns,
        );
      }
    });

    await step(`releases (${R.toLocaleString("en")}, ${Q.toLocaleString("en")} pending)`, async () => {
      // The plan of every release: who, when, which status, which moderators review it.
      await sql(`
        CREATE TEMP TABLE bench_release AS
        WITH base AS (
          SELECT n, CASE WHEN n <= ${P} THEN n ELSE 1 + floor(pg_temp.rnd(n, 3) * ${P})::int END AS person_n,
                 pg_temp.is_pending(n) AS pending, pg_temp.rnd(n, 4) AS r_status,
                 pg_temp.rnd(n, 5) < 0.3 AS by_moderator, floor(pg_temp.rnd(n, 6) * ${M})::int AS reporter_m,
                 floor(pg_temp.rnd(n, 6) * ${V})::int AS reporter_v, floor(pg_temp.rnd(n, 7) * ${M})::int AS m1_raw,
                 1 + floor(pg_temp.rnd(n, 8) * ${M - 2})::int AS m2_step
          FROM generate_series(1, ${R}) n
        ), picked AS (
          SELECT b.*,
                 CASE WHEN b.by_moderator AND b.m1_raw = b.reporter_m THEN (b.m1_raw + 1) % ${M} ELSE b.m1_raw END AS m1
          FROM base b
        ), planned AS (
          SELECT p.*,
                 CASE WHEN p.by_moderator AND (p.m1 + p.m2_step) % ${M} = p.reporter_m
                      THEN (p.m1 + p.m2_step + 1) % ${M} ELSE (p.m1 + p.m2_step) % ${M} END AS m2,
                 (CASE WHEN p.pending THEN CASE WHEN p.r_status < 0.1 THEN 'disputed' ELSE 'reported' END
                       WHEN p.r_status < 0.11 THEN 'rejected' WHEN p.r_status < 0.12 THEN 'retracted' ELSE 'verified' END)::"ReleaseStatus" AS status,
                 greatest(pg_temp.reported_at(p.n), bp.created + interval '1 hour') AS created,
                 bp.id AS person_id
          FROM picked p JOIN bench_person bp ON bp.n = p.person_n
        )
        SELECT pl.*, uuidv7(pl.created - ${anchor}) AS id,
               u.id AS reporter_id, o.id AS org_id,
               (SELECT id FROM bench_user WHERE role = 'moderator' AND k = pl.m1) AS m1_id,
               (SELECT id FROM bench_user WHERE role = 'moderator' AND k = pl.m2) AS m2_id,
               least(pl.created + interval '1 day' + pg_temp.rnd(pl.n, 9) * interval '14 days', ${anchor} - interval '1 hour') AS decided
        FROM planned pl
        JOIN bench_user u ON (pl.by_moderator AND u.role = 'moderator' AND u.k = pl.reporter_m)
                          OR (NOT pl.by_moderator AND u.role = 'volunteer' AND u.k = pl.reporter_v)
        JOIN bench_org o ON o.k = u.org`);
      await sql(`ALTER TABLE bench_release ADD PRIMARY KEY (n)`);
      await sql(`
        INSERT INTO "Release" (id, "personId", "releasedOn", "releasedPrecision", facility, conditions, "conditionsDetail",
          status, "statusReason", "reviewRound", "verifiedAt", "reportedById", "organizationId", version, "createdAt", "updatedAt", "deletedAt")
        SELECT r.id, r.person_id,
          CASE WHEN pg_temp.rnd(r.n, 30) < 0.05 THEN NULL
               WHEN pg_temp.rnd(r.n, 30) < 0.15 THEN date_trunc('month', r.created - pg_temp.rnd(r.n, 31) * interval '20 days')::date
               ELSE (r.created - pg_temp.rnd(r.n, 31) * interval '20 days')::date END,
          (CASE WHEN pg_temp.rnd(r.n, 30) < 0.05 THEN 'unknown' WHEN pg_temp.rnd(r.n, 30) < 0.15 THEN 'month' ELSE 'day' END)::"DatePrecision",
          CASE WHEN pg_temp.rnd(r.n, 32) < 0.05 THEN NULL
               ELSE (ARRAY[${FACILITIES.map(quote).join(",")}])[1 + floor(pg_temp.rnd(r.n, 33) * ${FACILITIES.length})::int] END,
          (ARRAY['full','conditional','conditional','house_arrest','expelled','unknown']::"ReleaseConditions"[])[1 + floor(pg_temp.rnd(r.n, 34) * 6)::int],
          CASE WHEN pg_temp.rnd(r.n, 35) < 0.2 THEN 'Presentación cada ' || (7 + floor(pg_temp.rnd(r.n, 36) * 24)::int) || ' días ante el tribunal' END,
          r.status,
          CASE r.status WHEN 'rejected' THEN 'La familia desmiente la excarcelación (dato sintético)'
                        WHEN 'retracted' THEN 'Nueva detención (dato sintético)'
                        WHEN 'disputed' THEN 'Una fuente contradice la excarcelación (dato sintético)' END,
          CASE WHEN r.status = 'disputed' THEN 2 ELSE 1 END,
          CASE WHEN r.status IN ('verified', 'retracted') THEN r.decided END,
          r.reporter_id, r.org_id,
          CASE WHEN r.status = 'reported' THEN 1 WHEN r.status = 'verified' THEN 2 ELSE 3 END,
          r.created, CASE WHEN r.status = 'reported' THEN r.created ELSE r.decided END,
          CASE WHEN pg_temp.rnd(r.n, 37) < 0.003 THEN ${anchor} - interval '1 day' END
        FROM bench_release r`);
    });

    await step(`evidence (${E.toLocaleString("en")}) and stored files`, async () => {
      // Pending: 10% none, 45% one, 45% two. Decided: 25% one, 73% two, 2% three. Then
      // exactly E rows: the planned ones first, topped up with one more on decided releases.
      await sql(`
        CREATE TEMP TABLE bench_evidence AS
        WITH counts AS (
          SELECT r.*, CASE WHEN r.pending THEN CASE WHEN pg_temp.rnd(r.n, 40) < 0.1 THEN 0 WHEN pg_temp.rnd(r.n, 40) < 0.55 THEN 1 ELSE 2 END
                           ELSE CASE WHEN pg_temp.rnd(r.n, 40) < 0.25 THEN 1 WHEN pg_temp.rnd(r.n, 40) < 0.98 THEN 2 ELSE 3 END END AS planned
          FROM bench_release r
        ), candidates AS (
          SELECT c.*, k, 0 AS extra FROM counts c CROSS JOIN LATERAL generate_series(1, c.planned) k
          UNION ALL
          SELECT c.*, c.planned + 1, 1 FROM counts c WHERE NOT c.pending
        )
        SELECT c.n, c.k, c.id AS release_id, c.reporter_id, c.created AS release_created, (c.n::bigint * 8 + c.k) AS h,
               least(c.created + c.k * interval '3 hours', ${anchor} - interval '1 minute') AS created
        FROM candidates c
        ORDER BY c.extra, c.n, c.k
        LIMIT ${E}`);
      await sql(`
        INSERT INTO "StoredFile" (sha256, size, "contentType", "createdAt")
        SELECT encode(sha256(convert_to('bench-file-' || e.n || '-' || e.k, 'UTF8')), 'hex'),
               20000 + floor(pg_temp.rnd(e.h, 41) * 3000000)::int,
               CASE WHEN pg_temp.rnd(e.h, 42) < 0.5 THEN 'application/pdf' ELSE 'image/jpeg' END, e.created
        FROM bench_evidence e WHERE pg_temp.rnd(e.h, 43) < 0.4`);
      await sql(`
        INSERT INTO "Evidence" (id, "releaseId", kind, url, "fileSha256", "fileName", description, "obtainedOn", "isPublic",
          "addedById", "createdAt", "deletedAt")
        SELECT uuidv7(e.created - ${anchor}), e.release_id, k.kind::"EvidenceKind",
          CASE WHEN pg_temp.rnd(e.h, 43) < 0.4 THEN NULL ELSE 'https://example.org/bench/' || e.n || '/' || e.k END,
          CASE WHEN pg_temp.rnd(e.h, 43) < 0.4 THEN encode(sha256(convert_to('bench-file-' || e.n || '-' || e.k, 'UTF8')), 'hex') END,
          CASE WHEN pg_temp.rnd(e.h, 43) < 0.4 THEN 'constancia-' || e.n || '-' || e.k || CASE WHEN pg_temp.rnd(e.h, 42) < 0.5 THEN '.pdf' ELSE '.jpg' END END,
          'Constancia sintética: ' || replace(k.kind, '_', ' ') || ' sobre la excarcelación',
          CASE WHEN pg_temp.rnd(e.h, 44) < 0.7 THEN e.release_created::date END,
          pg_temp.rnd(e.h, 45) < 0.3, e.reporter_id, e.created,
          CASE WHEN pg_temp.rnd(e.h, 46) < 0.01 THEN ${anchor} - interval '1 day' END
        FROM bench_evidence e
        CROSS JOIN LATERAL (SELECT (ARRAY[${EVIDENCE_KINDS.map(quote).join(",")}])[1 + floor(pg_temp.rnd(e.h, 47) * ${EVIDENCE_KINDS.length})::int] AS kind) k`);
    });

    await step("reviews and status changes", async () => {
      // Verified and retracted: two approvals. Rejected: a rejection, half of them after an approval.
      // Disputed: two approvals in round 1, 30% with an approval in round 2. Reported: 30% with one
      // approval, 3% with a request for evidence.
      await sql(`
        INSERT INTO "Review" (id, "releaseId", "reviewerId", round, decision, reason, "createdAt")
        SELECT uuidv7(x.at - ${anchor}), x.release_id, x.reviewer, x.round, x.decision::"ReviewDecision", x.reason, x.at
        FROM (
          SELECT r.id AS release_id, r.m1_id AS reviewer, 1 AS round, 'approve' AS decision, NULL AS reason,
                 r.created + (r.decided - r.created) / 2 AS at
          FROM bench_release r WHERE r.status IN ('verified', 'retracted', 'disputed')
          UNION ALL
          SELECT r.id, r.m2_id, 1, 'approve', NULL, r.decided
          FROM bench_release r WHERE r.status IN ('verified', 'retracted', 'disputed')
             OR (r.status = 'rejected' AND pg_temp.rnd(r.n, 50) < 0.5)
          UNION ALL
          SELECT r.id, r.m1_id, 1, 'reject', 'No hay constancia suficiente (dato sintético)', r.decided + interval '1 minute'
          FROM bench_release r WHERE r.status = 'rejected'
          UNION ALL
          SELECT r.id, r.m1_id, 2, 'approve', NULL, r.decided + (${anchor} - r.decided) * pg_temp.rnd(r.n, 51)
          FROM bench_release r WHERE r.status = 'disputed' AND pg_temp.rnd(r.n, 52) < 0.3
          UNION ALL
          SELECT r.id, r.m1_id, 1, 'approve', NULL, r.created + (${anchor} - r.created) * pg_temp.rnd(r.n, 51)
          FROM bench_release r WHERE r.status = 'reported' AND pg_temp.rnd(r.n, 52) < 0.3
          UNION ALL
          SELECT r.id, r.m2_id, 1, 'request_evidence', 'Falta una constancia del tribunal (dato sintético)',
                 r.created + (${anchor} - r.created) * pg_temp.rnd(r.n, 53)
          FROM bench_release r WHERE r.status = 'reported' AND pg_temp.rnd(r.n, 52) BETWEEN 0.3 AND 0.33
        ) x`);
      await sql(`
        INSERT INTO "ReleaseStatusChange" ("releaseId", "fromStatus", "toStatus", reason, "changedAt", "changedById")
        SELECT x.release_id, x.from_status::"ReleaseStatus", x.to_status::"ReleaseStatus", x.reason, x.at, x.by
        FROM (
          SELECT r.id AS release_id, NULL AS from_status, 'reported' AS to_status, NULL AS reason, r.created AS at, r.reporter_id AS by, r.n, 1 AS seq
          FROM bench_release r
          UNION ALL
          SELECT r.id, 'reported', 'verified', NULL, r.decided, r.m2_id, r.n, 2
          FROM bench_release r WHERE r.status IN ('verified', 'retracted', 'disputed')
          UNION ALL
          SELECT r.id, 'reported', 'rejected', 'No hay constancia suficiente (dato sintético)', r.decided + interval '1 minute', r.m1_id, r.n, 2
          FROM bench_release r WHERE r.status = 'rejected'
          UNION ALL
          SELECT r.id, 'verified', r.status::text, 'Dato sintético', r.decided + interval '2 minutes', r.m1_id, r.n, 3
          FROM bench_release r WHERE r.status IN ('retracted', 'disputed')
        ) x
        ORDER BY x.at, x.n, x.seq`);
    });

    await step("audit trail (one event per release report)", async () => {
      // Synthetic hashes: the chain's shape and size, not a chain that verifies.
      await sql(`
        INSERT INTO "AuditEvent" (at, "actorId", "actorKind", action, "entityType", "entityId", "before", "after", "prevHash", hash)
        SELECT r.created, r.reporter_id, 'user', 'release.create', 'Release', r.id::text, NULL,
               jsonb_build_object('status', 'reported', 'personId', r.person_id),
               coalesce(lag(h.hash) OVER (ORDER BY r.created, r.n), repeat('0', 64)), h.hash
        FROM bench_release r
        CROSS JOIN LATERAL (SELECT encode(sha256(convert_to('bench-audit-' || r.n, 'UTF8')), 'hex') AS hash) h
        ORDER BY r.created, r.n`);
    });

    if (extraSql) {
      await step(`extra SQL: ${extraSql.replace(/\s+/g, " ").slice(0, 60)}`, async () => {
        await sql(extraSql);
      });
    }

    await step("VACUUM ANALYZE", async () => {
      await sql("VACUUM (ANALYZE)");
    });

    const counts: Record<string, number> = {};
    for (const table of ["Person", "Release", "Evidence", "Review", "ReleaseStatusChange", "AuditEvent", "StoredFile", "User"]) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "${table}"`);
      counts[table] = Number(rows[0]!.count);
    }
    const pending = await client.query<{ count: string }>(`SELECT count(*) FROM "Release" WHERE status IN ('reported', 'disputed')`);
    counts["Release (reported or disputed)"] = Number(pending.rows[0]!.count);

    const moderators = await client.query<{ id: string; organizationId: string }>(
      `SELECT u.id, u."organizationId" FROM bench_user b JOIN "User" u ON u.id = b.id WHERE b.role = 'moderator' ORDER BY b.k`,
    );
    return { moderators: moderators.rows, counts, steps, totalMs: performance.now() - started };
  } finally {
    await client.end();
  }
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
