import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeOptionsOf } from "../route.ts";
import { buildOpenApiDocument, errorResponsesOf, type OpenApiDocument } from "./document.ts";
import { operations, TAGS } from "./registry.ts";
import { openApiDocumentSchema } from "./schemas.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const APP_DIR = path.join(ROOT, "app");
const API_DIR = path.join(APP_DIR, "api");
/** next-auth's own endpoints: not part of our API. */
const SKIPPED = [path.join(API_DIR, "auth")];
const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
const OPERATION_KEYS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const document = buildOpenApiDocument();
const key = (method: string, apiPath: string) => `${method.toUpperCase()} ${apiPath}`;

function routeFiles(dir: string): string[] {
  if (SKIPPED.includes(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(?:ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** The HTTP methods a route file exports, read from its source. */
function exportedMethods(source: string): string[] {
  const names = HTTP_METHODS.join("|");
  const found = new Set<string>();
  for (const match of source.matchAll(new RegExp(`export\\s+(?:const|let|var)\\s+(${names})\\b`, "g"))) found.add(match[1]!);
  for (const match of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*(${names})\\b`, "g"))) {
    found.add(match[1]!);
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(",")) {
      const exported = part.trim().split(/\s+as\s+/).pop();
      if (exported && HTTP_METHODS.includes(exported)) found.add(exported);
    }
  }
  return [...found].sort();
}

/** app/api/v1/users/[id]/route.ts → /api/v1/users/{id} (route groups dropped). */
function apiPathOf(file: string): string {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep);
  return `/${segments
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => {
      if (segment.startsWith("[...") || segment.startsWith("[[")) {
        throw new Error(`${file}: catch-all segments cannot be described in OpenAPI; give the route fixed segments.`);
      }
      return segment.replace(/^\[(\w+)\]$/, "{$1}");
    })
    .join("/")}`;
}

const routesOnDisk = routeFiles(API_DIR).flatMap((file) =>
  exportedMethods(readFileSync(file, "utf8")).map((method) => ({ file, method, path: apiPathOf(file) })),
);

/** Every `$ref` in a value, with where it was found. */
function refsIn(value: unknown, at = "#"): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => refsIn(item, `${at}/${index}`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([name, item]) =>
    name === "$ref" && typeof item === "string" ? [{ ref: item, at }] : refsIn(item, `${at}/${name}`),
  );
}

function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((token) => decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, token) => (node && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined), root);
}

function operationsOf(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([apiPath, item]) =>
    Object.entries(item).map(([method, operation]) => ({ apiPath, method, operation })),
  );
}

describe("the OpenAPI document", () => {
  it("is an OpenAPI 3.1.0 document with its info, servers and components", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: "Constancia API", version: "1" });
    expect(document.servers).toEqual([{ url: "/" }]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(document.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
    expect(openApiDocumentSchema.safeParse(document).success).toBe(true);
    // Plain JSON: nothing that JSON.stringify would drop or change.
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("has operations with responses in every path item, and path parameters that match the template", () => {
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    for (const [apiPath, item] of Object.entries(document.paths)) {
      expect(apiPath).toMatch(/^\/[^?#]*$/);
      const methods = Object.keys(item);
      expect(methods.length, apiPath).toBeGreaterThan(0);
      for (const method of methods) expect(OPERATION_KEYS, `${apiPath} ${method}`).toContain(method);
      const templated = [...apiPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${apiPath}`;
        const statuses = Object.keys(operation.responses);
        expect(statuses.length, where).toBeGreaterThan(0);
        expect(statuses.some((status) => status.startsWith("2")), `${where} has no success response`).toBe(true);
        for (const [status, response] of Object.entries(operation.responses)) {
          expect(status, where).toMatch(/^[1-5]\d\d$/);
          expect(typeof response.description, `${where} ${status}`).toBe("string");
          expect(response.description.length, `${where} ${status}`).toBeGreaterThan(0);
        }
        const pathParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
        expect(pathParameters.map((parameter) => parameter.name).sort(), where).toEqual(templated);
        for (const parameter of pathParameters) expect(parameter.required, where).toBe(true);
        for (const tag of operation.tags) expect(Object.keys(TAGS), where).toContain(tag);
        for (const requirement of operation.security) {
          for (const scheme of Object.keys(requirement)) expect(document.components.securitySchemes).toHaveProperty(scheme);
        }
      }
    }
  });

  it("has unique operationIds", () => {
    const ids = operationsOf(document).map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it("resolves every $ref within the document, and embeds no JSON Schema $defs or $schema", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const { ref, at } of refs) {
      expect(ref, at).toMatch(/^#\//);
      expect(resolvePointer(document, ref), `${ref} at ${at}`).toBeDefined();
    }
    const text = JSON.stringify(document);
    expect(text).not.toContain('"$defs"');
    expect(text).not.toContain('"$schema"');
  });

  it("answers errors only with the documented statuses, in the shared error shape", () => {
    for (const { apiPath, method, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status.startsWith("2") || (apiPath === "/api/health" && status === "503")) continue;
        expect(["400", "401", "403", "404", "409", "413", "422", "429"], `${method} ${apiPath}`).toContain(status);
        expect(response.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
        if (status === "429") expect(response.headers).toHaveProperty("Retry-After");
      }
    }
  });

  it("documents what the wrapper itself answers: credentials, role, input and size", () => {
    for (const operation of operations) {
      const statuses = errorResponsesOf(operation).map(([status]) => status);
      const where = key(operation.method, operation.path);
      expect(statuses.includes(401), where).toBe(operation.authenticate !== false);
      expect(statuses.includes(400), where).toBe(Boolean(operation.params || operation.query || operation.body));
      expect(statuses.includes(413), where).toBe(Boolean(operation.body));
      expect(statuses.includes(429), where).toBe(Boolean(operation.rateLimit));
      if (operation.access === "public") expect(document.paths[operation.path]![operation.method.toLowerCase()]!.security).toEqual([]);
    }
  });
});

