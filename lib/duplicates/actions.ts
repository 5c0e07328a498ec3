"use server";

import { revalidatePath } from "next/cache";
import { action } from "../api/action.ts";
import { dismissDuplicate } from "./mutations.ts";
import { dismissDuplicateSchema } from "./schema.ts";

// The merge queue's "different people" button (/fusionar): the same wrapper, permission and mutation as the API.
export const dismissDuplicateAction = action({ access: "person.merge", input: dismissDuplicateSchema }, async ({ actor, input }) => {
  const result = await dismissDuplicate(actor, input.id);
  revalidatePath("/fusionar");
  return result;
});
