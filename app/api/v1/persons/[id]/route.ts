import { route } from "@/lib/api/route.ts";
import { publicPersonById } from "@/lib/persons/data.ts";
import { markPersonDeleted, updatePerson } from "@/lib/persons/mutations.ts";
import { deletePersonSchema, personIdParamsSchema, updatePersonSchema } from "@/lib/persons/schema.ts";
import { errors } from "@/lib/errors.ts";

// The public view (DESIGN.md rule 4), the same for everyone whatever their credentials.
export const GET = route({ access: "public", authenticate: false, params: personIdParamsSchema }, async ({ params }) => {
  const person = await publicPersonById(params.id);
  if (!person) throw errors.notFound("Person");
  return person;
});

export const PATCH = route(
  { access: "person.update", params: personIdParamsSchema, body: updatePersonSchema },
  async ({ actor, params, body }) => updatePerson(actor, params.id, body),
);

export const DELETE = route(
  { access: "person.delete", params: personIdParamsSchema, body: deletePersonSchema },
  async ({ actor, params, body }) => {
    const deleted = await markPersonDeleted(actor, params.id, body);
    return { id: deleted.id, deletedAt: deleted.deletedAt.toISOString() };
  },
);