describe("the document and the route handlers", () => {
  it("finds the route handlers on disk", () => {
    expect(routesOnDisk.length).toBeGreaterThan(0);
    expect(routesOnDisk.map((route) => key(route.method, route.path))).toContain("GET /api/v1/openapi.json");
  });

  it("describes every route and method under app/api, and nothing that does not exist", () => {
    const onDisk = routesOnDisk.map((route) => key(route.method, route.path)).sort();
    const described = operationsOf(document)
      .map(({ apiPath, method }) => key(method, apiPath))
      .sort();
    expect({
      "routes with no entry in lib/api/openapi/registry.ts": onDisk.filter((route) => !described.includes(route)),
      "registry entries with no route handler under app/api": described.filter((route) => !onDisk.includes(route)),
    }).toEqual({
      "routes with no entry in lib/api/openapi/registry.ts": [],
      "registry entries with no route handler under app/api": [],
    });
  });

  it("declares each operation with the very access, schemas and options its handler uses", async () => {
    const problems: string[] = [];
    for (const route of routesOnDisk) {
      const where = `${route.method} ${route.path} (${path.relative(ROOT, route.file)})`;
      const module = (await import(route.file)) as Record<string, unknown>;
      const moduleMethods = Object.keys(module).filter((name) => HTTP_METHODS.includes(name)).sort();
      if (moduleMethods.join() !== exportedMethods(readFileSync(route.file, "utf8")).join()) {
        problems.push(`${where}: exports ${moduleMethods.join(", ")}, which the source scan did not find`);
      }
      const options = routeOptionsOf(module[route.method]);
      const operation = operations.find((op) => op.method === route.method && op.path === route.path);
      if (!options) problems.push(`${where}: does not go through route() from lib/api/route.ts`);
      if (!options || !operation) continue;
      const differs = (what: string, handler: unknown, declared: unknown) => {
        if (handler !== declared) problems.push(`${where}: the handler's ${what} is not the registry's`);
      };
      differs("access", options.access, operation.access);
      differs("authenticate", options.authenticate ?? true, operation.authenticate ?? true);
      differs("params schema", options.params, operation.params);
      differs("query schema", options.query, operation.query);
      differs("body schema", options.body, operation.body);
      differs("rate limit", options.rateLimit, operation.rateLimit);
      differs("body size limit", options.maxBodyBytes, operation.maxBodyBytes);
    }
    expect(problems).toEqual([]);
  });

  it("serves the document at /api/v1/openapi.json, publicly and cacheable", async () => {
    const { GET } = await import("../../../app/api/v1/openapi.json/route.ts");
    const response = await GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe("request bodies", () => {
  const withBody = operations.filter((operation) => operation.body);

  it("exist for the operations that take one", () => {
    expect(withBody.length).toBeGreaterThan(0);
  });

  it.each(withBody.map((operation) => [key(operation.method, operation.path), operation] as const))(
    "%s: the published example parses, and an unknown field is refused",
    (_, operation) => {
      expect(operation.bodyExample, "give the operation a bodyExample").toBeDefined();
      const parsed = operation.body!.safeParse(operation.bodyExample);
      expect(parsed.error?.issues ?? [], "the example must be valid").toEqual([]);
      const content = document.paths[operation.path]![operation.method.toLowerCase()]!.requestBody!.content;
      expect(content["application/json"]!.example).toEqual(operation.bodyExample);

      const extra = operation.body!.safeParse({ ...(operation.bodyExample as object), notAField: "x" });
      expect(extra.success).toBe(false);
      expect(extra.error?.issues.map((issue) => issue.code)).toContain("unrecognized_keys");
    },
  );
});
