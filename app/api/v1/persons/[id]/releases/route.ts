import { created, route } from "@/lib/api/route.ts";
import { personIdParamsSchema } from "@/lib/persons/schema.ts";
import { createRelease } from "@/lib/releases/mutations.ts";
import { createReleaseSchema } from "@/lib/releases/schema.ts";

export const POST = route(
  { access: "release.create", params: personIdParamsSchema, body: createReleaseSchema },
  async ({ actor, params, body }) => {
    const release = await createRelease(actor, params.id, body);
    return created({ id: release.id, status: "reported", version: release.version });
  },
);
