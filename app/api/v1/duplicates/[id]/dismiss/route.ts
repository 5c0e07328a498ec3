import { route } from "@/lib/api/route.ts";
import { dismissDuplicate } from "@/lib/duplicates/mutations.ts";
import { duplicateIdParamsSchema } from "@/lib/duplicates/schema.ts";

export const POST = route({ access: "person.merge", params: duplicateIdParamsSchema }, async ({ actor, params }) => dismissDuplicate(actor, params.id));
