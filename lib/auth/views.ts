/** The shapes the API answers with for users and tokens (never hashes or secrets). */
export function userView(user: {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  version: number;
  organization?: { id: string; name: string; slug: string };
  lastSignInAt?: Date | null;
}) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabledAt !== null,
    version: user.version,
    ...(user.organization ? { organization: user.organization } : {}),
    ...(user.lastSignInAt !== undefined ? { lastSignInAt: user.lastSignInAt?.toISOString() ?? null } : {}),
  };
}

export function tokenView(token: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revoked: token.revokedAt !== null,
  };
}

/** A token in the admin list (`GET /api/v1/tokens?all=true`): with whose it is. */
export function ownedTokenView(token: Parameters<typeof tokenView>[0] & { user: { id: string; email: string; name: string; role: string } }) {
  return {
    ...tokenView(token),
    owner: { id: token.user.id, email: token.user.email, name: token.user.name, role: token.user.role },
  };
}
