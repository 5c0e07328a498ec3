"use server";

import { action } from "../api/action.ts";
import { mergePersons } from "./mutations.ts";
import { mergePersonsSchema } from "./schema.ts";

// The merge screen's server action (/fusionar): the same wrapper, permission
// ("person.merge", moderators and admins) and mutation as POST /api/v1/persons/merge.

export const mergePersonsAction = action({ access: "person.merge", input: mergePersonsSchema }, async ({ actor, input }) =>
  mergePersons(actor, input),
);
