import { created, route } from "@/lib/api/route.ts";
import { createPerson } from "@/lib/persons/mutations.ts";
import { createPersonSchema } from "@/lib/persons/schema.ts";

// A new person, recorded for the caller's organization, with the records that may be the same person.
export const POST = route({ access: "person.create", body: createPersonSchema }, async ({ actor, body }) => {
  const person = await createPerson(actor, body);
  return created({
    id: person.id,
    version: person.version,
    possibleDuplicates: person.possibleDuplicates.map(({ id, name, match, sameCedula }) => ({ id, name, match, sameCedula })),
  });
});
