import { randomInt } from "node:crypto";
import type { Browser, BrowserContext } from "@playwright/test";
import type { Actor } from "../../lib/auth/actor.ts";
import { addEvidence } from "../../lib/evidence/mutations.ts";
import type { AddEvidenceInput } from "../../lib/evidence/schema.ts";
import { createPerson, mergePersons } from "../../lib/persons/mutations.ts";
import type { CreatePersonInput } from "../../lib/persons/schema.ts";
import { createRelease } from "../../lib/releases/mutations.ts";
import type { CreateReleaseInput } from "../../lib/releases/schema.ts";
import { reviewRelease } from "../../lib/reviews/mutations.ts";
import { connectToAppDatabase, type SeededUser } from "./app.ts";

/**
 * Persons, releases and evidence for browser tests, written through the app's
 * own mutations as a signed-in user would write them. Names are synthetic and
 * unique per call, so tests never find each other's (or the demo's) people.
 */

/** The actor a seeded user acts as (what the session gives the server). */
export function actorFor(user: SeededUser): Actor {
  return { kind: "user", userId: user.id, role: user.role, organizationId: user.organizationId };
}

const LETTERS = "bcdfghjklmnprstvz";
const VOWELS = "aeiou";

/** A made-up word that no real or demo name contains ("Prueba" + syllables), capitalised. */
export function syntheticSurname(): string {
  let word = "";
  for (let i = 0; i < 4; i += 1) word += LETTERS[randomInt(LETTERS.length)]! + VOWELS[randomInt(VOWELS.length)]!;
  return `Prueba${word}`;
}

/** A cédula in the usual written form, "V-12.345.678", random enough not to collide. */
export function syntheticCedula(): { written: string; digits: string } {
  const digits = String(randomInt(30_000_000, 99_999_999));
  return { written: `V-${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5)}`, digits };
}

export async function seedPerson(user: SeededUser, input: CreatePersonInput) {
  await connectToAppDatabase();
  return createPerson(actorFor(user), input);
}

export async function seedRelease(user: SeededUser, personId: string, input: Partial<CreateReleaseInput> = {}) {
  await connectToAppDatabase();
  return createRelease(actorFor(user), personId, { releasedOn: "2026-01-12", conditions: "full", ...input });
}

export async function seedEvidence(user: SeededUser, releaseId: string, input: Partial<AddEvidenceInput> = {}) {
  await connectToAppDatabase();
  return addEvidence(actorFor(user), releaseId, {
    kind: "press_report",
    url: "https://example.org/e2e/nota",
    description: "Nota de prensa de prueba",
    public: false,
    ...input,
  });
}

/** Two approvals by two moderators who did not report it: the release becomes verified (DESIGN.md rule 1). */
export async function verifyRelease(releaseId: string, reviewers: readonly [SeededUser, SeededUser]) {
  await connectToAppDatabase();
  for (const reviewer of reviewers) await reviewRelease(actorFor(reviewer), releaseId, { decision: "approve" });
}

/** Merges `mergedId` into `survivorId` as `moderator` would from /fusionar, keeping the survivor's values. */
export async function seedMerge(moderator: SeededUser, survivorId: string, mergedId: string) {
  await connectToAppDatabase();
  const { db } = await import("../../lib/db/client.ts");
  const [survivor, merged] = await Promise.all(
    [survivorId, mergedId].map((id) => db().person.findUniqueOrThrow({ where: { id }, select: { version: true } })),
  );
  return mergePersons(actorFor(moderator), {
    survivorId,
    mergedId,
    survivorVersion: survivor!.version,
    mergedVersion: merged!.version,
    takeFromMerged: [],
  });
}

export const LANGUAGES = ["es", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A browser context in one language (the NEXT_LOCALE cookie, as the language switch sets it). */
export async function contextIn(
  browser: Browser,
  lang: Language,
  options: { viewport: { width: number; height: number }; baseURL: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: lang === "es" ? "es-VE" : "en-US",
    extraHTTPHeaders: { "Accept-Language": lang },
    isMobile: options.viewport.width < 600,
  });
  await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: options.baseURL }]);
  return context;
}
