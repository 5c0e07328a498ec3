import type { ZodType } from "zod";
import { auditVerifyResponseSchema } from "../../audit/schema.ts";
import { tokenIdParamsSchema, userIdParamsSchema } from "../../auth/params.ts";
import {
  ALL_TOKENS_LIMIT,
  createdTokenResponseSchema,
  createdUserResponseSchema,
  createOrganizationSchema,
  createTokenSchema,
  createUserSchema,
  meResponseSchema,
  organizationListResponseSchema,
  organizationResponseSchema,
  revokedTokenResponseSchema,
  tokenListQuerySchema,
  tokenListResponseSchema,
  updatedUserResponseSchema,
  updateUserSchema,
  userListResponseSchema,
} from "../../auth/schema.ts";
import { healthResponseSchema } from "../../health/schema.ts";
import type { Access, RateLimitRule } from "../guard.ts";
import { announcementOperations } from "./operations/announcements.ts";
import { importOperations } from "./operations/imports.ts";
import { nameOperations } from "./operations/names.ts";
import { evidenceOperations } from "./operations/evidence.ts";
import { exportOperations } from "./operations/exports.ts";
import { personOperations } from "./operations/persons.ts";
import { releaseOperations } from "./operations/releases.ts";
import { reviewOperations } from "./operations/reviews.ts";
import { searchOperations } from "./operations/search.ts";
import { subscriptionOperations } from "./operations/subscriptions.ts";
import { tipOperations } from "./operations/tips.ts";
import { openApiDocumentSchema } from "./schemas.ts";

/**
 * Every operation of the HTTP API, declared once: what lib/api/openapi/document.ts
 * publishes at /api/v1/openapi.json. The input schemas and options are the very
 * objects the route handler passes to `route()` (document.test.ts checks it, and
 * that every `route.ts` under app/api has its entry here and nothing more).
 *
 * Errors the wrapper itself can answer (400 for bad input, 401, 403 for the
 * role, 413 for a large body, 429 when rate limited) follow from `access`,
 * the schemas, `rateLimit` and `authenticate`; `errors` adds the ones the
 * handler answers for its own reasons, with when.
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;
export type ResponseStatus = 200 | 201 | 202 | 204 | 503;

export const TAGS = {
  Health: "Whether this instance and its database are up.",
  Account: "The caller: who the credentials belong to, and their personal API tokens.",
  Users: "Accounts of volunteers, moderators and admins (admins only).",
  Organizations: "The organizations users belong to (admins only).",
  Audit: "The append-only, hash-chained audit trail.",
  Persons: "People on record: created by volunteers, merged by moderators; the public view of one person.",
  Releases: "Reported releases of a person and the changes of their status.",
  Evidence: "Evidence attached to a release: a link or an uploaded file.",
  Reviews: "Moderators' decisions on releases (maker-checker) and the review queue.",
  Tips: "Information about a person sent by anyone, read by moderators only and never published.",
  Search: "The public search by name or cédula (DESIGN.md rule 5).",
  Subscriptions: "\"Avísame\": e-mail notice, after a confirmed opt-in, when a person's release is verified.",
  Announcements: "Claims about releases (who said how many, when, over which releases), with their history.",
  Names: "Name lists published with announcements, matched against the people on record, and the matching queue.",
  Imports: "Background loads (spreadsheets, name lists) and their progress.",
  Tally: "Every announcement against the names verified, for any date (DESIGN.md rules 2 and 3).",
  Exports: "The verified list in files others read (CSV, JSON, PFIF 1.4), and an organization's own records (CSV, XLSX).",
  Meta: "This API's own description.",
} as const;
export type Tag = keyof typeof TAGS;

export interface ResponseHeader {
  description: string;
  /** The value the handler always sends, when it is fixed. */
  value?: string;
}

export interface ResponseSpec {
  description: string;
  schema: ZodType;
  headers?: Record<string, ResponseHeader>;
  /** For an answer that is not JSON (a stored file): its possible content types, each described by `schema`. */
  mediaTypes?: readonly string[];
}

