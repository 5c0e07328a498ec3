import { route } from "@/lib/api/route.ts";
import { approveReleases } from "@/lib/reviews/mutations.ts";
import { batchReviewSchema } from "@/lib/reviews/schema.ts";

// One approval per release, by the caller, each through the single-release rule; the answer lists every outcome.
export const POST = route({ access: "release.review", body: batchReviewSchema }, async ({ actor, body }) => approveReleases(actor, body));
