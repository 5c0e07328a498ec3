import type { Actor } from "../auth/actor.ts";
import { decide } from "../auth/policy.ts";
import { recordAudit } from "../audit/mutations.ts";
import { db } from "../db/client.ts";
import { errors } from "../errors.ts";
import { internalExportCounts, organizationExists } from "./data.ts";
import type { InternalExportFormat } from "./schema.ts";

export interface InternalExportGrant {
  organizationId: string;
  persons: number;
  releases: number;
}

/**
 * The internal export is allowed and recorded before a single row leaves:
 * moderators export their own organization, an admin may name another; one
 * audit event per export says who, which organization, which format and how
 * many records it holds. (Recorded first, so that an export whose client
 * goes away half-way is on the trail too.)
 */
export async function authorizeInternalExport(
  actor: Actor,
  input: { format: InternalExportFormat; organizationId?: string },
): Promise<InternalExportGrant> {
  const organizationId = input.organizationId ?? actor.organizationId;
  if (!organizationId) throw errors.invalidInput("organizationId: name the organization to export.");
  const decision = decide(actor, "export.internal", { organizationId });
  if (!decision.ok) {
    throw decision.reason === "second_factor" ? errors.secondFactorRequired() : errors.forbidden("You may export only your own organization's records.");
  }
  if (!(await organizationExists(organizationId))) throw errors.notFound("Organization");
  const counts = await internalExportCounts(organizationId);
  await db().$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "export.internal",
      entityType: "Organization",
      entityId: organizationId,
      after: { format: input.format, persons: counts.persons, releases: counts.releases },
    }),
  );
  return { organizationId, ...counts };
}
