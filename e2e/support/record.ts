import { randomInt } from "node:crypto";
import sharp from "sharp";
import type { Actor } from "../../lib/auth/actor.ts";
import { todayInCaracas } from "../../lib/dates.ts";
import { db } from "../../lib/db/client.ts";
import { addEvidence } from "../../lib/evidence/mutations.ts";
import { createPerson } from "../../lib/persons/mutations.ts";
import type { CreatePersonInput } from "../../lib/persons/schema.ts";
import { createRelease } from "../../lib/releases/mutations.ts";
import type { CreateReleaseInput } from "../../lib/releases/schema.ts";
import { reviewRelease } from "../../lib/reviews/mutations.ts";
import { connectToAppDatabase, type SeededUser } from "./app.ts";

/**
 * Seeding for the recording tests (e2e/record.spec.ts), through the app's own
 * mutations. Names are made up and unique per call (a made-up word no real
 * or demo name contains), so tests never find each other's people.
 */

export function actorOf(user: SeededUser): Actor {
  return { kind: "user", userId: user.id, role: user.role, organizationId: user.organizationId };
}

const CONSONANTS = "bcdfgjklmnprstvz";
const VOWELS = "aeiou";

/** "Quevaroluti"-like: letters only, capitalised, unlike any real surname. */
export function madeUpWord(syllables = 4): string {
  let word = "";
  for (let i = 0; i < syllables; i += 1) word += CONSONANTS[randomInt(CONSONANTS.length)]! + VOWELS[randomInt(VOWELS.length)]!;
  return word[0]!.toUpperCase() + word.slice(1);
}

/** A name for a test person: real-looking given names, a made-up first surname. */
export function testName() {
  return { givenNames: "Ramona Isabel", surnames: `${madeUpWord()} Lugo` };
}

/** A random cédula, written the usual way. */
export function testCedula(): string {
  const digits = String(randomInt(30_000_000, 99_999_999));
  return `V-${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5)}`;
}

/** A day `days` before today in Caracas ("YYYY-MM-DD"). */
export function daysAgo(days: number): string {
  const today = new Date(`${todayInCaracas()}T00:00:00Z`);
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A small photo, made on the spot. */
export async function testJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 40, g: 110, b: 120 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function seedPerson(user: SeededUser, input: Partial<CreatePersonInput> = {}) {
  await connectToAppDatabase();
  return createPerson(actorOf(user), { ...testName(), ...input });
}

export async function seedRelease(user: SeededUser, personId: string, input: Partial<CreateReleaseInput> = {}) {
  await connectToAppDatabase();
  return createRelease(actorOf(user), personId, { releasedOn: daysAgo(10), conditions: "conditional", ...input });
}

export async function seedPhoto(user: SeededUser, releaseId: string, description = "Foto a la salida del centro") {
  await connectToAppDatabase();
  return addEvidence(
    actorOf(user),
    releaseId,
    { kind: "photo_video", description, public: false },
    { bytes: await testJpeg(), fileName: "salida.jpg" },
  );
}

export async function seedLink(user: SeededUser, releaseId: string) {
  await connectToAppDatabase();
  return addEvidence(actorOf(user), releaseId, {
    kind: "press_report",
    url: "https://example.org/e2e/nota-de-prensa",
    description: "Nota de prensa que nombra a la persona",
    public: true,
  });
}

export async function approve(reviewer: SeededUser, releaseId: string) {
  await connectToAppDatabase();
  return reviewRelease(actorOf(reviewer), releaseId, { decision: "approve" });
}

/** Live persons whose surnames are exactly these. */
export async function countPersons(surnames: string): Promise<number> {
  await connectToAppDatabase();
  return db().person.count({ where: { surnames, deletedAt: null } });
}

export async function personBySurnames(surnames: string) {
  await connectToAppDatabase();
  return db().person.findFirst({
    where: { surnames, deletedAt: null },
    include: { releases: { include: { evidence: { include: { file: true } } } } },
  });
}

export async function releasesOf(personId: string) {
  await connectToAppDatabase();
  return db().release.findMany({ where: { personId, deletedAt: null }, orderBy: { createdAt: "asc" } });
}

export async function notesOf(personId: string) {
  await connectToAppDatabase();
  return (await db().person.findUniqueOrThrow({ where: { id: personId }, select: { notes: true } })).notes;
}
