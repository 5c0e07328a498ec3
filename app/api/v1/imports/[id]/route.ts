import { route } from "@/lib/api/route.ts";
import { errors } from "@/lib/errors.ts";
import { importById } from "@/lib/imports/data.ts";
import { queuePeopleImport } from "@/lib/imports/mutations.ts";
import { importIdParamsSchema } from "@/lib/imports/schema.ts";
import { queueNameListImport } from "@/lib/names/import.ts";

/** An import still queued half a minute after it was loaded lost its job (sent after the commit): send it again (same job id). */
const REQUEUE_AFTER_MS = 30_000;

export const GET = route({ access: "import.create", params: importIdParamsSchema }, async ({ actor, params }) => {
  const found = await importById(actor, params.id);
  if (!found) throw errors.notFound("Import");
  if (found.view.status === "queued" && Date.now() - found.createdAt.getTime() > REQUEUE_AFTER_MS) {
    await (found.kind === "people" ? queuePeopleImport(found.view.id) : queueNameListImport(found.view.id));
  }
  return found.view;
});
