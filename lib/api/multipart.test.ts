import { describe, expect, it } from "vitest";
import { readMultipartForm } from "./multipart.ts";

const URL = "http://localhost/api/v1/releases/x/evidence";

function formRequest(form: FormData): Request {
  return new Request(URL, { method: "POST", body: form });
}

/** The same multipart body, streamed without a Content-Length (as a chunked upload arrives). */
async function streamedRequest(form: FormData, declaredLength?: number): Promise<Request> {
  const built = formRequest(form);
  const body = new Uint8Array(await built.arrayBuffer());
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < body.length; i += 1024) controller.enqueue(body.subarray(i, i + 1024));
      controller.close();
    },
  });
  const headers = new Headers({ "content-type": built.headers.get("content-type")! });
  if (declaredLength !== undefined) headers.set("content-length", String(declaredLength));
  return new Request(URL, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit & { duplex: "half" });
}

const file = (size: number, name = "foto.jpg") => new File([new Uint8Array(size)], name, { type: "image/jpeg" });

describe("reading a multipart form", () => {
  it("returns the text fields and the one file", async () => {
    const form = new FormData();
    form.set("kind", "photo_video");
    form.set("description", "Foto de la salida");
    form.set("file", file(3000));
    const { fields, file: got } = await readMultipartForm(formRequest(form), { maxBytes: 10_000 });
    expect({ ...fields }).toEqual({ kind: "photo_video", description: "Foto de la salida" });
    expect(got?.name).toBe("foto.jpg");
    expect(got?.size).toBe(3000);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const form = new FormData();
    form.set("file", file(5000));
    await expect(readMultipartForm(await streamedRequest(form, 5400), { maxBytes: 4000 })).rejects.toMatchObject({
      code: "too_large",
    });
  });

  it("cuts off a body with no Content-Length, or a lying one, at the limit", async () => {
    const form = new FormData();
    form.set("file", file(50_000));
    await expect(readMultipartForm(await streamedRequest(form), { maxBytes: 4000 })).rejects.toMatchObject({ code: "too_large" });
    await expect(readMultipartForm(await streamedRequest(form, 100), { maxBytes: 4000 })).rejects.toMatchObject({
      code: "too_large",
    });
  });

  it("reads a streamed body under the limit", async () => {
    const form = new FormData();
    form.set("kind", "other");
    form.set("file", file(2000));
    const { fields, file: got } = await readMultipartForm(await streamedRequest(form), { maxBytes: 4000 });
    expect(fields.kind).toBe("other");
    expect(got?.size).toBe(2000);
  });

  it("refuses file parts under another name, two files, a text 'file' and repeated fields", async () => {
    const other = new FormData();
    other.set("file", file(10));
    other.set("attachment", file(10, "b.jpg"));
    await expect(readMultipartForm(formRequest(other), { maxBytes: 10_000 })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/attachment/),
    });

    const two = new FormData();
    two.append("file", file(10));
    two.append("file", file(10, "b.jpg"));
    await expect(readMultipartForm(formRequest(two), { maxBytes: 10_000 })).rejects.toMatchObject({ code: "invalid_input" });

    const text = new FormData();
    text.set("file", "not a file");
    await expect(readMultipartForm(formRequest(text), { maxBytes: 10_000 })).rejects.toMatchObject({ code: "invalid_input" });

    const repeated = new FormData();
    repeated.append("kind", "other");
    repeated.append("kind", "press_report");
    await expect(readMultipartForm(formRequest(repeated), { maxBytes: 10_000 })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/kind.*more than once/),
    });
  });

  it("treats a form's empty file input as no file, and refuses an empty named file", async () => {
    const empty = new FormData();
    empty.set("kind", "other");
    empty.set("file", new File([], ""));
    expect((await readMultipartForm(formRequest(empty), { maxBytes: 10_000 })).file).toBeNull();

    const named = new FormData();
    named.set("file", new File([], "vacio.pdf"));
    await expect(readMultipartForm(formRequest(named), { maxBytes: 10_000 })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("refuses a body that is not multipart, and a broken one", async () => {
    const json = new Request(URL, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await expect(readMultipartForm(json, { maxBytes: 10_000 })).rejects.toMatchObject({ code: "invalid_input" });
    const broken = new Request(URL, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=abc" },
      body: "--abc\r\nnonsense",
    });
    await expect(readMultipartForm(broken, { maxBytes: 10_000 })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("keeps a part named __proto__ as a plain field", async () => {
    const form = new FormData();
    form.set("__proto__", "x");
    const { fields } = await readMultipartForm(formRequest(form), { maxBytes: 10_000 });
    expect(Object.keys(fields)).toEqual(["__proto__"]);
  });
});
