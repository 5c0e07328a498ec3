/**
 * The release date as the forms ask for it — how precise it is, then the day
 * or the month — and back: "2026-01-12" (a day), "2026-01" (a month) or null
 * (nobody knows yet), which is what lib/releases takes.
 */
export type DatePrecision = "day" | "month" | "unknown";

export function composeReleasedOn(precision: string, day: string, month: string): string | null {
  if (precision === "unknown") return null;
  // A blank date goes to the server as "", which it refuses with the date's own message.
  return precision === "month" ? month.trim() : day.trim();
}

export function splitReleasedOn(releasedOn: string | null): { precision: DatePrecision; day: string; month: string } {
  if (releasedOn === null || releasedOn === "") return { precision: "unknown", day: "", month: "" };
  if (releasedOn.length === 7) return { precision: "month", day: "", month: releasedOn };
  return { precision: "day", day: releasedOn, month: releasedOn.slice(0, 7) };
}

export interface ReleaseFormInput {
  releasedOn: string | null;
  facility?: string;
  conditions?: string;
  conditionsDetail?: string;
}

/** The release's fields of a submitted form (inputs `date.*` and `release.*`), as lib/releases takes them. */
export function releaseFromForm(form: { get(name: string): unknown }): ReleaseFormInput {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const out: ReleaseFormInput = {
    releasedOn: composeReleasedOn(text("date.precision") || "unknown", text("date.day"), text("date.month")),
  };
  for (const field of ["facility", "conditions", "conditionsDetail"] as const) {
    const value = text(`release.${field}`).trim();
    if (value !== "") out[field] = value;
  }
  return out;
}
