import { route } from "@/lib/api/route.ts";
import { errors } from "@/lib/errors.ts";
import { publicPersonById } from "@/lib/persons/data.ts";
import { personIdParamsSchema } from "@/lib/persons/schema.ts";
import { issueTipFormToken, TIP_FORM_TOKEN_RATE_LIMIT } from "@/lib/tips/spam-guard.ts";

// What the public page's form renders, for API clients: a fresh, single-use token, never cached.
export const GET = route(
  { access: "public", authenticate: false, params: personIdParamsSchema, rateLimit: TIP_FORM_TOKEN_RATE_LIMIT },
  async ({ params }) => {
    if (!(await publicPersonById(params.id))) throw errors.notFound("Person");
    return Response.json(await issueTipFormToken(params.id), { headers: { "Cache-Control": "no-store" } });
  },
);
