import { db } from "../db/client.ts";
import { ALL_TOKENS_LIMIT, type TokenState } from "./schema.ts";
import { hashToken, looksLikeToken } from "./tokens.ts";

const viewerSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  organizationId: true,
  sessionVersion: true,
  disabledAt: true,
  version: true,
  isDemo: true,
  totpEnabledAt: true,
  organization: { select: { name: true, deletedAt: true } },
} as const;

/** The user behind a session, re-read on every request so that disabling takes effect at once. */
export async function findSessionUser(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: viewerSelect });
}

export async function findUserForSignIn(email: string) {
  return db().user.findUnique({
    where: { email },
    select: { ...viewerSelect, passwordHash: true, totpSecret: true, totpLastStep: true },
  });
}

export async function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email }, select: viewerSelect });
}

/** The live token for a bearer string, with its user, or null (unknown, revoked, expired). */
export async function findActiveToken(token: string) {
  if (!looksLikeToken(token)) return null;
  const found = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: viewerSelect } },
  });
  if (!found || found.revokedAt) return null;
  if (found.expiresAt && found.expiresAt.getTime() <= Date.now()) return null;
  return found;
}

export async function listTokensOf(userId: string) {
  return db().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
}

/**
 * Every user's tokens (the admin list), newest first, at most ALL_TOKENS_LIMIT:
 * "active" are neither revoked nor expired at `now`; "revoked" are revoked.
 */
export async function listAllTokens(options: { state?: TokenState; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const state = options.state ?? "all";
  const where =
    state === "active"
      ? { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }
      : state === "revoked"
        ? { revokedAt: { not: null } }
        : {};
  return db().apiToken.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: ALL_TOKENS_LIMIT,
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true } },
    },
  });
}

export async function findToken(id: string) {
  return db().apiToken.findUnique({ where: { id }, select: { id: true, userId: true, name: true, prefix: true, revokedAt: true } });
}

export async function listUsers() {
  return db().user.findMany({
    orderBy: [{ organization: { name: "asc" } }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      version: true,
      createdAt: true,
      organization: { select: { id: true, name: true, slug: true } },
    },
  });
}

export async function findUser(id: string) {
  return db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, version: true, organizationId: true },
  });
}

export async function listOrganizations() {
  return db().organization.findMany({
    where: { deletedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, isDemo: true, _count: { select: { users: true } } },
  });
}

export async function findOrganizationBySlug(slug: string) {
  return db().organization.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, deletedAt: true } });
}

/** The pending or active TOTP secret of a user (enrollment page only; never sent anywhere else). */
export async function findTotpState(userId: string) {
  return db().user.findUnique({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
}
