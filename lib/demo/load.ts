/**
 * Loads the demo data (DESIGN.md, "Demo data"): three fictional member
 * organizations, four accounts, the announcements of December 2025 and
 * January 2026, and some 300 synthetic people whose releases tell the story
 * of January 2026.
 *
 * Idempotent: the loaded version is recorded in SystemState (key "demo"), in
 * the same transaction as the data, so a second call on the same database
 * loads nothing, and a failed load leaves nothing behind. A database that has
 * any demo version recorded is left alone (demo data is not migrated between
 * versions). Every created record gets an audit event, acted by the demo
 * loader (recordAuditBatch in lib/audit/mutations.ts). Ids are UUIDv7 made from a seeded generator,
 * so every load produces the same records with the same ids.
 */
import { db, type Prisma, type Tx } from "../db/client.ts";
import type { AuditInput } from "../audit/mutations.ts";
import { recordAuditBatch } from "../audit/mutations.ts";
import { systemActor } from "../auth/actor.ts";
import { hashPassword } from "../auth/password.ts";
import { personSearchFields } from "../persons/search-fields.ts";
import { parseCedula } from "../search/normalize.ts";
import { atUtc, dbDate } from "./dates.ts";
import {
  DEMO_ORGANIZATIONS,
  DEMO_SETUP_AT,
  DEMO_STATE_KEY,
  DEMO_USERS,
  DEMO_VERSION,
  type DemoOrganizationSlug,
  type DemoUserKey,
} from "./fixtures.ts";
import { buildDemoPlan, summarizePlan, type DemoPlan } from "./plan.ts";
import { announcementSnapshot } from "../announcements/revision.ts";
import { uuidV7 } from "../db/uuid.ts";
import { mulberry32, type Rng } from "./prng.ts";
import { nameListRows } from "./name-list.ts";

export { DEMO_USERS, DEMO_ORGANIZATIONS, DEMO_VERSION } from "./fixtures.ts";

export interface DemoCredentials {
  email: string;
  password: string;
  role: "volunteer" | "moderator" | "admin";
  name: string;
}

export interface LoadDemoResult {
  loaded: boolean;
  users: DemoCredentials[];
}

const DEMO_ID_SEED = 20260108;
// Transaction-scoped advisory lock: two launchers starting at once load the demo once.
const DEMO_LOAD_LOCK = 0x64656d6f; // "demo"
const BATCH = 1000;

