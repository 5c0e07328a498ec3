"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "../api/action.ts";
import { describeError } from "../api/guard.ts";
import { can } from "../auth/policy.ts";
import { AppError, errors, type ErrorCode } from "../errors.ts";
import { removeUnreferencedFiles } from "../evidence/mutations.ts";
import { createRelease } from "../releases/mutations.ts";
import { createReleaseSchema } from "../releases/schema.ts";
import { listPersons } from "./data.ts";
import { createPerson, markPersonDeleted, purgePerson, updatePerson } from "./mutations.ts";
import { createPersonSchema, deletePersonSchema, purgePersonSchema, updatePersonSchema } from "./schema.ts";

// Server actions of /registrar, /expediente/[id] and /expedientes: thin adapters
// over lib/persons and lib/releases, each through the one wrapper (lib/api/action.ts).

/** A refusal described the way action() describes one, for outcomes that are not a plain failure. */
export interface Problem {
  code: ErrorCode;
  message: string;
  fields: Record<string, string>;
}

function problemOf(error: unknown, pathPrefix = ""): Problem {
  const { body } = describeError(error);
  const fields: Record<string, string> = {};
  for (const issue of body.error.issues ?? []) fields[`${pathPrefix}${issue.path}`] ??= issue.message;
  return { code: body.error.code as ErrorCode, message: body.error.message, fields };
}

/** A cédula or reference that another record already has: said on its field. */
function onTakenField(error: unknown, prefix: string): never {
  if (error instanceof AppError && error.code === "conflict" && typeof error.extra.details?.field === "string") {
    throw new AppError("conflict", error.message, {
      issues: [{ path: `${prefix}${error.extra.details.field}`, message: "taken" }],
      details: error.extra.details,
    });
  }
  throw error;
}

const recordSchema = z
  .strictObject({
    /** Add the release to this person instead of creating one. */
    personId: z.uuid().optional(),
    person: createPersonSchema.optional(),
    release: createReleaseSchema,
  })
  .refine((input) => (input.personId === undefined) !== (input.person === undefined), {
    error: "Give either the person's details or the id of a person on record.",
    path: ["person"],
  });

export type RecordOutcome =
  | { outcome: "recorded"; personId: string; personCreated: boolean; releaseId: string }
  /** The person was created, the release was not: retry the release alone, with this personId. */
  | { outcome: "release_failed"; personId: string; problem: Problem };

/**
 * /registrar: the person (or the one chosen among the possible duplicates)
 * and the release, in one go. Both inputs are checked before anything is
 * written, so bad input creates nothing.
 */
export const recordAction = action(
  { access: "person.create", input: recordSchema },
  async ({ actor, input }): Promise<RecordOutcome> => {
    if (!can(actor, "release.create")) throw errors.forbidden();
    let personId = input.personId;
    let personCreated = false;
    if (!personId) {
      const person = await createPerson(actor, input.person!).catch((error: unknown) => onTakenField(error, "person."));
      personId = person.id;
      personCreated = true;
    }
    try {
      const release = await createRelease(actor, personId, input.release);
      revalidatePath(`/expediente/${personId}`);
      revalidatePath("/expedientes");
      return { outcome: "recorded", personId, personCreated, releaseId: release.id };
    } catch (error) {
      if (!personCreated) throw error;
      revalidatePath("/expedientes");
      return { outcome: "release_failed", personId, problem: problemOf(error, "release.") };
    }
  },
);

export type SaveOutcome =
  | { outcome: "saved"; version: number; changed: boolean }
  /** Someone saved first: nothing was written; this is what is saved now. */
  | { outcome: "stale"; currentVersion: number; current: Record<string, unknown> };

function staleOutcome(error: unknown): SaveOutcome {
  if (error instanceof AppError && error.code === "stale_version") {
    const details = error.extra.details ?? {};
    return {
      outcome: "stale",
      currentVersion: Number(details.currentVersion),
      current: (details.current as Record<string, unknown> | undefined) ?? {},
    };
  }
  throw error;
}

/** Edit a person: the changed fields only, with the version the editor loaded. */
export const updatePersonAction = action(
  { access: "person.update", input: updatePersonSchema.extend({ id: z.uuid() }) },
  async ({ actor, input }): Promise<SaveOutcome> => {
    const { id, ...changes } = input;
    try {
      const saved = await updatePerson(actor, id, changes);
      revalidatePath(`/expediente/${id}`);
      return { outcome: "saved", version: saved.version, changed: saved.changed };
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") onTakenField(error, "");
      return staleOutcome(error);
    }
  },
);

/** Moderators: mark a person deleted (hidden, nothing removed). */
export const deletePersonAction = action(
  { access: "person.delete", input: deletePersonSchema.extend({ id: z.uuid() }) },
  async ({ actor, input }) => {
    const { id, ...rest } = input;
    const deleted = await markPersonDeleted(actor, id, rest);
    revalidatePath(`/expediente/${id}`);
    revalidatePath("/expedientes");
    return { id, deletedAt: deleted.deletedAt.toISOString() };
  },
);

/** Admins: remove a person marked deleted for good, then the files nothing refers to any more. */
export const purgePersonAction = action(
  { access: "person.purge", input: purgePersonSchema.extend({ id: z.uuid() }) },
  async ({ actor, input }) => {
    const { id, ...rest } = input;
    const purged = await purgePerson(actor, id, rest);
    const removed = await removeUnreferencedFiles(purged.fileSha256s);
    // No revalidatePath: it would re-render the record page, which no longer exists, before the
    // form can move on to /expedientes (a dynamic page, read fresh anyway).
    return { purgedPersons: purged.purgedPersonIds.length, removedFiles: removed.length };
  },
);

/**
 * /expedientes: persons matching a name or a cédula. An action (a POST), so
 * that a cédula typed in the search box never lands in a URL or the history.
 */
export const searchPersonsAction = action(
  {
    access: "person.view_internal",
    input: z.strictObject({ q: z.string().trim().min(2, { error: "At least 2 characters." }).max(200) }),
  },
  async ({ input }) => ({ q: input.q, results: await listPersons({ q: input.q, limit: 50 }) }),
);
