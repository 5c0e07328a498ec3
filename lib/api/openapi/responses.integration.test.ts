import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../auth/actor.ts";
import { createApiToken, createUser, ensureDefaultOrganization } from "../../auth/mutations.ts";
import { addEvidence } from "../../evidence/mutations.ts";
import { pdfBytes } from "../../evidence/test-fixtures.ts";
import { useTemporaryDataDir } from "../../evidence/test-setup.ts";
import { createPerson, markPersonDeleted } from "../../persons/mutations.ts";
import type { CreatePersonInput } from "../../persons/schema.ts";
import { createRelease } from "../../releases/mutations.ts";
import { reviewRelease } from "../../reviews/mutations.ts";
import { subscriptionFixtures } from "../../subscriptions/openapi-fixtures.ts";
import { tipFixtures } from "../../tips/openapi-fixtures.ts";
import { announcementFixtures } from "../../announcements/openapi-fixtures.ts";
import { nameFixtures } from "../../names/openapi-fixtures.ts";
import { exportFixtures } from "../../exports/openapi-fixtures.ts";
import { importFixtures } from "../../imports/openapi-fixtures.ts";
import { reviewFixtures } from "../../reviews/openapi-fixtures.ts";
import { makeActor } from "../../testing/actors.ts";
import { operations, type Operation } from "./registry.ts";
import { errorResponseSchema } from "./schemas.ts";

/**
 * Every documented operation, called through its real route handler on a real
 * database with an admin's API token: the status must be one the document
 * lists, and the body must parse with the response schema published for it.
 */
const APP_DIR = path.resolve(import.meta.dirname, "../../../app");
const actor = systemActor("cli");

interface Call {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  /** A multipart/form-data body instead of JSON. */
  form?: FormData;
  /** A text body (text/csv, text/plain) instead of JSON. */
  text?: { contentType: string; content: string };
}

let token = "";
let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
let fixtures: Partial<Record<string, () => Promise<Call>>> = {};

afterAll(async () => dataDir.restore());

beforeAll(async () => {
  // Uploaded files go to a temporary data directory.
  dataDir = await useTemporaryDataDir();
  const organization = await ensureDefaultOrganization(actor);
  const admin = await createUser(actor, {
    email: `openapi-admin-${randomUUID()}@example.org`,
    role: "admin",
    organizationId: organization.id,
  });
  token = (await createApiToken(actor, admin.id, { name: "openapi test" })).token;
  fixtures = {
    createUser: async () => ({ body: { email: `openapi-${randomUUID()}@example.org`, role: "volunteer" } }),
    updateUser: async () => {
      const user = await createUser(actor, {
        email: `openapi-${randomUUID()}@example.org`,
        role: "volunteer",
        organizationId: organization.id,
      });
      return { params: { id: user.id }, body: { role: "moderator", version: 1 } };
    },
    listTokens: async () => ({ query: { all: "true" } }),
    revokeToken: async () => ({ params: { id: (await createApiToken(actor, admin.id, { name: "to revoke" })).id } }),
    searchPeople: async () => ({ query: { q: "jose perez", limit: "5" } }),
    createOrganization: async () => ({ body: { name: "Observatorio de prueba", slug: `prueba-${randomUUID().slice(0, 8)}` } }),
    ...(await recordingFixtures(organization.id)),
    ...(await subscriptionFixtures(organization.id)),
    ...(await tipFixtures(organization.id)),
    ...(await announcementFixtures(organization.id)),
    ...(await nameFixtures(organization.id)),
    ...(await exportFixtures()),
    ...(await importFixtures(organization.id)),
    ...(await reviewFixtures(organization.id)),
  };
});

