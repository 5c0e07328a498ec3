import { route } from "@/lib/api/route.ts";
import { mergePersons } from "@/lib/persons/mutations.ts";
import { mergePersonsSchema } from "@/lib/persons/schema.ts";

export const POST = route({ access: "person.merge", body: mergePersonsSchema }, async ({ actor, body }) => mergePersons(actor, body));
