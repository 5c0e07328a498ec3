import { route } from "@/lib/api/route.ts";
import { errors } from "@/lib/errors.ts";
import { updateRelease } from "@/lib/releases/mutations.ts";
import { releaseIdParamsSchema, updateReleaseSchema } from "@/lib/releases/schema.ts";
import { reviewItem } from "@/lib/reviews/data.ts";

// One release as reviewers see it: person, evidence, decisions so far (signed-in users).
export const GET = route({ access: "person.view_internal", params: releaseIdParamsSchema }, async ({ params }) => {
  const item = await reviewItem(params.id);
  if (!item) throw errors.notFound("Release");
  return item;
});

export const PATCH = route(
  { access: "release.update", params: releaseIdParamsSchema, body: updateReleaseSchema },
  async ({ actor, params, body }) => updateRelease(actor, params.id, body),
);
