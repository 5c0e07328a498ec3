import { route } from "@/lib/api/route.ts";
import { changeReleaseStatus } from "@/lib/releases/mutations.ts";
import { changeStatusSchema, releaseIdParamsSchema } from "@/lib/releases/schema.ts";

// Dispute, retract (with an optional re-arrest) or reopen a release, with a reason (moderators).
export const POST = route(
  { access: "release.dispute", params: releaseIdParamsSchema, body: changeStatusSchema },
  async ({ actor, params, body }) => changeReleaseStatus(actor, params.id, body),
);
