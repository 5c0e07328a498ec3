import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "./document.ts";
import { buildReference, inlineParts, slug, type Shape } from "./reference.ts";
import { operations, type Operation } from "./registry.ts";

const real = buildOpenApiDocument();
const reference = buildReference(real);
const all = reference.sections.flatMap((section) => section.operations);
const byId = (id: string) => all.find((operation) => operation.operationId === id)!;
const field = (shape: Shape, name: string) => shape.fields.find((candidate) => candidate.name === name)!;

describe("the API reference shaped from the OpenAPI document", () => {
  it("lists every operation of the document once, under its first tag, in the document's tag order", () => {
    const inDocument = Object.entries(real.paths).flatMap(([apiPath, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${apiPath}`),
    );
    expect(reference.operationCount).toBe(inDocument.length);
    expect(all.map((operation) => `${operation.method} ${operation.path}`).sort()).toEqual([...inDocument].sort());
    const tagOrder = real.tags.map((tag) => tag.name).filter((name) => reference.sections.some((section) => section.tag === name));
    expect(reference.sections.map((section) => section.tag)).toEqual(tagOrder);
    for (const section of reference.sections) expect(section.anchor).toMatch(/^tag-[a-z0-9-]+$/);
    const anchors = all.map((operation) => operation.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it("derives who may call each operation from the registry's access", () => {
    for (const declared of operations) {
      const shaped = byId(declared.operationId);
      if (declared.access === "public") expect(shaped.access.level).toBe("public");
      else if (declared.access === "signed_in") expect(shaped.access.level).toBe("volunteer");
      else expect(shaped.access).toMatchObject({ permission: declared.access });
    }
    expect(byId("listUsers").access).toEqual({ level: "admin", permission: "user.manage", secondFactor: true, credentialsIgnored: false });
    expect(byId("createToken").access).toMatchObject({ level: "volunteer", secondFactor: true });
    expect(byId("getHealth").access).toMatchObject({ level: "public", credentialsIgnored: true });
  });

  it("keeps the description as written, without the access paragraph the document appends", () => {
    const me = byId("getMe");
    expect(me.description.join(" ")).toContain("lets a script check its token");
    for (const operation of all) {
      for (const paragraph of operation.description) expect(paragraph).not.toMatch(/^\*\*(Public|Signed in|Requires role)/);
    }
  });

  it("shapes parameters with type, required and constraints", () => {
    const search = byId("searchPeople");
    const q = search.parameters.find((parameter) => parameter.name === "q")!;
    expect(q).toMatchObject({ in: "query", required: true, shape: { type: "string" } });
    expect(q.shape.constraints).toContainEqual({ kind: "maxLength", value: 200 });
    const limit = search.parameters.find((parameter) => parameter.name === "limit")!;
    expect(limit.required).toBe(false);
    expect(limit.shape.constraints).toEqual(
      expect.arrayContaining([
        { kind: "minimum", value: 1 },
        { kind: "maximum", value: 50 },
        { kind: "default", value: "10" },
      ]),
    );
    const revoke = byId("revokeToken");
    expect(revoke.parameters[0]).toMatchObject({ name: "id", in: "path", required: true, shape: { type: "string", format: "uuid" } });
    // A format replaces zod's long pattern for it; safe-integer bounds are left out.
    expect(revoke.parameters[0]!.shape.constraints).toEqual([]);
  });

  it("separates success responses (with their fields) from error statuses (with when)", () => {
    const list = byId("listTokens");
    expect(list.responses.map((response) => response.status)).toEqual(["200"]);
    const tokens = field(list.responses[0]!.shape!, "tokens");
    expect(tokens.shape.type).toBe("object[]");
    expect(tokens.shape.fields.map((item) => item.name)).toEqual(expect.arrayContaining(["id", "name", "prefix", "createdAt"]));
    expect(field(tokens.shape, "lastUsedAt").shape).toMatchObject({ type: "string", nullable: true, format: "date-time" });
    expect(list.errors.map((error) => error.status)).toEqual(expect.arrayContaining(["401", "403"]));
    for (const error of list.errors) expect(error.description.length).toBeGreaterThan(0);
    expect(reference.errorCodes).toEqual(expect.arrayContaining(["invalid_input", "not_found", "rate_limited"]));
  });
});

describe("request bodies", () => {
  const op = (extra: Partial<Operation>): Operation => ({
    operationId: "testThing",
    method: "POST",
    path: "/api/v1/things",
    summary: "A thing",
    description: "Makes a `thing`.",
    tags: ["Persons"],
    access: "person.create",
    responses: { 201: { description: "Made.", schema: z.strictObject({ id: z.uuid() }) } },
    ...extra,
  });

  it("walks the JSON Schema: nesting, enums, bounds, nullable, descriptions and the example", () => {
    const body = z.strictObject({
      name: z.string().min(2).max(100).describe("What to call it."),
      kind: z.enum(["a", "b"]),
      count: z.int().min(0).max(10).optional(),
      note: z.string().max(50).nullable().optional(),
      tags: z.array(z.string().max(20)).max(5).optional(),
      where: z.strictObject({ city: z.string(), since: z.iso.date().optional() }),
    });
    const document = buildOpenApiDocument([op({ body, bodyExample: { name: "xx", kind: "a", where: { city: "Caracas" } } })]);
    const [content] = buildReference(document).sections[0]!.operations[0]!.requestBody;
    expect(content!.mediaType).toBe("application/json");
    expect(JSON.parse(content!.example!)).toEqual({ name: "xx", kind: "a", where: { city: "Caracas" } });
    const shape = content!.shape;
    expect(field(shape, "name")).toMatchObject({
      required: true,
      shape: { type: "string", description: "What to call it.", constraints: [{ kind: "minLength", value: 2 }, { kind: "maxLength", value: 100 }] },
    });
    expect(field(shape, "kind").shape.enumValues).toEqual(["a", "b"]);
    expect(field(shape, "count")).toMatchObject({ required: false, shape: { type: "integer" } });
    expect(field(shape, "count").shape.constraints).toEqual([
      { kind: "minimum", value: 0 },
      { kind: "maximum", value: 10 },
    ]);
    expect(field(shape, "note").shape).toMatchObject({ type: "string", nullable: true, constraints: [{ kind: "maxLength", value: 50 }] });
    expect(field(shape, "tags").shape).toMatchObject({ type: "string[]" });
    expect(field(shape, "tags").shape.constraints).toEqual(
      expect.arrayContaining([
        { kind: "maxItems", value: 5 },
        { kind: "maxLength", value: 20 },
      ]),
    );
    const where = field(shape, "where");
    expect(where.shape.type).toBe("object");
    expect(where.shape.fields.map((nested) => [nested.name, nested.required, nested.shape.format ?? null])).toEqual([
      ["city", true, null],
      ["since", false, "date"],
    ]);
  });

  it("shows alternatives of a union as variants, and follows $refs without looping", () => {
    const Node: z.ZodType<{ label: string; children?: unknown[] }> = z
      .strictObject({ label: z.string(), get children() { return z.array(Node).optional(); } })
      .meta({ id: "TestNode" });
    const body = z.discriminatedUnion("action", [
      z.strictObject({ action: z.literal("keep"), node: Node }),
      z.strictObject({ action: z.literal("drop"), reason: z.string() }),
    ]);
    const document = buildOpenApiDocument([op({ body, bodyExample: { action: "drop", reason: "x" } })]);
    const shape = buildReference(document).sections[0]!.operations[0]!.requestBody[0]!.shape;
    expect(shape.variants).toHaveLength(2);
    expect(shape.variants[0]!.fields.map((variant) => variant.name)).toEqual(["action", "node"]);
    expect(field(shape.variants[0]!, "action").shape.constraints).toContainEqual({ kind: "const", value: "keep" });
    const node = field(shape.variants[0]!, "node").shape;
    expect(node.fields.map((nested) => nested.name)).toEqual(["label", "children"]);
    // The recursion stops at the second visit: the reader sees the schema's name.
    expect(field(node, "children").shape.type).toBe("TestNodeInput[]");
  });

  it("places operations with an unknown tag in a section of their own instead of dropping them", () => {
    const document = buildOpenApiDocument([op({})]);
    document.paths["/api/v1/things"]!.post!.tags = ["Brand new"];
    const shaped = buildReference(document);
    expect(shaped.sections.map((section) => [section.tag, section.anchor, section.operations.length])).toEqual([["Brand new", "tag-brand-new", 1]]);
  });
});

describe("inline marks", () => {
  it("splits code, strong and links, and leaves other text alone", () => {
    expect(inlineParts("Send `Authorization: Bearer <token>`; **never** share it, see [the page](/cuenta) or [x](javascript:alert(1)).")).toEqual([
      { kind: "text", text: "Send " },
      { kind: "code", text: "Authorization: Bearer <token>" },
      { kind: "text", text: "; " },
      { kind: "strong", text: "never" },
      { kind: "text", text: " share it, see " },
      { kind: "link", text: "the page", href: "/cuenta" },
      { kind: "text", text: " or [x](javascript:alert(1))." },
    ]);
    expect(inlineParts("")).toEqual([]);
  });

  it("makes anchors from tag names", () => {
    expect(slug("Personas públicas")).toBe("personas-publicas");
  });
});