export interface Operation {
  /** Unique, camelCase: client generators name their functions after it. */
  operationId: string;
  method: HttpMethod;
  /** The full path, OpenAPI style (`/api/v1/users/{id}` for app/api/v1/users/[id]). */
  path: `/api/${string}`;
  summary: string;
  description: string;
  tags: readonly Tag[];
  /** As passed to `route()`. */
  access: Access;
  /** As passed to `route()`: false only for public routes that never look at credentials. */
  authenticate?: boolean;
  params?: ZodType;
  query?: ZodType;
  /** A JSON body (application/json). */
  body?: ZodType;
  /** A valid body, published as the example and tested against `body` (or `handlerJsonBody`). */
  bodyExample?: unknown;
  /**
   * For a handler that takes more than one content type, and so reads its body
   * itself (`route()` then has no `body`): the JSON body it parses…
   */
  handlerJsonBody?: ZodType;
  /** …and/or the fields of the multipart/form-data body it reads, a file part as a binary string. */
  multipartBody?: ZodType;
  /** …and/or a text body it reads as is (a CSV, a plain list): its media types, each described by `schema`. */
  textBody?: { mediaTypes: readonly string[]; schema: ZodType };
  maxBodyBytes?: number;
  rateLimit?: RateLimitRule;
  responses: Partial<Record<ResponseStatus, ResponseSpec>>;
  /** Errors the handler answers for its own reasons: status → when. */
  errors?: Partial<Record<ErrorStatus, string>>;
}

