import { route } from "@/lib/api/route.ts";
import { reviewTip } from "@/lib/tips/mutations.ts";
import { tipIdParamsSchema, updateTipSchema } from "@/lib/tips/schema.ts";

export const PATCH = route(
  { access: "tip.review", params: tipIdParamsSchema, body: updateTipSchema },
  async ({ actor, params, body }) => reviewTip(actor, params.id, body),
);
