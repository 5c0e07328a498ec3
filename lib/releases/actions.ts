"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "../api/action.ts";
import { parseInput } from "../api/guard.ts";
import { AppError } from "../errors.ts";
import { changeReleaseStatus, createRelease, updateRelease } from "./mutations.ts";
import { changeStatusSchema, createReleaseSchema, updateReleaseSchema } from "./schema.ts";

// Server actions of the person record page (/expediente/[id]) about its releases.

/** Add a release to a person on record. */
export const createReleaseAction = action(
  { access: "release.create", input: z.strictObject({ personId: z.uuid(), release: createReleaseSchema }) },
  async ({ actor, input }) => {
    const release = await createRelease(actor, input.personId, input.release);
    revalidatePath(`/expediente/${input.personId}`);
    return { releaseId: release.id };
  },
);

export type ReleaseSaveOutcome =
  | { outcome: "saved"; version: number; changed: boolean }
  | { outcome: "stale"; currentVersion: number; current: Record<string, unknown> };

/** Edit a release's facts: the changed fields only, with the version the editor loaded. */
export const updateReleaseAction = action(
  { access: "release.update", input: updateReleaseSchema.extend({ id: z.uuid(), personId: z.uuid() }) },
  async ({ actor, input }): Promise<ReleaseSaveOutcome> => {
    const { id, personId, ...changes } = input;
    try {
      const saved = await updateRelease(actor, id, changes);
      revalidatePath(`/expediente/${personId}`);
      return { outcome: "saved", version: saved.version, changed: saved.changed };
    } catch (error) {
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
  },
);

/** The status form arrives flat (a form); the re-arrest fields become the nested `rearrest`. */
const statusFormSchema = z.strictObject({
  id: z.uuid(),
  personId: z.uuid(),
  action: z.string(),
  reason: z.string().optional(),
  version: z.string(),
  rearrested: z.enum(["on", "true"]).optional(),
  arrestedOn: z.string().optional(),
  facility: z.string().optional(),
  charges: z.string().optional(),
});

/** Moderators: dispute, retract (optionally with a re-arrest) or reopen a release, with a reason. */
export const changeReleaseStatusAction = action(
  { access: "release.dispute", input: statusFormSchema },
  async ({ actor, input }) => {
    const rearrest =
      input.action === "retract" && input.rearrested
        ? { arrestedOn: input.arrestedOn, facility: input.facility, charges: input.charges }
        : undefined;
    const change = parseInput(
      changeStatusSchema,
      { action: input.action, reason: input.reason ?? "", version: input.version, ...(rearrest ? { rearrest } : {}) },
      "form",
    );
    const changed = await changeReleaseStatus(actor, input.id, change);
    revalidatePath(`/expediente/${input.personId}`);
    return { status: changed.status, detentionId: changed.detentionId };
  },
);
