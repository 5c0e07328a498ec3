import { route } from "@/lib/api/route.ts";
import { decideName } from "@/lib/names/mutations.ts";
import { decisionSchema, nameIdParamsSchema } from "@/lib/names/schema.ts";

export const POST = route({ access: "names.match", params: nameIdParamsSchema, body: decisionSchema }, async ({ actor, params, body }) =>
  decideName(actor, params.id, body),
);
