import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { systemActor } from "../../lib/auth/actor.ts";
import { generate } from "otplib";
import {
  confirmTotpEnrollment,
  createApiToken,
  createUser,
  ensureDefaultOrganization,
  startTotpEnrollment,
} from "../../lib/auth/mutations.ts";
import { runningEmbeddedUrl } from "../../lib/db/embedded.ts";

/**
 * Browser tests seed through the app's own functions (lib/), on the database
 * of the server Playwright started (its embedded PostgreSQL, found through the
 * data directory), and sign in programmatically through next-auth's endpoint.
 */
export const E2E_DATA_DIR = path.resolve(process.env.E2E_PORT ? `.test-data/e2e-${process.env.E2E_PORT}` : ".test-data/e2e");

let connected = false;
export async function connectToAppDatabase(): Promise<void> {
  if (connected) return;
  const url = process.env.DATABASE_URL ?? (await runningEmbeddedUrl(E2E_DATA_DIR));
  if (!url) throw new Error(`No running Constancia database in ${E2E_DATA_DIR}`);
  process.env.DATABASE_URL = url;
  connected = true;
}

export type Role = "volunteer" | "moderator" | "admin";
export const PASSWORD = "e2e password 2026";

export interface SeededUser {
  id: string;
  email: string;
  role: Role;
  password: string;
  organizationId: string;
  /** Set when the user has a second factor: the authenticator app's secret, and the last step used. */
  totp: { secret: string; lastStep: number } | null;
}

const PERIOD = 30;
const currentStep = () => Math.floor(Date.now() / 1000 / PERIOD);

/**
 * The next code the user's "authenticator app" would give that the server has
 * not seen: codes are accepted one step early or late, never twice.
 */
export async function nextCode(user: SeededUser): Promise<string> {
  if (!user.totp) throw new Error(`${user.email} has no second factor`);
  let step = Math.max(user.totp.lastStep + 1, currentStep() - 1);
  while (step > currentStep() + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    step = Math.max(user.totp.lastStep + 1, currentStep() - 1);
  }
  user.totp.lastStep = step;
  return generate({ secret: user.totp.secret, epoch: step * PERIOD });
}

/**
 * A user made through the app's own functions. Moderators and admins get their
 * second factor set up (as they would on first sign-in) unless told otherwise.
 */
export async function seedUser(
  role: Role,
  label: string = role,
  options: { secondFactor?: boolean } = {},
): Promise<SeededUser> {
  await connectToAppDatabase();
  const actor = systemActor("system");
  const organization = await ensureDefaultOrganization(actor);
  const email = `${label}-${randomUUID().slice(0, 8)}@e2e.constancia.org`;
  const user = await createUser(actor, {
    email,
    role,
    password: PASSWORD,
    name: `${label} e2e`,
    organizationId: organization.id,
  });
  const seeded: SeededUser = { id: user.id, email, role, password: PASSWORD, organizationId: organization.id, totp: null };
  if (options.secondFactor ?? role !== "volunteer") {
    const secret = await startTotpEnrollment(actor, user.id);
    const step = currentStep() - 1;
    await confirmTotpEnrollment(actor, user.id, await generate({ secret, epoch: step * PERIOD }));
    seeded.totp = { secret, lastStep: step };
  }
  return seeded;
}

export async function seedToken(user: SeededUser): Promise<string> {
  await connectToAppDatabase();
  const created = await createApiToken(systemActor("system"), user.id, { name: "e2e" });
  return created.token;
}

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the page's context. */
export async function signInAs(page: Page, user: SeededUser): Promise<void> {
  await signInRequest(page.request, user.email, user.password, user.totp ? await nextCode(user) : undefined);
}

export async function signInRequest(request: APIRequestContext, email: string, password: string, code?: string): Promise<void> {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true", ...(code ? { code } : {}) },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.uid, `sign-in as ${email} failed`).toBeTruthy();
}
