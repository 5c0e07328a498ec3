/** The evidence fields of a form (inputs `evidence.*`), and the multipart body sent for them. */
export interface EvidenceInput {
  kind: string;
  description: string;
  url: string;
  file: File | null;
  public: boolean;
}

export function evidenceFromForm(form: { get(name: string): unknown }): EvidenceInput {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const file = form.get("evidence.file");
  return {
    kind: text("evidence.kind") || "other",
    description: text("evidence.description").trim(),
    url: text("evidence.url").trim(),
    // A file input with nothing chosen still sends an empty, nameless file.
    file: typeof File !== "undefined" && file instanceof File && (file.size > 0 || file.name !== "") ? file : null,
    public: text("evidence.public") === "on" || text("evidence.public") === "true",
  };
}

/** Whether anything of the evidence was filled in (when nothing was, there is nothing to send). */
export function evidenceGiven(input: EvidenceInput): boolean {
  return input.file !== null || input.url !== "" || input.description !== "";
}

/** The body of POST /api/v1/releases/{id}/evidence as a form. */
export function evidenceBody(input: EvidenceInput): FormData {
  const body = new FormData();
  body.set("kind", input.kind);
  body.set("description", input.description);
  if (input.url !== "") body.set("url", input.url);
  body.set("public", input.public ? "true" : "false");
  if (input.file) body.set("file", input.file, input.file.name || "evidencia");
  return body;
}
