import { route } from "@/lib/api/route.ts";
import { rerunPeopleImport } from "@/lib/imports/mutations.ts";
import { importIdParamsSchema, rerunSchema } from "@/lib/imports/schema.ts";

// The file of an earlier import loaded again: the real run after a dry run, or another mapping or sheet.
export const POST = route({ access: "import.create", params: importIdParamsSchema, body: rerunSchema }, async ({ actor, params, body }) =>
  Response.json(await rerunPeopleImport(actor, params.id, body), { status: 202 }),
);
