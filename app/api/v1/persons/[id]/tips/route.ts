import { created, route } from "@/lib/api/route.ts";
import { personIdParamsSchema } from "@/lib/persons/schema.ts";
import { submitTip } from "@/lib/tips/mutations.ts";
import { readTipSubmission } from "@/lib/tips/request.ts";
import { TIP_POST_RATE_LIMIT } from "@/lib/tips/spam-guard.ts";

// Public: anyone may send a tip, and credentials are never looked at (a tip is not a user's record).
// JSON or multipart/form-data with a file: the body is read here, not by route().
export const POST = route(
  { access: "public", authenticate: false, params: personIdParamsSchema, rateLimit: TIP_POST_RATE_LIMIT },
  async ({ params, request }) => created(await submitTip(params.id, await readTipSubmission(request))),
);
