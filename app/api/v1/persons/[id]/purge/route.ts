import { route } from "@/lib/api/route.ts";
import { removeUnreferencedFiles } from "@/lib/evidence/mutations.ts";
import { purgePerson } from "@/lib/persons/mutations.ts";
import { personIdParamsSchema, purgePersonSchema } from "@/lib/persons/schema.ts";

// Admins only, and only a person already marked deleted: removes the records for good, keeps the audit event.
export const POST = route(
  { access: "person.purge", params: personIdParamsSchema, body: purgePersonSchema },
  async ({ actor, params, body }) => {
    const purged = await purgePerson(actor, params.id, body);
    const removed = await removeUnreferencedFiles(purged.fileSha256s);
    return { purgedPersons: purged.purgedPersonIds.length, removedFiles: removed.length };
  },
);
