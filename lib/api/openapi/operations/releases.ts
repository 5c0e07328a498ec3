import {
  changedStatusResponseSchema,
  changeStatusSchema,
  releaseIdParamsSchema,
  updatedReleaseResponseSchema,
  updateReleaseSchema,
} from "../../../releases/schema.ts";
import { queueItemSchema } from "../../../reviews/schema.ts";
import type { Operation } from "../registry.ts";

export const releaseOperations: readonly Operation[] = [
  {
    operationId: "getRelease",
    method: "GET",
    path: "/api/v1/releases/{id}",
    summary: "A release, as reviewers see it",
    description: "The release with its person (cédula included), every piece of evidence and the decisions of the current round.",
    tags: ["Releases"],
    access: "person.view_internal",
    params: releaseIdParamsSchema,
    responses: { 200: { description: "The release.", schema: queueItemSchema } },
    errors: { 404: "No such release (`not_found`)." },
  },
  {
    operationId: "updateRelease",
    method: "PATCH",
    path: "/api/v1/releases/{id}",
    summary: "Edit a release's facts",
    description: "Date, facility and conditions, guarded by the `version` the editor read. The status changes only through reviews and status changes.",
    tags: ["Releases"],
    access: "release.update",
    params: releaseIdParamsSchema,
    body: updateReleaseSchema,
    bodyExample: { conditions: "house_arrest", version: 1 },
    responses: { 200: { description: "The release as saved.", schema: updatedReleaseResponseSchema } },
    errors: { 404: "No such release (`not_found`).", 409: "Stale `version` (`stale_version`; `details.current` holds the current values)." },
  },
  {
    operationId: "changeReleaseStatus",
    method: "POST",
    path: "/api/v1/releases/{id}/status",
    summary: "Dispute, retract or reopen a release",
    description:
      "`dispute` sends a verified release back to review (a new round: earlier approvals stop counting); `retract` " +
      "says it did not happen or the person was re-arrested (`rearrest` opens a new detention); `reopen` brings a " +
      "rejected release back to review. Each needs a reason and the version.",
    tags: ["Releases"],
    access: "release.dispute",
    params: releaseIdParamsSchema,
    body: changeStatusSchema,
    bodyExample: { action: "dispute", reason: "La familia informa que sigue detenido", version: 3 },
    responses: { 200: { description: "The new status.", schema: changedStatusResponseSchema } },
    errors: {
      404: "No such release (`not_found`).",
      409: "Stale `version` (`stale_version`).",
      422: "The change is not possible from the current status (`unprocessable`).",
    },
  },
];
