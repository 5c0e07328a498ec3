import { foldText } from "@/lib/search/normalize.ts";
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH, searchTextSchema } from "@/lib/search/schema.ts";

/**
 * What the search box makes of what was typed, before anything is sent.
 *
 * The server's own schema (lib/search/schema.ts) decides whether the text is
 * searchable, so the browser never sends what the server would refuse; when it
 * refuses, the reason is told apart here in the same order the schema checks,
 * because its messages are English sentences for API clients, not for people.
 */
export type InputProblem = "empty" | "tooShort" | "tooLong" | "notText" | "needsLetters";

export type CheckedText = { ok: true; text: string } | { ok: false; problem: InputProblem };

export function checkSearchText(raw: string): CheckedText {
  const parsed = searchTextSchema.safeParse(raw);
  if (parsed.success) return { ok: true, text: parsed.data };
  return { ok: false, problem: inputProblem(raw) };
}

/** Why the schema refused `raw` ("notText" when none of the plain reasons fits: control characters). */
export function inputProblem(raw: string): InputProblem {
  if (raw.length > SEARCH_MAX_LENGTH) return "tooLong";
  const trimmed = raw.trim().replace(/\s+/g, " ");
  if (trimmed === "") return "empty";
  if (trimmed.length < SEARCH_MIN_LENGTH) return "tooShort";
  // Only signs ("%%", "__", "--"): they would ask for everyone, so they are not a search.
  if (foldText(trimmed).replace(/\s/g, "").length < SEARCH_MIN_LENGTH) return "needsLetters";
  return "notText";
}
