import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor.ts";
import { systemActor } from "../auth/actor.ts";
import { createUser } from "../auth/mutations.ts";
import type { Role } from "../generated/prisma/enums.ts";

/**
 * Real users, created through lib/auth, and the actors that act as them:
 * for integration tests of the write paths (rules are checked against these).
 */
export async function makeActor(role: Role, organizationId: string, label: string = role): Promise<Actor & { kind: "user"; userId: string }> {
  const user = await createUser(systemActor("cli"), {
    email: `${label}-${randomUUID()}@example.org`,
    name: `${label} ${randomUUID().slice(0, 4)}`,
    role,
    organizationId,
  });
  return { kind: "user", userId: user.id, role, organizationId };
}
