import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Actor } from "./actor.ts";
import { MINIMUM_ROLE, actionsFor, decide, hasRole, type Action } from "./policy.ts";

const ORG = "00000000-0000-7000-8000-000000000001";
const OTHER_ORG = "00000000-0000-7000-8000-000000000002";
const user = (role: Actor["role"], userId = `user-${role}`, organizationId = ORG): Actor => ({
  kind: "user",
  userId,
  role,
  organizationId,
});
const roles = ["volunteer", "moderator", "admin"] as const;
const actions = Object.keys(MINIMUM_ROLE) as Action[];

describe("policy", () => {
  it("refuses everything to nobody", () => {
    for (const action of actions) expect(decide(null, action)).toEqual({ ok: false, reason: "unauthenticated" });
  });

  it("gives each role exactly the actions at or below its rank", () => {
    expect(actionsFor("volunteer")).not.toContain("release.review");
    expect(actionsFor("volunteer")).not.toContain("user.manage");
    expect(actionsFor("moderator")).toContain("release.review");
    expect(actionsFor("moderator")).not.toContain("user.manage");
    expect(actionsFor("moderator")).not.toContain("person.purge");
    expect(actionsFor("admin")).toEqual(actions);
  });

  it("never lets a volunteer review, merge, import, manage users or purge", () => {
    for (const action of ["release.review", "person.merge", "import.create", "user.manage", "person.purge"] as const) {
      expect(decide(user("volunteer"), action).ok).toBe(false);
    }
  });

  it("is monotonic: a higher role may do all a lower one may", () => {
    fc.assert(
      fc.property(fc.constantFrom(...actions), fc.constantFrom(...roles), fc.constantFrom(...roles), (action, a, b) => {
        if (hasRole(a, b) && decide(user(b), action).ok) expect(decide(user(a), action).ok).toBe(true);
      }),
    );
  });

  it("never lets anyone review a release they reported (maker-checker), whatever the role", () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.uuid(), (role, id) => {
        const decision = decide(user(role, id), "release.review", { reportedById: id });
        expect(decision.ok).toBe(false);
        if (role !== "volunteer") expect(decision).toEqual({ ok: false, reason: "own_report" });
      }),
    );
    expect(decide(user("moderator", "m1"), "release.review", { reportedById: "v1" }).ok).toBe(true);
  });

  it("lets a user manage only their own tokens, unless admin", () => {
    expect(decide(user("volunteer", "u1"), "token.manage_own", { ownerId: "u1" }).ok).toBe(true);
    expect(decide(user("moderator", "u1"), "token.manage_own", { ownerId: "u2" })).toEqual({
      ok: false,
      reason: "other_owner",
    });
    expect(decide(user("admin", "a1"), "token.manage_own", { ownerId: "u2" }).ok).toBe(true);
  });

  it("keeps imports and internal exports within the moderator's organization", () => {
    expect(decide(user("moderator"), "import.create", { organizationId: ORG }).ok).toBe(true);
    expect(decide(user("moderator"), "export.internal", { organizationId: OTHER_ORG })).toEqual({
      ok: false,
      reason: "other_organization",
    });
    expect(decide(user("admin"), "export.internal", { organizationId: OTHER_ORG }).ok).toBe(true);
  });

  it("treats a token actor exactly like its user's role", () => {
    const token: Actor = { kind: "token", userId: "t", role: "volunteer", organizationId: ORG };
    for (const action of actions) expect(decide(token, action).ok).toBe(decide(user("volunteer"), action).ok);
  });
});

describe("second factor", () => {
  const missing = (role: Actor["role"]): Actor => ({ kind: "user", userId: "u", role, organizationId: ORG, secondFactorMissing: true });

  it("leaves a moderator or admin without it only what a volunteer may do, and no API tokens", () => {
    for (const role of ["moderator", "admin"] as const) {
      for (const action of actions) {
        const expected = MINIMUM_ROLE[action] === "volunteer" && action !== "token.manage_own";
        expect(decide(missing(role), action).ok, `${role} ${action}`).toBe(expected);
      }
      expect(decide(missing(role), "release.review")).toEqual({ ok: false, reason: "second_factor" });
    }
  });

  it("does not apply to API tokens, which an admin or the user made after signing in fully", () => {
    const token: Actor = { kind: "token", userId: "t", role: "moderator", organizationId: ORG, secondFactorMissing: true };
    expect(decide(token, "release.review").ok).toBe(true);
  });
});
