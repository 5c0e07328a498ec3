/**
 * A refused form's field issues → the message key (namespace `record`,
 * `fieldErrors.*`) said next to each field. The server's messages are
 * English and for developers; only their gist is read here.
 */
export type FieldErrorKey =
  | "givenNames"
  | "surnames"
  | "cedula"
  | "cedulaTaken"
  | "sex"
  | "nationality"
  | "birthYear"
  | "homeState"
  | "disclosure"
  | "externalRef"
  | "externalRefTaken"
  | "notes"
  | "otherSpellings"
  | "releasedOn"
  | "releasedOnFuture"
  | "facility"
  | "conditions"
  | "conditionsDetail"
  | "reason"
  | "arrestedOn"
  | "arrestedOnFuture"
  | "charges"
  | "other";

const SIMPLE: ReadonlySet<string> = new Set([
  "givenNames",
  "surnames",
  "cedula",
  "sex",
  "nationality",
  "birthYear",
  "homeState",
  "disclosure",
  "externalRef",
  "notes",
  "otherSpellings",
  "releasedOn",
  "facility",
  "conditions",
  "conditionsDetail",
  "reason",
  "arrestedOn",
  "charges",
]);

/** The field a path names: its last segment that is not an array index ("person.surnames" → "surnames"). */
export function fieldOfPath(path: string): string {
  const parts = path.split(".").filter((part) => part !== "" && !/^\d+$/.test(part));
  return parts[parts.length - 1] ?? "";
}

export function fieldErrorKey(path: string, message: string): FieldErrorKey {
  const field = fieldOfPath(path);
  if (message === "taken" && (field === "cedula" || field === "externalRef")) return `${field}Taken`;
  if (field === "releasedOn" && /future/i.test(message)) return "releasedOnFuture";
  if (field === "arrestedOn" && /future/i.test(message)) return "arrestedOnFuture";
  // The re-arrest's facility shares the release's words.
  return SIMPLE.has(field) ? (field as FieldErrorKey) : "other";
}

/** The first issue on any of these paths, if any. */
export function issueOn(fields: Record<string, string> | undefined, paths: readonly string[]): { path: string; message: string } | null {
  if (!fields) return null;
  for (const path of paths) {
    if (path in fields) return { path, message: fields[path]! };
  }
  return null;
}
