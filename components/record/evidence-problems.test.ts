import { describe, expect, it } from "vitest";
import { checkEvidenceBeforeUpload, evidenceProblem, limitInMegabytes } from "./evidence-problems.ts";

const LIMIT = 25 * 1024 * 1024;

describe("checkEvidenceBeforeUpload", () => {
  const ok = { description: "Foto en la puerta", url: "", file: { size: 1000 } };
  it("accepts a described file or link", () => {
    expect(checkEvidenceBeforeUpload(ok, LIMIT)).toBeNull();
    expect(checkEvidenceBeforeUpload({ ...ok, file: null, url: "https://example.org/nota" }, LIMIT)).toBeNull();
  });
  it("refuses what the server would refuse, before sending a byte", () => {
    expect(checkEvidenceBeforeUpload({ ...ok, file: { size: LIMIT + 1 } }, LIMIT)).toMatchObject({ key: "tooLarge", field: "file", values: { limitMb: 25 } });
    expect(checkEvidenceBeforeUpload({ ...ok, file: { size: 0 } }, LIMIT)).toMatchObject({ key: "fileEmpty", field: "file" });
    expect(checkEvidenceBeforeUpload({ ...ok, file: null }, LIMIT)).toMatchObject({ key: "urlOrFile", field: "url" });
    expect(checkEvidenceBeforeUpload({ ...ok, file: null, url: "ftp://x" }, LIMIT)).toMatchObject({ key: "urlInvalid" });
    expect(checkEvidenceBeforeUpload({ ...ok, description: " " }, LIMIT)).toMatchObject({ key: "descriptionRequired", field: "description" });
    expect(checkEvidenceBeforeUpload({ ...ok, description: "x".repeat(2001) }, LIMIT)).toMatchObject({ key: "descriptionTooLong" });
  });
});

describe("evidenceProblem", () => {
  const refused = (status: number, error: object) => ({ ok: false as const, kind: "refused" as const, status, error: error as never });

  it("offers a retry when the connection dropped or the upload was cancelled", () => {
    expect(evidenceProblem({ ok: false, kind: "network" }, LIMIT)).toEqual({ namespace: "record", key: "connectionLost", field: null, retry: true });
    expect(evidenceProblem({ ok: false, kind: "aborted" }, LIMIT)).toMatchObject({ key: "cancelled", retry: true });
  });

  it("maps the API's error codes to the evidence namespace's messages", () => {
    expect(evidenceProblem(refused(413, { code: "too_large", details: { limitBytes: 10 * 1024 * 1024 } }), LIMIT)).toMatchObject({
      namespace: "evidence",
      key: "tooLarge",
      values: { limitMb: 10 },
    });
    expect(evidenceProblem(refused(415, { code: "unsupported_media_type", details: { reason: "type" } }), LIMIT)).toMatchObject({ key: "unsupportedType", field: "file" });
    expect(evidenceProblem(refused(415, { code: "unsupported_media_type", details: { reason: "heic" } }), LIMIT)).toMatchObject({ key: "heicNotReadable" });
    expect(evidenceProblem(refused(422, { code: "unprocessable", details: { reason: "damaged_image" } }), LIMIT)).toMatchObject({ key: "damagedImage" });
  });

  it("puts invalid_input issues on their field", () => {
    const issue = (path: string, message: string) => refused(400, { code: "invalid_input", issues: [{ path, message }] });
    expect(evidenceProblem(issue("url", "Give a url (a link to the evidence), or send the file as multipart/form-data."), LIMIT)).toMatchObject({ key: "urlOrFile", field: "url" });
    expect(evidenceProblem(issue("url", "The url must be a web address starting with http:// or https://."), LIMIT)).toMatchObject({ key: "urlInvalid" });
    expect(evidenceProblem(issue("description", "Describe the evidence."), LIMIT)).toMatchObject({ key: "descriptionRequired", field: "description" });
    expect(evidenceProblem(issue("description", "The description must have at most 2000 characters."), LIMIT)).toMatchObject({ key: "descriptionTooLong" });
  });

  it("says plainly when retrying cannot help", () => {
    expect(evidenceProblem(refused(401, { code: "unauthenticated" }), LIMIT)).toMatchObject({ key: "notAllowed", retry: false });
    expect(evidenceProblem(refused(404, { code: "not_found" }), LIMIT)).toMatchObject({ key: "releaseGone", retry: false });
    expect(evidenceProblem(refused(500, { code: "internal" }), LIMIT)).toMatchObject({ key: "connectionLost", retry: true });
    expect(evidenceProblem(refused(400, { code: "invalid_json" }), LIMIT)).toMatchObject({ key: "refused", retry: false });
  });

  it("states limits in whole megabytes", () => {
    expect(limitInMegabytes(LIMIT)).toBe(25);
    expect(limitInMegabytes(1024)).toBe(1);
  });
});