const coreOperations: readonly Operation[] = [
  {
    operationId: "getHealth",
    method: "GET",
    path: "/api/health",
    summary: "Health check",
    description: "Whether the web server answers and reaches its database. For load balancers and uptime monitors.",
    tags: ["Health"],
    access: "public",
    authenticate: false,
    responses: {
      200: {
        description: "The database is reachable.",
        schema: healthResponseSchema,
        headers: { "Cache-Control": { description: "Never cached.", value: "no-store" } },
      },
      503: {
        description: "The database does not answer (within 2 seconds).",
        schema: healthResponseSchema,
        headers: { "Cache-Control": { description: "Never cached.", value: "no-store" } },
      },
    },
  },
  {
    operationId: "getOpenApiDocument",
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "This document",
    description: "The OpenAPI 3.1 description of this API, built from the same schemas the handlers validate with.",
    tags: ["Meta"],
    access: "public",
    authenticate: false,
    responses: {
      200: {
        description: "The OpenAPI document.",
        schema: openApiDocumentSchema,
        headers: { "Cache-Control": { description: "Cacheable for five minutes.", value: "public, max-age=300" } },
      },
    },
  },
  {
    operationId: "getMe",
    method: "GET",
    path: "/api/v1/me",
    summary: "Who am I",
    description:
      "The user the credentials belong to, how they authenticated and the actions their role allows: " +
      "lets a script check its token before doing anything else.",
    tags: ["Account"],
    access: "signed_in",
    responses: { 200: { description: "The caller.", schema: meResponseSchema } },
  },
  {
    operationId: "listTokens",
    method: "GET",
    path: "/api/v1/tokens",
    summary: "List my API tokens (or everyone's, for an admin)",
    description:
      "The caller's own API tokens, newest first, revoked and expired ones included. Never the tokens themselves. " +
      `With \`all=true\`, an admin gets every user's tokens (at most ${ALL_TOKENS_LIMIT}, newest first), each with its \`owner\`.`,
    tags: ["Account"],
    access: "token.manage_own",
    query: tokenListQuerySchema,
    responses: { 200: { description: "The tokens.", schema: tokenListResponseSchema } },
    errors: { 403: "`all=true` from someone who is not an admin (`forbidden`)." },
  },
  {
    operationId: "createToken",
    method: "POST",
    path: "/api/v1/tokens",
    summary: "Create an API token",
    description:
      "A new personal API token for the caller, acting with the caller's role. The token is in this answer only: " +
      "it is stored as a hash and cannot be shown again; `prefix` is how the token lists show it.",
    tags: ["Account"],
    access: "token.manage_own",
    body: createTokenSchema,
    bodyExample: { name: "Daily tally script", expiresInDays: 90 },
    responses: { 201: { description: "The new token.", schema: createdTokenResponseSchema } },
  },
  {
    operationId: "revokeToken",
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke an API token",
    description:
      "Revokes one of the caller's tokens; an admin may revoke anyone's (audited with the owner). Revoking a revoked " +
      "token again succeeds with `changed: false`. A revoked token is refused at once (401).",
    tags: ["Account"],
    access: "token.manage_own",
    params: tokenIdParamsSchema,
    responses: { 200: { description: "The token is revoked.", schema: revokedTokenResponseSchema } },
    errors: { 404: "No such token, or it belongs to someone else (`not_found`, so that ids cannot be probed)." },
  },
  {
    operationId: "listUsers",
    method: "GET",
    path: "/api/v1/users",
    summary: "List users",
    description: "Every user, by organization name and then e-mail.",
    tags: ["Users"],
    access: "user.manage",
    responses: { 200: { description: "The users.", schema: userListResponseSchema } },
  },
  {
    operationId: "createUser",
    method: "POST",
    path: "/api/v1/users",
    summary: "Create a user",
    description:
      "A new user with the given role, in the given organization or else in the default one. " +
      "Without `password`, one is generated and returned in this answer only.",
    tags: ["Users"],
    access: "user.manage",
    body: createUserSchema,
    bodyExample: { email: "ana.rojas@example.org", name: "Ana Rojas", role: "volunteer" },
    responses: { 201: { description: "The new user.", schema: createdUserResponseSchema } },
    errors: {
      404: "`organizationId` names no organization, or a deleted one (`not_found`).",
      409: "A user with this e-mail already exists (`conflict`).",
    },
  },
  {
    operationId: "updateUser",
    method: "PATCH",
    path: "/api/v1/users/{id}",
    summary: "Change a user's role or disable them",
    description:
      "Changes the role and/or the disabled state, guarded by the `version` the admin last read. " +
      "A changed role or a disabled account ends that user's sessions at once.",
    tags: ["Users"],
    access: "user.manage",
    params: userIdParamsSchema,
    body: updateUserSchema,
    bodyExample: { role: "moderator", version: 1 },
    responses: { 200: { description: "The user as changed.", schema: updatedUserResponseSchema } },
    errors: {
      403: "An admin tried to disable or demote themselves (`forbidden`).",
      404: "No such user (`not_found`).",
      409:
        "Someone changed the user since `version` was read (`stale_version`; `details` holds `current` and `currentVersion`).",
    },
  },
  {
    operationId: "listOrganizations",
    method: "GET",
    path: "/api/v1/organizations",
    summary: "List organizations",
    description: "Every organization that is not deleted, by name, with its number of users.",
    tags: ["Organizations"],
    access: "organization.manage",
    responses: { 200: { description: "The organizations.", schema: organizationListResponseSchema } },
  },
  {
    operationId: "createOrganization",
    method: "POST",
    path: "/api/v1/organizations",
    summary: "Create an organization",
    description: "A new organization; `slug` is its unique short name.",
    tags: ["Organizations"],
    access: "organization.manage",
    body: createOrganizationSchema,
    bodyExample: { name: "Observatorio Regional", slug: "observatorio-regional" },
    responses: { 201: { description: "The new organization.", schema: organizationResponseSchema } },
    errors: { 409: "An organization with this slug already exists (`conflict`)." },
  },
  {
    operationId: "verifyAuditChain",
    method: "GET",
    path: "/api/v1/audit/verify",
    summary: "Verify the audit trail",
    description:
      "Walks the whole hash chain of the audit trail and reports the first event that does not verify, " +
      "if any: the same check as `npm run cli -- audit verify`.",
    tags: ["Audit"],
    access: "audit.verify",
    responses: {
      200: { description: "The result of the check (`ok: false` is a broken chain, not an error).", schema: auditVerifyResponseSchema },
    },
  },
];

/** Every operation: the first ones above, each later domain's in operations/<domain>.ts. */
export const operations: readonly Operation[] = [
  ...coreOperations,
  ...personOperations,
  ...releaseOperations,
  ...evidenceOperations,
  ...reviewOperations,
  ...searchOperations,
  ...subscriptionOperations,
  ...tipOperations,
  ...announcementOperations,
  ...nameOperations,
  ...exportOperations,
  ...importOperations,
];
