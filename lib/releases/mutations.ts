import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db, type Tx } from "../db/client.ts";
import { dbDate } from "../dates.ts";
import { AppError, errors } from "../errors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { decideTransition } from "../reviews/rule.ts";
import {
  releaseDateFields,
  releaseDateText,
  type ChangeStatusInput,
  type CreateReleaseInput,
  type UpdateReleaseInput,
} from "./schema.ts";

/**
 * Writes about releases: recording one (always `reported`), editing its
 * facts (versioned), and the explicit status changes with a reason. Reviews
 * — the only way to `verified` — are in lib/reviews/mutations.ts.
 */

export async function createRelease(actor: Actor, personId: string, input: CreateReleaseInput) {
  return db().$transaction(async (tx) => {
    const person = await tx.person.findUnique({
      where: { id: personId },
      select: { id: true, deletedAt: true, mergedIntoId: true, organizationId: true },
    });
    if (!person || person.deletedAt || person.mergedIntoId) throw errors.notFound("Person");
    // The latest open detention, if any, is the one this release ends.
    const detention = await tx.detention.findFirst({
      where: { personId, deletedAt: null, releases: { none: { deletedAt: null, status: { in: ["reported", "verified", "disputed"] } } } },
      orderBy: [{ arrestedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      select: { id: true },
    });
    const data = {
      ...releaseDateFields(input.releasedOn),
      facility: input.facility || null,
      conditions: input.conditions ?? "unknown",
      conditionsDetail: input.conditionsDetail || null,
    };
    const release = await tx.release.create({
      data: {
        ...data,
        personId,
        detentionId: detention?.id ?? null,
        reportedById: actor.userId,
        organizationId: actor.organizationId ?? person.organizationId,
      },
      select: { id: true, status: true, version: true },
    });
    await tx.releaseStatusChange.create({
      data: { releaseId: release.id, fromStatus: null, toStatus: "reported", changedById: actor.userId },
    });
    await recordAudit(tx, actor, {
      action: "release.create",
      entityType: "Release",
      entityId: release.id,
      after: { ...releaseView(data), personId, status: "reported" },
    });
    return release;
  });
}

export async function updateRelease(actor: Actor, releaseId: string, input: UpdateReleaseInput) {
  return db().$transaction(async (tx) => {
    const current = await liveRelease(tx, releaseId);
    if (current.version !== input.version) throw staleRelease(current);
    const next: Record<string, unknown> = {};
    if (input.releasedOn !== undefined) Object.assign(next, releaseDateFields(input.releasedOn));
    if (input.facility !== undefined) next.facility = input.facility || null;
    if (input.conditions !== undefined) next.conditions = input.conditions;
    if (input.conditionsDetail !== undefined) next.conditionsDetail = input.conditionsDetail || null;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const currentView = releaseView(current) as Record<string, unknown>;
    const nextView = releaseView({ ...current, ...next }) as Record<string, unknown>;
    for (const key of Object.keys(nextView)) {
      if (JSON.stringify(currentView[key]) !== JSON.stringify(nextView[key])) {
        before[key] = currentView[key];
        after[key] = nextView[key];
      }
    }
    if (Object.keys(after).length === 0) return { id: releaseId, version: current.version, changed: false };
    const updated = await tx.release.updateMany({
      where: { id: releaseId, version: input.version },
      data: { ...(next as Prisma.ReleaseUpdateManyMutationInput), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw staleRelease(await liveRelease(tx, releaseId));
    await recordAudit(tx, actor, { action: "release.update", entityType: "Release", entityId: releaseId, before, after });
    return { id: releaseId, version: current.version + 1, changed: true };
  });
}

const TRANSITION_MESSAGES = {
  role: "Only moderators change the status of a release.",
  not_allowed_from_status: "This change is not possible from the release's current status.",
  reason_required: "Say why.",
} as const;

/** Dispute, retract or reopen, with a reason; a retraction for re-arrest opens a new detention. */
export async function changeReleaseStatus(actor: Actor, releaseId: string, input: ChangeStatusInput) {
  return db().$transaction(async (tx) => {
    const current = await liveRelease(tx, releaseId);
    if (current.version !== input.version) throw staleRelease(current);
    const outcome = decideTransition(current.status, actor.role, input.action, input.reason);
    if (!outcome.ok) {
      throw outcome.refusal === "role"
        ? errors.forbidden(TRANSITION_MESSAGES.role)
        : new AppError("unprocessable", TRANSITION_MESSAGES[outcome.refusal], { details: { reason: outcome.refusal } });
    }
    if (input.rearrest && input.action !== "retract") throw errors.invalidInput("A re-arrest goes with a retraction.");
    const updated = await tx.release.updateMany({
      where: { id: releaseId, version: input.version, status: current.status },
      data: {
        status: outcome.status,
        statusReason: input.reason,
        reviewRound: outcome.newRound ? { increment: 1 } : undefined,
        verifiedAt: outcome.status === "reported" || outcome.status === "disputed" ? null : undefined,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw staleRelease(await liveRelease(tx, releaseId));
    await tx.releaseStatusChange.create({
      data: { releaseId, fromStatus: current.status, toStatus: outcome.status, reason: input.reason, changedById: actor.userId },
    });
    let detentionId: string | null = null;
    if (input.rearrest) {
      const detention = await tx.detention.create({
        data: {
          personId: current.personId,
          arrestedOn: input.rearrest.arrestedOn ? dbDate(input.rearrest.arrestedOn) : null,
          facility: input.rearrest.facility || null,
          charges: input.rearrest.charges || null,
          source: input.reason,
          createdById: actor.userId,
        },
        select: { id: true },
      });
      detentionId = detention.id;
      await recordAudit(tx, actor, {
        action: "detention.create",
        entityType: "Person",
        entityId: current.personId,
        after: { detentionId, ...input.rearrest, afterRelease: releaseId },
      });
    }
    await recordAudit(tx, actor, {
      action: `release.${input.action}`,
      entityType: "Release",
      entityId: releaseId,
      before: { status: current.status, reviewRound: current.reviewRound },
      after: { status: outcome.status, reason: input.reason, reviewRound: current.reviewRound + (outcome.newRound ? 1 : 0) },
    });
    return { id: releaseId, status: outcome.status, version: current.version + 1, detentionId };
  });
}

/** What the audit trail and a stale-edit answer show of a release's facts. */
export function releaseView(release: {
  releasedOn: Date | null;
  releasedPrecision: "day" | "month" | "unknown";
  facility: string | null;
  conditions: string;
  conditionsDetail: string | null;
}) {
  return {
    releasedOn: releaseDateText(release.releasedOn, release.releasedPrecision),
    facility: release.facility,
    conditions: release.conditions,
    conditionsDetail: release.conditionsDetail,
  };
}

async function liveRelease(tx: Tx, releaseId: string) {
  const release = await tx.release.findUnique({ where: { id: releaseId }, include: { person: { select: { deletedAt: true, mergedIntoId: true } } } });
  if (!release || release.deletedAt || release.person.deletedAt) throw errors.notFound("Release");
  return release;
}

function staleRelease(current: Parameters<typeof releaseView>[0] & { version: number; status: string }) {
  return errors.staleVersion({ currentVersion: current.version, current: { ...releaseView(current), status: current.status } });
}
