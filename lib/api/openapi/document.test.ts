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
    return ROUTE_FILE.test(entry.name) ? [full] : [];
  });
}

/** Every file name Next.js takes as a route handler (its page extensions, any module flavour). */
const ROUTE_FILE = /^route\.(?:[cm]?[jt]sx?)$/;

/**
 * The HTTP methods a route file exports, read from its source: `export const|let|var GET`
 * (also a later declarator of the same statement and a destructuring `export const { GET, POST } = …`),
 * `export (async) function (*)GET`, and `export { x as GET }` / `export { GET } from "…"`.
 * `export * from "…"` cannot be read from the source: the module's own exports are
 * compared with this scan below, so a method exported that way still counts.
 */
export function exportedMethods(source: string): string[] {
  const names = HTTP_METHODS.join("|");
  const found = new Set<string>();
  const code = source.replace(/\/\*[\s\S]*?\*\/|(^|[^:\\])\/\/.*$/gm, "$1");
  for (const match of code.matchAll(/export\s+(?:declare\s+)?(?:const|let|var)\s+([^;]*)/g)) {
    for (const name of splitTopLevel(match[1]!, ",").flatMap(declaredNames)) if (HTTP_METHODS.includes(name)) found.add(name);
  }
  for (const match of code.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*(${names})\\b`, "g"))) {
    found.add(match[1]!);
  }
  for (const match of code.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(",")) {
      const exported = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (exported && HTTP_METHODS.includes(exported)) found.add(exported);
    }
  }
  return [...found].sort();
}

/** Splits at `separator` outside brackets, parentheses and braces. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if ("([{".includes(char)) depth += 1;
    else if (")]}".includes(char)) depth -= 1;
    else if (depth === 0 && char === separator && !(separator === "=" && text[i + 1] === ">")) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The names one declarator binds: `GET = …`, `GET: Type = …`, or each binding of a destructuring pattern. */
function declaredNames(declarator: string): string[] {
  const target = declarator.trim();
  const open = target[0];
  if (open !== "{" && open !== "[") {
    const name = /^[A-Za-z_$][\w$]*/.exec(target)?.[0];
    return name ? [name] : [];
  }
  let depth = 0;
  let end = 0;
  for (; end < target.length; end += 1) {
    if ("([{".includes(target[end]!)) depth += 1;
    else if (")]}".includes(target[end]!) && --depth === 0) break;
  }
  return splitTopLevel(target.slice(1, end), ",").flatMap((element) => {
    const binding = splitTopLevel(element.trim().replace(/^\.\.\./, ""), "=")[0]!.trim();
    if (!binding) return [];
    // In an object pattern `key: pattern` binds what the pattern binds, not the key.
    const renamed = open === "{" ? splitTopLevel(binding, ":") : [binding];
    return declaredNames(renamed.length > 1 ? renamed.slice(1).join(":") : binding);
  });
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

/** Every route file with its module, imported once: what Next.js would serve. */
const routeModules = await Promise.all(
  routeFiles(API_DIR).map(async (file) => ({ file, module: (await import(file)) as Record<string, unknown> })),
);

/** The methods a module really exports (whatever the syntax), with the source scan's as a second witness. */
const methodsOf = (file: string, module: Record<string, unknown>) =>
  [...new Set([...Object.keys(module).filter((name) => HTTP_METHODS.includes(name)), ...exportedMethods(readFileSync(file, "utf8"))])].sort();

const routesOnDisk = routeModules.flatMap(({ file, module }) =>
  methodsOf(file, module).map((method) => ({ file, method, path: apiPathOf(file) })),
);

/** What the document and the disk disagree on: the test below must see both lists empty. */
export function undescribedRoutes(onDisk: readonly string[], described: readonly string[]) {
  return {
    "routes with no entry in lib/api/openapi/registry.ts": onDisk.filter((route) => !described.includes(route)),
    "registry entries with no route handler under app/api": described.filter((route) => !onDisk.includes(route)),
  };
}

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
    expect(undescribedRoutes(onDisk, described)).toEqual({
      "routes with no entry in lib/api/openapi/registry.ts": [],
      "registry entries with no route handler under app/api": [],
    });
  });

  it("would fail for a route the document does not describe, and for an entry with no route", () => {
    const onDisk = routesOnDisk.map((route) => key(route.method, route.path));
    const [dropped, ...kept] = operations;
    const described = operationsOf(buildOpenApiDocument(kept)).map(({ apiPath, method }) => key(method, apiPath));
    expect(undescribedRoutes(onDisk, described)["routes with no entry in lib/api/openapi/registry.ts"]).toEqual([
      key(dropped!.method, dropped!.path),
    ]);
    expect(undescribedRoutes(onDisk, [...described, "GET /api/v1/nowhere"])["registry entries with no route handler under app/api"]).toEqual([
      "GET /api/v1/nowhere",
    ]);
  });

  it("finds the HTTP methods of a route file in every way a module can export them", () => {
    const cases: [string, string[]][] = [
      ["export const GET = route({ access: 'public' }, handler);", ["GET"]],
      ["export let POST = handler;\nexport var PUT = handler;", ["POST", "PUT"]],
      ["export const PATCH = a, DELETE = b;", ["DELETE", "PATCH"]],
      ["export const { GET, POST: post, HEAD = x, ...PATCH } = handlers;", ["GET", "HEAD", "PATCH"]],
      ["export const [PUT, { OPTIONS }] = pair;\nexport const DELETE: Handler = route(o, h);", ["DELETE", "OPTIONS", "PUT"]],
      ["export const { handlers: { GET, POST } } = NextAuth(config);", ["GET", "POST"]],
      ["export async function GET(request: Request) {}\nexport function POST() {}", ["GET", "POST"]],
      ["export function* OPTIONS() {}\nexport async function *HEAD() {}", ["HEAD", "OPTIONS"]],
      ["const get = route(x, y);\nexport { get as GET, post as POST, helper };", ["GET", "POST"]],
      ["export { GET, DELETE as DELETE } from './shared.ts';", ["DELETE", "GET"]],
      ["export {\n  handler as GET,\n  handler as PATCH,\n};", ["GET", "PATCH"]],
      ["export const GETTER = 1; export const dynamic = 'force-dynamic'; const POST = 2;", []],
      ["// export const GET = old;\n/* export const POST = old; */\nexport const runtime = 'nodejs';", []],
    ];
    for (const [source, methods] of cases) expect(exportedMethods(source), source).toEqual(methods);
  });

  it("declares each operation with the very access, schemas and options its handler uses", async () => {
    const problems: string[] = [];
    for (const { file, module } of routeModules) {
      // The source scan and the module agree, whatever the export syntax (an `export *` re-export shows here).
      const moduleMethods = Object.keys(module).filter((name) => HTTP_METHODS.includes(name)).sort();
      const scanned = exportedMethods(readFileSync(file, "utf8"));
      if (moduleMethods.join() !== scanned.join()) {
        problems.push(`${path.relative(ROOT, file)}: exports [${moduleMethods.join(", ")}], the source scan found [${scanned.join(", ")}]`);
      }
    }
    for (const route of routesOnDisk) {
      const where = `${route.method} ${route.path} (${path.relative(ROOT, route.file)})`;
      const module = routeModules.find((candidate) => candidate.file === route.file)!.module;
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
