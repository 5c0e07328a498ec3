import { decide, MINIMUM_ROLE, type Action } from "../../auth/policy.ts";
import type { JsonSchema, OpenApiDocument, OperationObject, ResponseObject } from "./document.ts";

/**
 * The readable API reference (/referencia-api), shaped from the very OpenAPI
 * document served at /api/v1/openapi.json: per tag, each operation with who may
 * call it, its parameters, request body fields, responses and error statuses.
 * Pure data: the page's words come from the `apiDocs` catalogue; the texts of
 * the document (summaries, descriptions) are passed through as written.
 */

export type AccessLevel = "public" | "volunteer" | "moderator" | "admin";

export type Constraint =
  | { kind: "minLength" | "maxLength" | "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "minItems" | "maxItems"; value: number }
  | { kind: "pattern" | "default" | "const"; value: string };

/** A value's shape, from its JSON Schema. */
export interface Shape {
  /** `string`, `integer`, `object`, `object[]`, `map<string, integer>`, `string | integer`… */
  type: string;
  nullable: boolean;
  format?: string;
  /** Allowed values, as JSON text (strings unquoted). */
  enumValues?: string[];
  constraints: Constraint[];
  description?: string;
  /** An object's (or an array of objects') properties. */
  fields: Field[];
  /** Alternatives (oneOf / anyOf of objects): each with its own fields. */
  variants: Shape[];
}

export interface Field {
  name: string;
  required: boolean;
  shape: Shape;
}

export interface Parameter extends Field {
  in: "path" | "query";
}

export interface BodyContent {
  mediaType: string;
  shape: Shape;
  /** The published example, pretty-printed (JSON) or as is (text). */
  example?: string;
}

export interface SuccessResponse {
  status: string;
  description: string;
  mediaTypes: string[];
  headers: { name: string; description: string; value?: string }[];
  /** The shape of the first media type (they all share one schema). */
  shape: Shape | null;
}

export interface ErrorResponse {
  status: string;
  description: string;
}

export interface ReferenceOperation {
  /** For the link (#op-…): the operationId. */
  anchor: string;
  operationId: string;
  method: string;
  path: string;
  summary: string;
  /** Paragraphs, without the access paragraph the document appends (shown as `access`). */
  description: string[];
  access: { level: AccessLevel; permission?: string; secondFactor: boolean; credentialsIgnored: boolean };
  parameters: Parameter[];
  requestBody: BodyContent[];
  responses: SuccessResponse[];
  errors: ErrorResponse[];
}

export interface ReferenceSection {
  anchor: string;
  tag: string;
  description: string;
  operations: ReferenceOperation[];
}

export interface Reference {
  title: string;
  version: string;
  sections: ReferenceSection[];
  /** The error codes of the `Error` schema. */
  errorCodes: string[];
  operationCount: number;
}

const ERROR_REF = "#/components/schemas/Error";
const METHOD_ORDER = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];
/** zod's integer bounds (±2^53−1) say nothing to a reader. */
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
const ACCESS_PARAGRAPH = /^\*\*(?:Public|Signed in|Requires role)\b/;

export function buildReference(document: OpenApiDocument): Reference {
  const walker = new SchemaWalker(document.components.schemas);
  const byTag = new Map<string, ReferenceOperation[]>();
  let operationCount = 0;
  for (const [apiPath, item] of Object.entries(document.paths)) {
    const methods = Object.keys(item).sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
    for (const method of methods) {
      const operation = item[method]!;
      const shaped = referenceOperation(apiPath, method, operation, walker);
      operationCount += 1;
      // Under its first tag only, so that every operation has one place (and one anchor) on the page.
      const tag = operation.tags[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), shaped]);
    }
  }
  const declared = document.tags.map((tag) => tag.name);
  const sections: ReferenceSection[] = [
    ...document.tags.map((tag) => ({ name: tag.name, description: tag.description })),
    ...[...byTag.keys()].filter((name) => !declared.includes(name)).map((name) => ({ name, description: "" })),
  ]
    .filter((tag) => (byTag.get(tag.name) ?? []).length > 0)
    .map((tag) => ({
      anchor: `tag-${slug(tag.name)}`,
      tag: tag.name,
      description: tag.description,
      operations: byTag.get(tag.name)!,
    }));
  const errorSchema = document.components.schemas.Error;
  return {
    title: document.info.title,
    version: document.info.version,
    sections,
    errorCodes: errorCodesOf(errorSchema),
    operationCount,
  };
}

