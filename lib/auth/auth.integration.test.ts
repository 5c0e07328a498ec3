import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { auditEventsFor } from "../audit/data.ts";
import { systemActor, type Actor } from "./actor.ts";
import { findActiveToken } from "./data.ts";
import { createApiToken, createUser, ensureDefaultOrganization, revokeApiToken, updateUser } from "./mutations.ts";
import { generate } from "otplib";
import { authenticateWithPassword, SecondFactorNeeded, SignInRateLimited } from "./sign-in.ts";
import { confirmTotpEnrollment, resetTotp, startTotpEnrollment } from "./mutations.ts";
import { hashToken } from "./tokens.ts";

const cli = systemActor("cli");
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.constancia.org`;
const PASSWORD = "correct horse battery";

async function newUser(role: "volunteer" | "moderator" | "admin", label = role) {
  const organization = await ensureDefaultOrganization(cli);
  return createUser(cli, { email: email(label), role, password: PASSWORD, organizationId: organization.id });
}

describe("users", () => {
  it("stores an argon2id hash, never the password, and audits the creation without secrets", async () => {
    const user = await newUser("volunteer");
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    const [event] = await auditEventsFor("User", user.id);
    expect(event?.action).toBe("user.create");
    expect(JSON.stringify(event?.after)).not.toMatch(/argon2|passwordHash/);
  });

  it("refuses a second user with the same e-mail and writes nothing", async () => {
    const user = await newUser("volunteer");
    const before = await db().user.count();
    const organization = await ensureDefaultOrganization(cli);
    await expect(
      createUser(cli, { email: user.email, role: "admin", password: PASSWORD, organizationId: organization.id }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db().user.count()).toBe(before);
  });

  it("refuses a stale edit instead of overwriting it", async () => {
    const user = await newUser("volunteer");
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    await updateUser(cli, user.id, { role: "moderator", version: row.version });
    await expect(updateUser(cli, user.id, { role: "admin", version: row.version })).rejects.toMatchObject({
      code: "stale_version",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("moderator");
  });

  it("ends sessions when the role changes or the account is disabled, not when nothing changes", async () => {
    const user = await newUser("volunteer");
    const sessions = async () => (await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await updateUser(cli, user.id, { version: 1 });
    await updateUser(cli, user.id, { role: "volunteer", disabled: false, version: 2 });
    expect(await sessions()).toBe(1);
    await updateUser(cli, user.id, { role: "moderator", version: 3 });
    expect(await sessions()).toBe(2);
  });

  it("does not let an admin disable or demote themselves", async () => {
    const admin = await newUser("admin");
    const actor: Actor = { kind: "user", userId: admin.id, role: "admin", organizationId: admin.organizationId };
    await expect(updateUser(actor, admin.id, { disabled: true, version: 1 })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("sign-in", () => {
  it("accepts the right password and refuses wrong ones the same way, whichever part was wrong", async () => {
    const user = await newUser("moderator");
    const ok = await authenticateWithPassword({ email: user.email.toUpperCase(), password: PASSWORD }, randomUUID());
    expect(ok?.id).toBe(user.id);
    expect(await authenticateWithPassword({ email: user.email, password: "wrong password!" }, randomUUID())).toBeNull();
    expect(await authenticateWithPassword({ email: email("nobody"), password: PASSWORD }, randomUUID())).toBeNull();
    expect(await authenticateWithPassword({ email: user.email }, randomUUID())).toBeNull();
    expect(await authenticateWithPassword("not an object", randomUUID())).toBeNull();
  });

  it("shuts a disabled user out at once, with the right password", async () => {
    const user = await newUser("volunteer");
    await updateUser(cli, user.id, { disabled: true, version: 1 });
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD }, randomUUID())).toBeNull();
    // Disabling also ends sessions: the session version moved on.
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
  });

  it("limits guessing per e-mail, even from many places, and even for unknown e-mails", async () => {
    const target = email("target");
    const attempts = async () => {
      for (let i = 0; i < 10; i++) await authenticateWithPassword({ email: target, password: `guess-${i}` }, randomUUID());
      return authenticateWithPassword({ email: target, password: "guess-11" }, randomUUID());
    };
    await expect(attempts()).rejects.toBeInstanceOf(SignInRateLimited);
  });
});

describe("API tokens", () => {
  it("stores only the hash, resolves the live token, and stops working once revoked", async () => {
    const user = await newUser("volunteer");
    const created = await createApiToken(cli, user.id, { name: "script" });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect((await findActiveToken(created.token))?.user.id).toBe(user.id);

    expect(await revokeApiToken(cli, created.id)).toEqual({ revoked: true });
    expect(await revokeApiToken(cli, created.id)).toEqual({ revoked: false });
    expect(await findActiveToken(created.token)).toBeNull();
    const events = await auditEventsFor("ApiToken", created.id);
    expect(events.map((event) => event.action)).toEqual(["token.create", "token.revoke"]);
  });

  it("ignores malformed, unknown and expired tokens", async () => {
    expect(await findActiveToken("")).toBeNull();
    expect(await findActiveToken("cst_short")).toBeNull();
    expect(await findActiveToken(`cst_${"A".repeat(43)}`)).toBeNull();
    const user = await newUser("volunteer");
    const created = await createApiToken(cli, user.id, { name: "old", expiresInDays: 1 });
    await db().apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findActiveToken(created.token)).toBeNull();
  });
});

describe("second factor at sign-in", () => {
  it("asks for a code after the right password, refuses wrong and replayed codes, accepts a fresh one", async () => {
    const user = await newUser("moderator");
    const secret = await startTotpEnrollment(cli, user.id);
    const step = Math.floor(Date.now() / 30_000);
    await confirmTotpEnrollment(cli, user.id, await generate({ secret, epoch: (step - 1) * 30 }));

    const attempt = (code?: string) =>
      authenticateWithPassword({ email: user.email, password: PASSWORD, ...(code ? { code } : {}) }, randomUUID());
    await expect(attempt()).rejects.toMatchObject({ reason: "TotpRequired" });
    await expect(attempt("000000")).rejects.toBeInstanceOf(SecondFactorNeeded);
    // The enrollment's own code (step - 1) was used up; the current one works once.
    await expect(attempt(await generate({ secret, epoch: (step - 1) * 30 }))).rejects.toMatchObject({ reason: "TotpInvalid" });
    const current = await generate({ secret, epoch: step * 30 });
    expect((await attempt(current))?.id).toBe(user.id);
    await expect(attempt(current)).rejects.toMatchObject({ reason: "TotpInvalid" });
    // A wrong password never reveals that a code would be needed.
    expect(await authenticateWithPassword({ email: user.email, password: "wrong password!" }, randomUUID())).toBeNull();
  });

  it("cannot restart an active enrollment; an admin reset clears it and ends sessions", async () => {
    const user = await newUser("admin");
    const secret = await startTotpEnrollment(cli, user.id);
    await confirmTotpEnrollment(cli, user.id, await generate({ secret }));
    await expect(startTotpEnrollment(cli, user.id)).rejects.toMatchObject({ code: "conflict" });
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    await resetTotp(cli, user.id);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.totpEnabledAt).toBeNull();
    expect(after.totpSecret).toBeNull();
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const events = await auditEventsFor("User", user.id);
    expect(events.map((e) => e.action)).toEqual([
      "user.create",
      "user.totp_enrollment_start",
      "user.totp_enable",
      "user.totp_reset",
    ]);
    expect(JSON.stringify(events.map(({ id: _id, ...event }) => event))).not.toContain(secret);
  });
});
