import { created, route } from "@/lib/api/route.ts";
import { releaseIdParamsSchema } from "@/lib/releases/schema.ts";
import { reviewRelease } from "@/lib/reviews/mutations.ts";
import { reviewSchema } from "@/lib/reviews/schema.ts";

export const POST = route(
  { access: "release.review", params: releaseIdParamsSchema, body: reviewSchema },
  async ({ actor, params, body }) => {
    const result = await reviewRelease(actor, params.id, body);
    return created({ release: result.release });
  },
);
