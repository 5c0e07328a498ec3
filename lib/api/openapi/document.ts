import { z, type ZodType } from "zod";
import { decide, MINIMUM_ROLE, type Action } from "../../auth/policy.ts";
import { DEFAULT_MAX_BODY } from "../route.ts";
import { operations, TAGS, type ErrorStatus, type Operation } from "./registry.ts";
import { errorResponseSchema } from "./schemas.ts";

/**
 * The OpenAPI 3.1 document of the API, built from the registry with zod's own
 * JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1): request
 * schemas as the client must send them (`io: "input"`, so defaults make a
 * field optional), responses as the server answers (`io: "output"`).
 */
export type JsonSchema = { [key: string]: unknown };

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, ResponseObject>;
  "x-constancia-access": { access: string; minimumRole?: string };
}

export interface ParameterObject {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content: Record<string, { schema: JsonSchema }>;
}

const ERROR_REF = { $ref: "#/components/schemas/Error" };
const SIGNED_IN_SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];

const DESCRIPTION = `The HTTP API of Constancia: verified lists of released political prisoners, reconciled against official announcements.

**Credentials.** Scripts send a personal API token as \`Authorization: Bearer <token>\`; a token acts with its user's role. The app's own pages use the session cookie. Operations marked public need neither; a token that is sent must be valid, or the answer is 401.

**Errors.** Every error is \`{"error": {"code", "message"}}\` (schema \`Error\`), plus \`issues\` (one per field) for invalid input and \`details\` for some conflicts. The status follows from the code: 400 bad input, 401 no or bad credentials, 403 not allowed, 404 not found, 409 conflict, 413 too large, 415 unsupported content type (of a body or an uploaded file), 422 well-formed but invalid, 429 rate limited (with \`Retry-After\`), 500 a fault on our side (with a reference to quote).

**Input.** JSON bodies are sent as \`application/json\` in UTF-8. Inputs are strict: an unknown field is a 400, not silently ignored.`;

export function buildOpenApiDocument(declared: readonly Operation[] = operations): OpenApiDocument {
  const schemas = new SchemaConverter();
  const paths: OpenApiDocument["paths"] = {};
  const seen = new Set<string>();
  for (const operation of declared) {
    const key = `${operation.method} ${operation.path}`;
    if (seen.has(key)) throw new Error(`OpenAPI registry: ${key} is declared twice.`);
    seen.add(key);
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = operationObject(operation, schemas);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Constancia API", version: "1", description: DESCRIPTION },
    servers: [{ url: "/" }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { Error: schemas.convert(errorResponseSchema, "output"), ...schemas.hoisted },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal API token, created in the account page (/cuenta) or with " +
            "`npm run cli -- token create --email E`. It acts with its user's role.",
        },
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The session cookie the app's pages use after signing in (`__Secure-next-auth.session-token` over HTTPS). " +
            "Not meant for scripts: use an API token.",
        },
      },
    },
  };
}

let built: OpenApiDocument | undefined;

/** The document of this build, made once per process. */
export function openApiDocument(): OpenApiDocument {
  return (built ??= buildOpenApiDocument());
}

function operationObject(operation: Operation, schemas: SchemaConverter): OperationObject {
  const parameters = [
    ...parametersOf(operation.params, "path", schemas),
    ...parametersOf(operation.query, "query", schemas),
  ];
  const responses: Record<string, ResponseObject> = {};
  for (const [status, spec] of Object.entries(operation.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(spec.headers).map(([name, header]) => [
                name,
                { description: header.description, schema: { type: "string", ...(header.value ? { const: header.value } : {}) } },
              ]),
            ),
          }
        : {}),
      content: Object.fromEntries(
        (spec.mediaTypes ?? ["application/json"]).map((type) => [type, { schema: schemas.convert(spec.schema, "output") }]),
      ),
    };
  }
  for (const [status, description] of errorResponsesOf(operation)) {
    responses[String(status)] = {
      description,
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "string" } } } }
        : {}),
      content: { "application/json": { schema: ERROR_REF } },
    };
  }
  const access = accessOf(operation);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `${operation.description}\n\n${access.text}`,
    tags: [...operation.tags],
    security: operation.access === "public" ? [] : SIGNED_IN_SECURITY,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...requestBodyOf(operation, schemas),
    responses,
    "x-constancia-access": access.extension,
  };
}

/**
 * The request body: JSON parsed by `route()` (`body`), or the bodies a handler
 * reads itself (`handlerJsonBody`, `multipartBody`) as alternative content types.
 */
function requestBodyOf(operation: Operation, schemas: SchemaConverter): Pick<OperationObject, "requestBody"> {
  if (operation.body && operation.handlerJsonBody) {
    throw new Error(`OpenAPI registry: ${operation.operationId} has both \`body\` and \`handlerJsonBody\`.`);
  }
  const json = operation.body ?? operation.handlerJsonBody;
  const content: NonNullable<OperationObject["requestBody"]>["content"] = {};
  if (json) {
    content["application/json"] = {
      schema: schemas.convert(json, "input"),
      ...(operation.bodyExample !== undefined ? { example: operation.bodyExample } : {}),
    };
  }
  if (operation.multipartBody) content["multipart/form-data"] = { schema: schemas.convert(operation.multipartBody, "input") };
  for (const type of operation.textBody?.mediaTypes ?? []) content[type] = { schema: schemas.convert(operation.textBody!.schema, "input") };
  return Object.keys(content).length > 0 ? { requestBody: { required: true, content } } : {};
}

function isAction(access: Operation["access"]): access is Action {
  return access !== "public" && access !== "signed_in";
}