/** Persons and releases recorded by a volunteer (so that the admin may review them), for the recording routes. */
async function recordingFixtures(organizationId: string): Promise<Record<string, () => Promise<Call>>> {
  const volunteer = await makeActor("volunteer", organizationId);
  const person = async (extra: Partial<CreatePersonInput> = {}) =>
    createPerson(volunteer, { givenNames: "Prueba", surnames: `OpenAPI ${randomUUID().slice(0, 6)}`, disclosure: "public", ...extra });
  const release = async () => {
    const { id } = await person();
    const created = await createRelease(volunteer, id, { releasedOn: "2026-01-12" });
    await addEvidence(volunteer, created.id, { kind: "press_report", description: "Nota", url: "https://example.org/nota", public: true });
    return created.id;
  };
  return {
    getPublicPerson: async () => ({ params: { id: (await person()).id } }),
    updatePerson: async () => ({ params: { id: (await person()).id }, body: { homeState: "Lara", version: 1 } }),
    deletePerson: async () => ({ params: { id: (await person()).id }, body: { version: 1, reason: "Prueba" } }),
    purgePerson: async () => {
      const { id } = await person();
      await markPersonDeleted(volunteer, id, { version: 1, reason: "Prueba" });
      return { params: { id }, body: { reason: "Prueba" } };
    },
    createRelease: async () => ({ params: { id: (await person()).id }, body: { releasedOn: "2026-01" } }),
    getRelease: async () => ({ params: { id: await release() } }),
    updateRelease: async () => ({ params: { id: await release() }, body: { conditions: "full", version: 1 } }),
    changeReleaseStatus: async () => {
      const id = await release();
      const { release: rejected } = await reviewRelease(await makeActor("moderator", organizationId), id, { decision: "reject", reason: "Prueba" });
      expect(rejected.status).toBe("rejected");
      return { params: { id }, body: { action: "reopen", reason: "Nueva evidencia", version: 2 } };
    },
    mergePersons: async () => {
      const [a, b] = [await person(), await person()];
      return { body: { survivorId: a.id, mergedId: b.id, survivorVersion: 1, mergedVersion: 1, takeFromMerged: ["surnames"] } };
    },
    reviewRelease: async () => ({ params: { id: await release() }, body: { decision: "approve" } }),
    addEvidence: async () => ({
      params: { id: await release() },
      body: { kind: "lawyer_confirmation", description: "El abogado confirma", url: "https://example.org/abogado" },
    }),
    listEvidence: async () => ({ params: { id: await release() } }),
    getFile: async () => {
      const stored = await addEvidence(
        volunteer,
        await release(),
        { kind: "court_document", description: "Boleta de excarcelación", public: false },
        { bytes: pdfBytes(randomUUID()), fileName: "boleta.pdf" },
      );
      return { params: { sha256: stored.sha256! } };
    },
  };
}

async function call(operation: Operation, { params = {}, body, query, form, text }: Call, headers: Record<string, string>) {
  const folder = operation.path.replace(/^\//, "").replace(/\{(\w+)\}/g, "[$1]");
  const module = (await import(path.join(APP_DIR, folder, "route.ts"))) as Record<
    string,
    (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
  >;
  const search = query ? `?${new URLSearchParams(query).toString()}` : "";
  const url = `http://localhost${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "")}${search}`;
  const request = new Request(url, {
    method: operation.method,
    headers: text ? { ...headers, "Content-Type": text.contentType } : body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
    body: form ?? text?.content ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return module[operation.method]!(request, { params: Promise.resolve(params) });
}

describe("documented responses", () => {
  it.each(operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    "%s answers as documented",
    async (_, operation) => {
      const fixture = fixtures[operation.operationId];
      if (operation.params && !fixture) throw new Error(`Add a fixture for ${operation.operationId} (it needs path parameters).`);
      const input = fixture ? await fixture() : { body: operation.bodyExample };
      const response = await call(operation, input, { Authorization: `Bearer ${token}` });
      const declared = operation.responses[response.status as keyof Operation["responses"]];
      if (declared?.mediaTypes) {
        // A file, not JSON: its type must be one the document lists.
        expect(declared.mediaTypes).toContain(response.headers.get("content-type")?.split(";")[0]);
        return;
      }
      const json: unknown = await response.json();
      expect(declared, `undocumented status ${response.status}: ${JSON.stringify(json)}`).toBeDefined();
      const parsed = declared!.schema.safeParse(json);
      expect(parsed.error?.issues ?? [], JSON.stringify(json)).toEqual([]);
    },
  );

  it("answers errors in the documented shape", async () => {
    const createToken = operations.find((operation) => operation.operationId === "createToken")!;
    // (No credentials at all would ask next-auth for the session, which needs a real Next.js request.)
    const badToken = await call(createToken, { body: createToken.bodyExample }, { Authorization: "Bearer not-a-token" });
    expect(badToken.status).toBe(401);
    expect(errorResponseSchema.parse(await badToken.json()).error.code).toBe("invalid_token");

    const unknownField = await call(createToken, { body: { name: "x", notAField: 1 } }, { Authorization: `Bearer ${token}` });
    expect(unknownField.status).toBe(400);
    const body = errorResponseSchema.parse(await unknownField.json());
    expect(body.error.issues?.length).toBeGreaterThan(0);
  });
});
