import { describe, expect, it } from "vitest";
import { evidenceOperations } from "../api/openapi/operations/evidence.ts";
import { addEvidenceFormSchema, addEvidenceJsonSchema, caracasToday, EVIDENCE_KINDS, URL_OR_FILE_MESSAGE } from "./schema.ts";
import es from "../i18n/messages/es/evidence.json" with { type: "json" };

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("JSON evidence", () => {
  it("takes a link with a kind and a description, private unless said", () => {
    const parsed = addEvidenceJsonSchema.parse({
      kind: "press_report",
      url: " https://example.org/nota ",
      description: "  Nota de prensa.  ",
    });
    expect(parsed).toEqual({ kind: "press_report", url: "https://example.org/nota", description: "Nota de prensa.", public: false });
  });

  it("needs a url, saying a file goes as a form", () => {
    const result = addEvidenceJsonSchema.safeParse({ kind: "other", description: "Sin enlace" });
    expect(issuesOf(result)).toEqual([`url: ${URL_OR_FILE_MESSAGE}`]);
  });

  it.each([
    ["javascript:alert(1)"],
    ["ftp://example.org/file"],
    ["file:///etc/passwd"],
    ["not a url"],
    [`https://example.org/${"a".repeat(2000)}`],
  ])("refuses the url %s", (url) => {
    const result = addEvidenceJsonSchema.safeParse({ kind: "other", url: url.slice(0, 2100), description: "x" });
    expect(result.success).toBe(false);
    expect(issuesOf(result)[0]).toMatch(/^url: /);
  });

  it("needs a description of 1 to 2000 characters after trimming", () => {
    expect(issuesOf(addEvidenceJsonSchema.safeParse({ kind: "other", url: "https://e.org", description: "   " }))).toEqual([
      "description: Describe the evidence.",
    ]);
    expect(addEvidenceJsonSchema.safeParse({ kind: "other", url: "https://e.org", description: "x".repeat(2001) }).success).toBe(
      false,
    );
  });

  it("knows the nine kinds and nothing else", () => {
    for (const kind of EVIDENCE_KINDS) {
      expect(addEvidenceJsonSchema.safeParse({ kind, url: "https://e.org", description: "x" }).success).toBe(true);
    }
    expect(addEvidenceJsonSchema.safeParse({ kind: "rumour", url: "https://e.org", description: "x" }).success).toBe(false);
  });

  it("takes an obtainedOn date up to today in Caracas, not in the future and not impossible", () => {
    const base = { kind: "other", url: "https://e.org", description: "x" };
    expect(addEvidenceJsonSchema.safeParse({ ...base, obtainedOn: caracasToday() }).success).toBe(true);
    expect(addEvidenceJsonSchema.safeParse({ ...base, obtainedOn: "2026-01-12" }).success).toBe(true);
    expect(addEvidenceJsonSchema.safeParse({ ...base, obtainedOn: "2999-01-01" }).success).toBe(false);
    expect(addEvidenceJsonSchema.safeParse({ ...base, obtainedOn: "2026-02-30" }).success).toBe(false);
    expect(addEvidenceJsonSchema.safeParse({ ...base, obtainedOn: "12/01/2026" }).success).toBe(false);
  });

  it("reads today's date in Caracas (UTC−4), not in UTC", () => {
    expect(caracasToday(new Date("2026-01-13T02:30:00Z"))).toBe("2026-01-12");
    expect(caracasToday(new Date("2026-01-13T04:30:00Z"))).toBe("2026-01-13");
  });

  it("refuses unknown fields", () => {
    const result = addEvidenceJsonSchema.safeParse({ kind: "other", url: "https://e.org", description: "x", addedBy: "me" });
    expect(result.error?.issues.map((issue) => issue.code)).toContain("unrecognized_keys");
  });

  it("publishes an example that parses", () => {
    const operation = evidenceOperations.find((op) => op.operationId === "addEvidence")!;
    expect(operation.handlerJsonBody).toBe(addEvidenceJsonSchema);
    expect(addEvidenceJsonSchema.safeParse(operation.bodyExample).error?.issues ?? []).toEqual([]);
  });
});

describe("form evidence (multipart fields)", () => {
  it("reads the text fields: empty url and date are absent, public is true, false or on", () => {
    expect(addEvidenceFormSchema.parse({ kind: "photo_video", url: "", description: "Foto", obtainedOn: "", public: "on" })).toEqual({
      kind: "photo_video",
      url: undefined,
      description: "Foto",
      obtainedOn: undefined,
      public: true,
    });
    expect(addEvidenceFormSchema.parse({ kind: "photo_video", description: "Foto", public: "false" }).public).toBe(false);
    expect(addEvidenceFormSchema.parse({ kind: "photo_video", description: "Foto" }).public).toBe(false);
    expect(addEvidenceFormSchema.safeParse({ kind: "photo_video", description: "Foto", public: "yes" }).success).toBe(false);
    expect(addEvidenceFormSchema.safeParse({ kind: "photo_video", description: "Foto", url: "javascript:x" }).success).toBe(false);
  });
});

describe("messages", () => {
  it("name every kind", () => {
    expect(Object.keys(es.kinds).sort()).toEqual([...EVIDENCE_KINDS].sort());
  });
});