/** Whether a moderator or admin without their second factor is refused this action (asked of the policy itself). */
function needsSecondFactor(action: Action): boolean {
  const probe = { kind: "user", userId: "-", role: "admin", organizationId: "-", secondFactorMissing: true } as const;
  const decision = decide(probe, action);
  return !decision.ok && decision.reason === "second_factor";
}

function accessOf(operation: Operation): { text: string; extension: OperationObject["x-constancia-access"] } {
  const { access } = operation;
  if (access === "public") {
    return {
      text:
        operation.authenticate === false
          ? "**Public**: no credentials needed; any sent are ignored."
          : "**Public**: no credentials needed; a token that is sent must be valid.",
      extension: { access },
    };
  }
  if (access === "signed_in") {
    return { text: "**Signed in**, any role: an API token or the app's session.", extension: { access } };
  }
  const role = MINIMUM_ROLE[access];
  const secondFactor = needsSecondFactor(access)
    ? " Moderators and admins signed in to the app must have set up their second factor."
    : "";
  return {
    text: `**Requires role ${role}**${role === "admin" ? "" : " or higher"} (permission \`${access}\`).${secondFactor}`,
    extension: { access, minimumRole: role },
  };
}

/** Status → when: what the wrapper answers given the declaration, then the handler's own errors. */
export function errorResponsesOf(operation: Operation): [ErrorStatus, string][] {
  const found = new Map<ErrorStatus, string[]>();
  const add = (status: ErrorStatus, text: string) => found.set(status, [...(found.get(status) ?? []), text]);

  const handlerBody = Boolean(operation.handlerJsonBody || operation.multipartBody || operation.textBody);
  const inputs = [operation.params && "path", operation.query && "query", (operation.body || handlerBody) && "body"].filter(
    Boolean,
  );
  if (inputs.length > 0) {
    add(400, `The ${inputs.join(", ")} is not valid (\`invalid_input\`, with \`issues\` for each field).`);
  }
  if (operation.body) {
    add(400, "The body is missing, not sent as `application/json` (`invalid_input`) or not JSON (`invalid_json`).");
  }
  if (handlerBody) add(400, "The body is missing, or cannot be read as JSON (`invalid_json`) or as a form (`invalid_input`).");
  if (operation.authenticate !== false) {
    add(
      401,
      operation.access === "public"
        ? "An `Authorization` header was sent with an unknown, revoked or expired token (`invalid_token`)."
        : "No credentials (`unauthenticated`), or the API token is unknown, revoked or expired (`invalid_token`).",
    );
  }
  if (isAction(operation.access)) {
    if (MINIMUM_ROLE[operation.access] !== "volunteer") {
      add(403, `The caller's role is below ${MINIMUM_ROLE[operation.access]} (\`forbidden\`).`);
    }
    if (needsSecondFactor(operation.access)) {
      add(403, "A moderator or admin signed in to the app has not set up their second factor (`second_factor_required`).");
    }
  }
  if (operation.body) {
    add(413, `The body is larger than ${operation.maxBodyBytes ?? DEFAULT_MAX_BODY} bytes (\`too_large\`).`);
  }
  if (operation.rateLimit) {
    add(
      429,
      `More than ${operation.rateLimit.limit} requests in ${operation.rateLimit.windowSeconds} seconds ` +
        "(`rate_limited`); `Retry-After` says when to try again.",
    );
  }
  for (const [status, text] of Object.entries(operation.errors ?? {})) add(Number(status) as ErrorStatus, text);
  return [...found.entries()].sort(([a], [b]) => a - b).map(([status, texts]) => [status, texts.join(" ")]);
}

function parametersOf(schema: ZodType | undefined, where: "path" | "query", schemas: SchemaConverter): ParameterObject[] {
  if (!schema) return [];
  const json = schemas.convert(schema, "input");
  const properties = json.properties as Record<string, JsonSchema> | undefined;
  if (json.type !== "object" || !properties) {
    throw new Error(`OpenAPI registry: ${where} parameters must be a zod object schema.`);
  }
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

/**
 * zod → JSON Schema for embedding in the document: without `$schema`, and with
 * any `$defs` (schemas given an `id` with `.meta`, or recursive ones) moved to
 * `components/schemas`, since `#/$defs/…` would point into the document root.
 */
class SchemaConverter {
  readonly hoisted: Record<string, JsonSchema> = {};

  convert(schema: ZodType, io: "input" | "output"): JsonSchema {
    const { $schema: _dialect, $defs, ...json } = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as JsonSchema;
    const renames = new Map<string, string>();
    const defs = Object.entries(($defs as Record<string, JsonSchema> | undefined) ?? {});
    for (const [name] of defs) renames.set(`#/$defs/${name}`, `#/components/schemas/${this.nameFor(name, io)}`);
    for (const [name, def] of defs) this.place(this.nameFor(name, io), rewriteRefs(def, renames) as JsonSchema);
    return rewriteRefs(json, renames) as JsonSchema;
  }

  private nameFor(name: string, io: "input" | "output"): string {
    return io === "input" ? `${name}Input` : name;
  }

  private place(name: string, def: JsonSchema): void {
    const existing = this.hoisted[name];
    if (name === "Error" || (existing && JSON.stringify(existing) !== JSON.stringify(def))) {
      throw new Error(`OpenAPI document: two different schemas are both named "${name}".`);
    }
    this.hoisted[name] = def;
  }
}

function rewriteRefs(value: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renames));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key !== "$ref" || typeof item !== "string") return [key, rewriteRefs(item, renames)];
      if (item === "#") throw new Error("OpenAPI document: a recursive schema needs an id (`.meta({ id })`).");
      return [key, renames.get(item) ?? item];
    }),
  );
}
