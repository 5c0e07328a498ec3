import { randomUUID } from "node:crypto";
import { db } from "../db/client.ts";
import type { Disclosure, ReleaseConditions, ReleaseStatus } from "../generated/prisma/enums.ts";
import { parseCedula } from "../search/normalize.ts";
import { personSearchFields } from "./search-fields.ts";

/**
 * Rows for integration tests of the public reads, written straight to the
 * database (the write paths with their rules live in the domains' mutations).
 */
export const uniqueWord = (prefix = "zq") => `${prefix}${randomUUID().replace(/-/g, "").slice(0, 10)}`;

export async function makeOrganization() {
  const slug = uniqueWord("org");
  return db().organization.create({ data: { name: `Test ${slug}`, slug } });
}

export async function makePerson(
  organizationId: string,
  input: {
    givenNames: string;
    surnames: string;
    disclosure?: Disclosure;
    cedula?: string;
    notes?: string;
    deleted?: boolean;
    mergedIntoId?: string;
  },
) {
  const cedula = input.cedula ? parseCedula(input.cedula) : null;
  return db().person.create({
    data: {
      givenNames: input.givenNames,
      surnames: input.surnames,
      disclosure: input.disclosure ?? "public",
      organizationId,
      cedula: cedula ? `${cedula.prefix ?? "V"}${cedula.digits}` : null,
      cedulaDigits: cedula?.digits ?? null,
      notes: input.notes ?? null,
      ...personSearchFields(input),
      deletedAt: input.deleted ? new Date() : null,
      mergedIntoId: input.mergedIntoId ?? null,
    },
  });
}

/** A release with its status history; its current status is the last one of `history`. */
export async function makeRelease(
  organizationId: string,
  personId: string,
  input: {
    history: { status: ReleaseStatus; at: Date }[];
    releasedOn?: Date | null;
    conditions?: ReleaseConditions;
    deleted?: boolean;
  },
) {
  const last = input.history.at(-1);
  if (!last) throw new Error("a release needs at least one status");
  const release = await db().release.create({
    data: {
      personId,
      organizationId,
      releasedOn: input.releasedOn ?? null,
      releasedPrecision: input.releasedOn ? "day" : "unknown",
      conditions: input.conditions ?? "unknown",
      status: last.status,
      facility: "Test facility (never public)",
      verifiedAt: last.status === "verified" ? last.at : null,
      deletedAt: input.deleted ? new Date() : null,
    },
  });
  let from: ReleaseStatus | null = null;
  for (const step of input.history) {
    await db().releaseStatusChange.create({
      data: { releaseId: release.id, fromStatus: from, toStatus: step.status, changedAt: step.at },
    });
    from = step.status;
  }
  return release;
}