function referenceOperation(apiPath: string, method: string, operation: OperationObject, walker: SchemaWalker): ReferenceOperation {
  const responses: SuccessResponse[] = [];
  const errors: ErrorResponse[] = [];
  for (const [status, response] of Object.entries(operation.responses).sort(([a], [b]) => Number(a) - Number(b))) {
    if (isErrorResponse(response)) errors.push({ status, description: response.description });
    else responses.push(successResponse(status, response, walker));
  }
  return {
    anchor: `op-${operation.operationId}`,
    operationId: operation.operationId,
    method: method.toUpperCase(),
    path: apiPath,
    summary: operation.summary,
    description: operation.description
      .split(/\n{2,}/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph.length > 0 && !ACCESS_PARAGRAPH.test(paragraph)),
    access: accessOf(operation),
    parameters: (operation.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required,
      shape: walker.shape(parameter.description ? { ...parameter.schema, description: parameter.description } : parameter.schema),
    })),
    requestBody: Object.entries(operation.requestBody?.content ?? {}).map(([mediaType, content]) => {
      const example = content.example ?? content.schema.example;
      return {
        mediaType,
        shape: walker.shape(content.schema),
        ...(example !== undefined ? { example: typeof example === "string" ? example : JSON.stringify(example, null, 2) } : {}),
      };
    }),
    responses,
    errors,
  };
}

function isErrorResponse(response: ResponseObject): boolean {
  const types = Object.values(response.content);
  return types.length > 0 && types.every((content) => content.schema.$ref === ERROR_REF);
}

function successResponse(status: string, response: ResponseObject, walker: SchemaWalker): SuccessResponse {
  const mediaTypes = Object.keys(response.content);
  const first = mediaTypes[0] ? response.content[mediaTypes[0]]!.schema : undefined;
  return {
    status,
    description: response.description,
    mediaTypes,
    headers: Object.entries(response.headers ?? {}).map(([name, header]) => ({
      name,
      description: header.description,
      ...(typeof header.schema.const === "string" ? { value: header.schema.const } : {}),
    })),
    shape: first ? walker.shape(first) : null,
  };
}

function accessOf(operation: OperationObject): ReferenceOperation["access"] {
  const { access, minimumRole } = operation["x-constancia-access"];
  if (access === "public") {
    return { level: "public", secondFactor: false, credentialsIgnored: operation.responses["401"] === undefined };
  }
  if (access === "signed_in") return { level: "volunteer", secondFactor: false, credentialsIgnored: false };
  const role = (minimumRole ?? (access in MINIMUM_ROLE ? MINIMUM_ROLE[access as Action] : "admin")) as AccessLevel;
  return {
    level: role,
    permission: access,
    secondFactor: access in MINIMUM_ROLE && needsSecondFactor(access as Action),
    credentialsIgnored: false,
  };
}

/** Asked of the policy itself, as the document does: is a moderator or admin without their second factor refused? */
function needsSecondFactor(action: Action): boolean {
  const decision = decide({ kind: "user", userId: "-", role: "admin", organizationId: "-", secondFactorMissing: true }, action);
  return !decision.ok && decision.reason === "second_factor";
}

function errorCodesOf(schema: JsonSchema | undefined): string[] {
  const error = (schema?.properties as Record<string, JsonSchema> | undefined)?.error;
  const code = (error?.properties as Record<string, JsonSchema> | undefined)?.code;
  return Array.isArray(code?.enum) ? code.enum.map(String) : [];
}

export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** JSON Schema (draft 2020-12, as zod writes it) → Shape, following `$ref`s into components.schemas. */
class SchemaWalker {
  constructor(private readonly components: Record<string, JsonSchema>) {}