export async function loadDemo(options: { log?: (line: string) => void } = {}): Promise<LoadDemoResult> {
  const log = options.log ?? (() => undefined);
  const users = DEMO_USERS.map(({ email, password, role, name }) => ({ email, password, role, name }));

  const existing = await db().systemState.findUnique({ where: { key: DEMO_STATE_KEY } });
  if (existing) {
    log(`Demo data already loaded (${describeState(existing.value)}); nothing to do.`);
    return { loaded: false, users };
  }

  const started = Date.now();
  const plan = buildDemoPlan();
  // Hashed before the transaction, which then stays short.
  const passwordHashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  const rows = buildRows(plan, passwordHashes);

  const loaded = await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOAD_LOCK})`;
      if (await tx.systemState.findUnique({ where: { key: DEMO_STATE_KEY } })) return false;
      const leftovers = await tx.organization.count({ where: { slug: { in: DEMO_ORGANIZATIONS.map((o) => o.slug) } } });
      if (leftovers > 0) {
        throw new Error(
          `Demo organizations already exist but SystemState has no "${DEMO_STATE_KEY}" record: ` +
            "the database holds demo data from elsewhere. Start with an empty database, or with CONSTANCIA_DEMO=0.",
        );
      }
      await writeRows(tx, rows);
      await tx.systemState.create({
        data: {
          key: DEMO_STATE_KEY,
          value: { version: DEMO_VERSION, loadedAt: new Date().toISOString(), counts: summarizePlan(plan) },
        },
      });
      return true;
    },
    { maxWait: 30_000, timeout: 300_000 },
  );

  if (!loaded) {
    log("Demo data was loaded by another process; nothing to do.");
    return { loaded: false, users };
  }
  const summary = summarizePlan(plan);
  const statuses = Object.entries(summary.releasesByStatus)
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  log(
    `Demo data ${DEMO_VERSION} loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${summary.announcements} announcements, ${summary.people} people, ${summary.releases} releases (${statuses}), ` +
      `${summary.evidence} pieces of evidence, ${summary.reviews} reviews.`,
  );
  return { loaded: true, users };
}

function describeState(value: unknown): string {
  if (value && typeof value === "object" && "version" in value) return `version ${String((value as { version: unknown }).version)}`;
  return "unknown version";
}

// ───────────────────────────── plan → rows ─────────────────────────────

interface Rows {
  organizations: Prisma.OrganizationCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  announcements: Prisma.AnnouncementCreateManyInput[];
  announcementRevisions: Prisma.AnnouncementRevisionCreateManyInput[];
  persons: Prisma.PersonCreateManyInput[];
  detentions: Prisma.DetentionCreateManyInput[];
  releases: Prisma.ReleaseCreateManyInput[];
  statusChanges: Prisma.ReleaseStatusChangeCreateManyInput[];
  evidence: Prisma.EvidenceCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  imports: Prisma.ImportCreateManyInput[];
  announcedNames: Prisma.AnnouncedNameCreateManyInput[];
}

/** Every row of the demo, with ids made here (UUIDv7 at the record's story time, from a seeded generator). */
export function buildRows(plan: DemoPlan, passwordHashes: readonly string[]): Rows {
  const rng: Rng = mulberry32(DEMO_ID_SEED);
  const rows: Rows = {
    organizations: [],
    users: [],
    announcements: [],
    announcementRevisions: [],
    persons: [],
    detentions: [],
    releases: [],
    statusChanges: [],
    evidence: [],
    reviews: [],
    imports: [],
    announcedNames: [],
  };

  const orgId = new Map<DemoOrganizationSlug, string>();
  for (const org of DEMO_ORGANIZATIONS) {
    const id = uuidV7(DEMO_SETUP_AT, rng);
    orgId.set(org.slug, id);
    rows.organizations.push({ id, name: org.name, slug: org.slug, isDemo: true, createdAt: DEMO_SETUP_AT, updatedAt: DEMO_SETUP_AT });
  }

  const userId = new Map<DemoUserKey, string>();
  DEMO_USERS.forEach((user, i) => {
    const id = uuidV7(DEMO_SETUP_AT, rng);
    userId.set(user.key, id);
    rows.users.push({
      id,
      email: user.email,
      name: user.name,
      passwordHash: passwordHashes[i]!,
      role: user.role,
      organizationId: orgId.get(user.organizationSlug)!,
      locale: "es",
      isDemo: true,
      createdAt: DEMO_SETUP_AT,
      updatedAt: DEMO_SETUP_AT,
    });
  });
  const user = (key: DemoUserKey) => userId.get(key)!;

  plan.announcements.forEach((a, i) => {
    // Recorded by a moderator the day after it was made.
    const createdAt = atUtc(a.statedOn, 24 * 60 + 16 * 60 + i * 7);
    rows.announcements.push({
      id: uuidV7(createdAt, rng),
      externalKey: a.externalKey,
      claimant: a.claimant,
      claimantKind: a.claimantKind,
      statedOn: dbDate(a.statedOn),
      statedOnApproximate: a.statedOnApproximate,
      measure: a.measure,
      qualifier: a.qualifier,
      value: a.value,
      min: a.min,
      max: a.max,
      breakdown: a.breakdown ?? undefined,
      basis: a.basis,
      coversFrom: a.coversFrom ? dbDate(a.coversFrom) : null,
      coversTo: a.coversTo ? dbDate(a.coversTo) : null,
      coversDate: a.coversDate ? dbDate(a.coversDate) : null,
      scopeKind: a.scopeKind,
      scopeNationality: a.scopeNationality,
      sourceUrl: a.sourceUrl,
      sourceDescription: a.sourceDescription,
      quote: a.quote,
      quoteLang: a.quoteLang,
      note: a.note,
      createdById: user(i % 2 === 0 ? "moderador" : "moderadora"),
      isDemo: true,
      createdAt,
      updatedAt: createdAt,
    });
    const row = rows.announcements.at(-1)!;
    // Its first version, dated when it was recorded: what the tally reads for any past date.
    rows.announcementRevisions.push({
      announcementId: row.id!,
      version: 1,
      snapshot: announcementSnapshot({
        ...a,
        statedOn: dbDate(a.statedOn),
        coversFrom: row.coversFrom as Date | null,
        coversTo: row.coversTo as Date | null,
        coversDate: row.coversDate as Date | null,
        archivedFileSha256: null,
        archivedUrl: null,
        status: "active",
        supersededById: null,
        deletedAt: null,
      }) as unknown as Prisma.InputJsonValue,
      changedAt: createdAt,
      changedById: row.createdById,
    });
  });

  const personId: string[] = [];
  const detentionId: string[] = [];
  for (const p of plan.people) {
    const id = uuidV7(p.createdAt, rng);
    personId[p.index] = id;
    const cedula = p.cedula ? parseCedula(p.cedula) : null;
    rows.persons.push({
      id,
      givenNames: p.givenNames,
      surnames: p.surnames,
      cedula: p.cedula,
      cedulaDigits: cedula?.digits ?? null,
      nationality: p.nationality,
      sex: p.sex,
      birthYear: p.birthYear,
      homeState: p.homeState,
      disclosure: p.disclosure,
      organizationId: orgId.get(p.organizationSlug)!,
      externalRef: p.externalRef,
      ...personSearchFields(p),
      createdById: user("voluntaria"),
      isDemo: true,
      createdAt: p.createdAt,
      updatedAt: p.createdAt,
    });
    const d = p.detention;
    const dId = uuidV7(d.createdAt, rng);
    detentionId[p.index] = dId;
    rows.detentions.push({
      id: dId,
      personId: id,
      arrestedOn: dbDate(d.arrestedOn),
      facility: d.facility,
      charges: d.charges,
      source: d.source,
      createdById: user("voluntaria"),
      createdAt: d.createdAt,
      updatedAt: d.createdAt,
    });
  }

  for (const r of plan.releases) {
    const person = plan.people[r.personIndex]!;
    const id = uuidV7(r.createdAt, rng);
    const lastChange = r.history[r.history.length - 1]!.at;
    rows.releases.push({
      id,
      personId: personId[r.personIndex]!,
      detentionId: detentionId[r.personIndex]!,
      releasedOn: r.releasedOn ? dbDate(r.releasedOn) : null,
      releasedPrecision: r.releasedPrecision,
      facility: r.facility,
      conditions: r.conditions,
      conditionsDetail: r.conditionsDetail,
      status: r.status,
      statusReason: r.statusReason,
      reviewRound: r.reviewRound,
      verifiedAt: r.verifiedAt,
      reportedById: user(r.reportedBy),
      organizationId: orgId.get(person.organizationSlug)!,
      isDemo: true,
      version: r.history.length,
      createdAt: r.createdAt,
      updatedAt: lastChange,
    });
    for (const change of r.history) {
      rows.statusChanges.push({
        releaseId: id,
        fromStatus: change.from,
        toStatus: change.to,
        reason: change.reason,
        changedAt: change.at,
        changedById: user(change.by),
      });
    }
    for (const e of r.evidence) {
      rows.evidence.push({
        id: uuidV7(e.createdAt, rng),
        releaseId: id,
        kind: e.kind,
        url: e.url,
        description: e.description,
        obtainedOn: dbDate(e.obtainedOn),
        isPublic: e.isPublic,
        addedById: user(e.addedBy),
        isDemo: true,
        createdAt: e.createdAt,
      });
    }
    for (const review of r.reviews) {
      rows.reviews.push({
        id: uuidV7(review.createdAt, rng),
        releaseId: id,
        reviewerId: user(review.reviewer),
        round: review.round,
        decision: review.decision,
        reason: review.reason,
        createdAt: review.createdAt,
      });
    }
    if (r.rearrest) {
      rows.detentions.push({
        id: uuidV7(r.rearrest.createdAt, rng),
        personId: personId[r.personIndex]!,
        arrestedOn: dbDate(r.rearrest.arrestedOn),
        facility: r.rearrest.facility,
        charges: r.rearrest.charges,
        source: r.rearrest.source,
        createdById: user("voluntaria"),
        createdAt: r.rearrest.createdAt,
        updatedAt: r.rearrest.createdAt,
      });
    }
  }

  // The name list of the Assembly's announcement, loaded and matched three days later.
  const listed = rows.announcements.find((a) => a.externalKey === plan.nameList.announcementKey);
  if (listed) {
    const list = nameListRows(plan.nameList, {
      announcementId: listed.id!,
      organizationId: orgId.get(DEMO_USERS.find((u) => u.key === plan.nameList.loadedBy)!.organizationSlug)!,
      userId: user,
      personId: (index) => personId[index]!,
    });
    rows.imports.push(...list.imports);
    rows.announcedNames.push(...list.announcedNames);
  }
  return rows;
}

// ───────────────────────────── writing ─────────────────────────────

async function writeRows(tx: Tx, rows: Rows): Promise<void> {
  // Parents before children.
  await inBatches(rows.organizations, (data) => tx.organization.createMany({ data }));
  await inBatches(rows.users, (data) => tx.user.createMany({ data }));
  await inBatches(rows.announcements, (data) => tx.announcement.createMany({ data }));
  await inBatches(rows.announcementRevisions, (data) => tx.announcementRevision.createMany({ data }));
  await inBatches(rows.persons, (data) => tx.person.createMany({ data }));
  await inBatches(rows.detentions, (data) => tx.detention.createMany({ data }));
  await inBatches(rows.releases, (data) => tx.release.createMany({ data }));
  await inBatches(rows.statusChanges, (data) => tx.releaseStatusChange.createMany({ data }));
  await inBatches(rows.evidence, (data) => tx.evidence.createMany({ data }));
  await inBatches(rows.reviews, (data) => tx.review.createMany({ data }));
  await inBatches(rows.imports, (data) => tx.import.createMany({ data }));
  await inBatches(rows.announcedNames, (data) => tx.announcedName.createMany({ data }));

  // One audit event per created record, in the same order.
  const events: AuditInput[] = [];
  const event = (action: string, entityType: string, entityId: string, after: unknown) =>
    events.push({ action, entityType, entityId, after });
  // Entity types and actions as the app's own mutations write them, so history pages read the demo alike.
  for (const o of rows.organizations) event("organization.create", "Organization", o.id!, o);
  for (const u of rows.users) {
    const { passwordHash: _secret, ...visible } = u; // never a password hash in the audit trail
    event("user.create", "User", u.id!, visible);
  }
  for (const a of rows.announcements) event("announcement.create", "Announcement", a.id!, a);
  for (const p of rows.persons) event("person.create", "Person", p.id!, p);
  for (const d of rows.detentions) event("detention.create", "Person", d.personId, d);
  for (const r of rows.releases) event("release.create", "Release", r.id!, r);
  for (const s of rows.statusChanges) event("release.status", "Release", s.releaseId, s);
  for (const e of rows.evidence) event("evidence.add", "Release", e.releaseId, e);
  for (const r of rows.reviews) event(`review.${r.decision}`, "Release", r.releaseId, r);
  for (const i of rows.imports) event("names.load", "Import", i.id!, i);
  for (const n of rows.announcedNames) event("names.match", "AnnouncedName", n.id!, n);
  await recordAuditBatch(tx, systemActor("demo"), events);
}

async function inBatches<T>(items: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await write(items.slice(i, i + BATCH));
}
