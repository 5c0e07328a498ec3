import { describe, expect, it } from "vitest";
import { evidenceBody, evidenceFromForm, evidenceGiven } from "./evidence-form.ts";
import { fieldErrorKey, fieldOfPath, issueOn } from "./field-problems.ts";
import { composeReleasedOn, releaseFromForm, splitReleasedOn } from "./release-date.ts";
import { readAnswer } from "./upload.ts";

const formOf = (entries: Record<string, string | File>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
};

describe("release date", () => {
  it("composes a day, a month, or nothing", () => {
    expect(composeReleasedOn("day", "2026-01-12", "")).toBe("2026-01-12");
    expect(composeReleasedOn("month", "2026-01-12", "2026-01")).toBe("2026-01");
    expect(composeReleasedOn("unknown", "2026-01-12", "2026-01")).toBeNull();
    // A missing date is sent as "", which the server refuses with the date's message.
    expect(composeReleasedOn("day", " ", "")).toBe("");
  });
  it("splits a stored date back into the form's parts", () => {
    expect(splitReleasedOn("2026-01-12")).toEqual({ precision: "day", day: "2026-01-12", month: "2026-01" });
    expect(splitReleasedOn("2026-01")).toEqual({ precision: "month", day: "", month: "2026-01" });
    expect(splitReleasedOn(null)).toEqual({ precision: "unknown", day: "", month: "" });
  });
  it("reads the release fields of a form, leaving blanks out", () => {
    const form = formOf({ "date.precision": "month", "date.month": "2026-01", "release.facility": " Rodeo I ", "release.conditionsDetail": "", "release.conditions": "full" });
    expect(releaseFromForm(form)).toEqual({ releasedOn: "2026-01", facility: "Rodeo I", conditions: "full" });
  });
});

describe("evidence form", () => {
  it("reads the evidence fields and builds the multipart body", () => {
    const file = new File([new Uint8Array([1, 2, 3])], "foto.jpg", { type: "image/jpeg" });
    const input = evidenceFromForm(formOf({ "evidence.kind": "photo_video", "evidence.description": " Foto ", "evidence.url": "", "evidence.file": file, "evidence.public": "on" }));
    expect(input).toMatchObject({ kind: "photo_video", description: "Foto", url: "", public: true });
    expect(input.file?.name).toBe("foto.jpg");
    const body = evidenceBody(input);
    expect(body.get("public")).toBe("true");
    expect(body.get("url")).toBeNull();
    expect((body.get("file") as File).name).toBe("foto.jpg");
  });
  it("treats an untouched file input as no file, and an empty step as no evidence", () => {
    const input = evidenceFromForm(formOf({ "evidence.kind": "other", "evidence.file": new File([], "") }));
    expect(input.file).toBeNull();
    expect(input.public).toBe(false);
    expect(evidenceGiven(input)).toBe(false);
  });
});

describe("field problems", () => {
  it("names the field of a path", () => {
    expect(fieldOfPath("person.surnames")).toBe("surnames");
    expect(fieldOfPath("otherSpellings.2")).toBe("otherSpellings");
  });
  it("picks the sentence for each field, telling a future date and a taken cédula apart", () => {
    expect(fieldErrorKey("release.releasedOn", "Release date cannot be in the future.")).toBe("releasedOnFuture");
    expect(fieldErrorKey("release.releasedOn", "Release date: YYYY-MM-DD, or YYYY-MM when only the month is known.")).toBe("releasedOn");
    expect(fieldErrorKey("person.cedula", "taken")).toBe("cedulaTaken");
    expect(fieldErrorKey("person.cedula", "Not a cédula: use V-12.345.678 or E-84.123.456.")).toBe("cedula");
    expect(fieldErrorKey("rearrest.arrestedOn", "Arrest date cannot be in the future.")).toBe("arrestedOnFuture");
    expect(fieldErrorKey("person.surnames", "Surnames are required.")).toBe("surnames");
    expect(fieldErrorKey("person", "Give either…")).toBe("other");
  });
  it("finds the first issue on the paths asked for", () => {
    expect(issueOn({ a: "x", b: "y" }, ["c", "b", "a"])).toEqual({ path: "b", message: "y" });
    expect(issueOn(undefined, ["a"])).toBeNull();
  });
});

describe("upload answers", () => {
  it("tells a saved upload, a refusal and a dropped connection apart", () => {
    expect(readAnswer(201, JSON.stringify({ id: "e1", sha256: "ab" }))).toEqual({ ok: true, id: "e1", sha256: "ab" });
    expect(readAnswer(415, JSON.stringify({ error: { code: "unsupported_media_type", message: "no", details: { reason: "type" } } }))).toMatchObject({
      ok: false,
      kind: "refused",
      status: 415,
      error: { code: "unsupported_media_type" },
    });
    expect(readAnswer(0, "")).toEqual({ ok: false, kind: "network" });
    expect(readAnswer(413, "<html>Request Entity Too Large</html>")).toMatchObject({ kind: "refused", error: { code: "too_large" } });
    expect(readAnswer(502, "<html>Bad gateway</html>")).toMatchObject({ kind: "refused", error: { code: "internal" } });
  });
});
