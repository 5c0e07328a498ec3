import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { systemActor, type Actor } from "../auth/actor.ts";
import { createUser, ensureDefaultOrganization } from "../auth/mutations.ts";
import { authenticateWithPassword } from "../auth/sign-in.ts";
import { auditEventsFor } from "../audit/data.ts";
import { findInvitationBySecret, listOpenInvitations } from "./data.ts";
import { acceptInvitation, createInvitation, revokeInvitation } from "./mutations.ts";

const PASSWORD = "a long enough password";
const email = () => `invited-${randomUUID().slice(0, 8)}@test.constancia.org`;

async function adminActor(): Promise<Actor> {
  const organization = await ensureDefaultOrganization(systemActor("cli"));
  const admin = await createUser(systemActor("cli"), { email: email(), role: "admin", password: PASSWORD, organizationId: organization.id });
  return { kind: "user", userId: admin.id, role: "admin", organizationId: organization.id };
}

const accept = (token: string, password = PASSWORD) =>
  acceptInvitation({ token, name: "Invitada", password, passwordAgain: password });

describe("invitations", () => {
  it("stores only the link's hash, works once, and creates the account with the invited role", async () => {
    const actor = await adminActor();
    const address = email();
    const invitation = await createInvitation(actor, { email: address, role: "moderator", organizationId: actor.organizationId! });
    const row = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(JSON.stringify(row)).not.toContain(invitation.secret);
    expect((await findInvitationBySecret(invitation.secret))?.state).toBe("open");

    const user = await accept(invitation.secret);
    expect(user.email).toBe(address);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.userId } })).role).toBe("moderator");
    expect((await authenticateWithPassword({ email: address, password: PASSWORD }, randomUUID()))?.id).toBe(user.userId);

    await expect(accept(invitation.secret)).rejects.toMatchObject({ code: "not_found" });
    expect((await findInvitationBySecret(invitation.secret))?.state).toBe("accepted");
    expect((await auditEventsFor("User", user.userId)).map((e) => e.action)).toEqual(["invitation.accept"]);
  });

  it("makes one account even when the link is submitted twice at once", async () => {
    const actor = await adminActor();
    const invitation = await createInvitation(actor, { email: email(), role: "volunteer", organizationId: actor.organizationId! });
    const results = await Promise.allSettled([accept(invitation.secret), accept(invitation.secret)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses revoked, expired, replaced and made-up links, and writes nothing", async () => {
    const actor = await adminActor();
    const revoked = await createInvitation(actor, { email: email(), role: "volunteer", organizationId: actor.organizationId! });
    expect(await revokeInvitation(actor, revoked.id)).toEqual({ revoked: true });
    await expect(accept(revoked.secret)).rejects.toMatchObject({ code: "not_found" });

    const expired = await createInvitation(actor, { email: email(), role: "volunteer", organizationId: actor.organizationId! });
    await db().invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(accept(expired.secret)).rejects.toMatchObject({ code: "not_found" });
    expect((await findInvitationBySecret(expired.secret))?.state).toBe("expired");

    const address = email();
    const first = await createInvitation(actor, { email: address, role: "volunteer", organizationId: actor.organizationId! });
    const second = await createInvitation(actor, { email: address, role: "admin", organizationId: actor.organizationId! });
    await expect(accept(first.secret)).rejects.toMatchObject({ code: "not_found" });
    expect((await listOpenInvitations()).filter((i) => i.email === address).map((i) => i.role)).toEqual(["admin"]);
    expect((await accept(second.secret)).email).toBe(address);

    const before = await db().user.count();
    await expect(accept("A".repeat(32))).rejects.toMatchObject({ code: "not_found" });
    expect(await findInvitationBySecret("not a link")).toBeNull();
    expect(await db().user.count()).toBe(before);
  });

  it("does not invite an address that already has an account", async () => {
    const actor = await adminActor();
    const existing = await db().user.findUniqueOrThrow({ where: { id: actor.userId! } });
    await expect(
      createInvitation(actor, { email: existing.email, role: "volunteer", organizationId: actor.organizationId! }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