  shape(schema: JsonSchema, seen: readonly string[] = []): Shape {
    const ref = typeof schema.$ref === "string" ? schema.$ref : undefined;
    if (ref) {
      const name = ref.replace(/^#\/components\/schemas\//, "");
      const target = this.components[name];
      if (!target || seen.includes(ref)) return { ...emptyShape(name), description: stringOr(schema.description) };
      const resolved = this.shape(target, [...seen, ref]);
      return schema.description ? { ...resolved, description: String(schema.description) } : resolved;
    }

    const alternatives = ((schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined) ?? [];
    if (alternatives.length > 0) {
      const nonNull = alternatives.filter((alternative) => !isNullType(alternative));
      const nullable = nonNull.length < alternatives.length;
      const shapes = nonNull.map((alternative) => this.shape(alternative, seen));
      const description = stringOr(schema.description) ?? (shapes.length === 1 ? shapes[0]!.description : undefined);
      if (shapes.length === 1) return { ...shapes[0]!, nullable: nullable || shapes[0]!.nullable, description };
      const objects = shapes.filter((shape) => shape.fields.length > 0);
      return {
        type: unique(shapes.map((shape) => shape.type)).join(" | "),
        nullable,
        constraints: constraintsOf(schema),
        ...(description ? { description } : {}),
        fields: [],
        variants: objects.length > 0 ? shapes : [],
      };
    }

    const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).map(String);
    const nullable = types.includes("null");
    const main = types.filter((type) => type !== "null");
    const base: Shape = {
      type: main.join(" | ") || (schema.properties ? "object" : "any"),
      nullable,
      constraints: constraintsOf(schema),
      fields: [],
      variants: [],
    };
    if (typeof schema.format === "string") base.format = schema.format;
    if (typeof schema.description === "string") base.description = schema.description;
    if (Array.isArray(schema.enum)) base.enumValues = schema.enum.filter((value) => value !== null).map(display);

    if (main.length === 1 && main[0] === "array" && schema.items && typeof schema.items === "object") {
      const items = this.shape(schema.items as JsonSchema, seen);
      return {
        ...base,
        type: `${items.type}[]`,
        ...(items.enumValues ? { enumValues: items.enumValues } : {}),
        ...(!base.format && items.format ? { format: items.format } : {}),
        constraints: [...base.constraints, ...items.constraints],
        fields: items.fields,
        variants: items.variants,
      };
    }
    if (schema.properties && typeof schema.properties === "object") {
      const required = new Set((schema.required as string[] | undefined) ?? []);
      base.fields = Object.entries(schema.properties as Record<string, JsonSchema>).map(([name, property]) => ({
        name,
        required: required.has(name),
        shape: this.shape(property, seen),
      }));
    } else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
      const values = this.shape(schema.additionalProperties as JsonSchema, seen);
      return { ...base, type: `map<string, ${values.type}>`, fields: values.fields, variants: values.variants };
    }
    return base;
  }
}

function emptyShape(type: string): Shape {
  return { type, nullable: false, constraints: [], fields: [], variants: [] };
}

function isNullType(schema: JsonSchema): boolean {
  return schema.type === "null";
}

function constraintsOf(schema: JsonSchema): Constraint[] {
  const found: Constraint[] = [];
  for (const kind of ["minLength", "maxLength", "minItems", "maxItems", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"] as const) {
    const value = schema[kind];
    if (typeof value === "number" && Math.abs(value) < SAFE_INTEGER) found.push({ kind, value });
  }
  // A format (date, uuid, date-time) says it better than zod's long pattern for it.
  if (typeof schema.pattern === "string" && typeof schema.format !== "string") found.push({ kind: "pattern", value: schema.pattern });
  if ("const" in schema) found.push({ kind: "const", value: display(schema.const) });
  if ("default" in schema) found.push({ kind: "default", value: display(schema.default) });
  return found;
}

function display(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The inline marks the document's texts use: `code`, **strong**, [text](link). */
export type InlinePart =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; text: string }
  | { kind: "link"; text: string; href: string };

export function inlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(((?:https?:\/\/|\/)[^)\s]*)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    if (match[1] !== undefined) parts.push({ kind: "code", text: match[1] });
    else if (match[2] !== undefined) parts.push({ kind: "strong", text: match[2] });
    else parts.push({ kind: "link", text: match[3]!, href: match[4]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}
