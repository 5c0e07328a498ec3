import { randomUUID } from "node:crypto";
import sharp from "sharp";
import type { Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db/client.ts";
import { addEvidence } from "../../lib/evidence/mutations.ts";
import { startPeopleImport } from "../../lib/imports/mutations.ts";
import { processPeopleImport } from "../../lib/imports/process.ts";
import { createPerson, updatePerson } from "../../lib/persons/mutations.ts";
import { createRelease } from "../../lib/releases/mutations.ts";
import { reviewRelease } from "../../lib/reviews/mutations.ts";
import { connectToAppDatabase, E2E_DATA_DIR, type SeededUser } from "./app.ts";

/**
 * Seeding for the review queue's browser tests, through the app's own
 * functions, acting as the seeded users (as if they had used the forms).
 */
export function actorOf(user: SeededUser): Actor {
  return { kind: "user", userId: user.id, role: user.role, organizationId: user.organizationId };
}

/**
 * A facility name of this test's own: the queue filtered on it shows only
 * what the test seeded (the demo's releases and other tests' stay out).
 */
export function testFacility(label: string): string {
  return `Centro de prueba ${label} ${randomUUID().slice(0, 6)}`;
}

/** A cédula nobody else has (V- and eight random digits). */
export function randomCedula(): string {
  return `V-${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`;
}

export interface SeededRelease {
  personId: string;
  releaseId: string;
  name: string;
}

export interface ReleaseSeed {
  facility: string;
  givenNames: string;
  surnames: string;
  cedula?: string;
  otherSpellings?: string[];
  /** What evidence the reporter attaches: none, a link, a photo (with a link), or a PDF. */
  evidence?: "none" | "link" | "photo" | "pdf";
  releasedOn?: string | null;
  conditions?: "full" | "conditional" | "house_arrest" | "expelled" | "unknown";
  conditionsDetail?: string;
}

/** A small photo (the storage re-encodes it, as it does a phone's). */
async function photo(): Promise<Buffer> {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320">
       <rect width="480" height="320" fill="#dfe9e4"/>
       <circle cx="240" cy="130" r="60" fill="#7a9a8c"/>
       <rect x="150" y="200" width="180" height="90" rx="40" fill="#7a9a8c"/>
     </svg>`,
  );
  return sharp(svg).jpeg({ quality: 80 }).toBuffer();
}

function pdf(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    "latin1",
  );
}

/** A person, a reported release and its evidence, all recorded by `reporter`. */
export async function seedRelease(reporter: SeededUser, seed: ReleaseSeed): Promise<SeededRelease> {
  await connectToAppDatabase();
  // Uploaded files must land where the server reads them.
  process.env.CONSTANCIA_DATA_DIR ??= E2E_DATA_DIR;
  const actor = actorOf(reporter);
  const person = await createPerson(actor, {
    givenNames: seed.givenNames,
    surnames: seed.surnames,
    disclosure: "public",
    ...(seed.cedula ? { cedula: seed.cedula } : {}),
  });
  if (seed.otherSpellings?.length) {
    await updatePerson(actor, person.id, { otherSpellings: seed.otherSpellings, version: person.version });
  }
  const release = await createRelease(actor, person.id, {
    releasedOn: seed.releasedOn === undefined ? "2026-01-12" : seed.releasedOn,
    facility: seed.facility,
    conditions: seed.conditions ?? "conditional",
    ...(seed.conditionsDetail ? { conditionsDetail: seed.conditionsDetail } : {}),
  });
  const evidence = seed.evidence ?? "link";
  if (evidence !== "none") {
    await addEvidence(actor, release.id, {
      kind: "press_report",
      url: "https://example.org/noticias/excarcelaciones-enero",
      description: "Nota de prensa con la lista de excarcelados del 12 de enero.",
      public: false,
    });
  }
  if (evidence === "photo") {
    await addEvidence(
      actor,
      release.id,
      { kind: "photo_video", description: "Foto a la salida del centro, enviada por la familia.", obtainedOn: "2026-01-12", public: false },
      { bytes: await photo(), fileName: "salida.jpg" },
    );
  }
  if (evidence === "pdf") {
    await addEvidence(
      actor,
      release.id,
      { kind: "court_document", description: "Boleta de excarcelación del tribunal.", public: false },
      { bytes: pdf(), fileName: "boleta.pdf" },
    );
  }
  return { personId: person.id, releaseId: release.id, name: `${seed.givenNames} ${seed.surnames}` };
}

/** A decision taken directly (not through the page), as `reviewer`. */
export async function seedReview(
  reviewer: SeededUser,
  releaseId: string,
  decision: "approve" | "reject" | "request_evidence",
  reason?: string,
) {
  await connectToAppDatabase();
  return reviewRelease(actorOf(reviewer), releaseId, { decision, ...(reason ? { reason } : {}) });
}

export interface SeededImport {
  importId: string;
  fileName: string;
  releases: SeededRelease[];
}

/**
 * A spreadsheet loaded by `importer` through the app's import (lib/imports:
 * started, then processed here instead of by the job queue): each row a
 * person with a reported release and its "NGO list" evidence, all reported by
 * the importer. The releases are returned in the file's order.
 */
export async function seedImport(
  importer: SeededUser,
  rows: { givenNames: string; surnames: string; facility: string; releasedOn?: string }[],
  fileName = `foro-penal-${randomUUID().slice(0, 6)}.csv`,
): Promise<SeededImport> {
  await connectToAppDatabase();
  process.env.CONSTANCIA_DATA_DIR ??= E2E_DATA_DIR;
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const externalIds = rows.map(() => `E2E-${randomUUID().slice(0, 8)}`);
  const csv = [
    "external_id,given_names,surnames,released_on,facility",
    ...rows.map((row, index) => [externalIds[index]!, row.givenNames, row.surnames, row.releasedOn ?? "2026-01-12", row.facility].map(quote).join(",")),
  ].join("\n");
  const { importId } = await startPeopleImport(
    actorOf(importer),
    { bytes: new TextEncoder().encode(`${csv}\n`), fileName },
    { dryRun: false },
    { enqueue: false },
  );
  const status = await processPeopleImport(importId);
  if (status !== "done") throw new Error(`The seeded import ended ${status}`);
  const releases = await db().release.findMany({
    where: { importId },
    select: { id: true, personId: true, person: { select: { givenNames: true, surnames: true, externalRef: true } } },
  });
  const ordered = externalIds.map((externalId, index) => {
    const release = releases.find((candidate) => candidate.person.externalRef === externalId);
    if (!release) throw new Error(`The import did not create a release for row ${index + 1}`);
    return { personId: release.personId, releaseId: release.id, name: `${release.person.givenNames} ${release.person.surnames}` };
  });
  return { importId, fileName, releases: ordered };
}

/** A release's status and approvals of its current round, read from the database. */
export async function releaseState(releaseId: string): Promise<{ status: string; approvals: number }> {
  await connectToAppDatabase();
  const release = await db().release.findUniqueOrThrow({ where: { id: releaseId }, select: { status: true, reviewRound: true } });
  const approvals = await db().review.count({ where: { releaseId, round: release.reviewRound, decision: "approve" } });
  return { status: release.status, approvals };
}
