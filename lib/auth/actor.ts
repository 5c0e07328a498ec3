import type { Role } from "../generated/prisma/enums.ts";

/**
 * Who is acting. Every mutation takes one explicitly (never reads a session),
 * and the audit trail records it.
 *
 * - `user`: signed in through the app (session cookie)
 * - `token`: a script with an API token (acts with its user's role)
 * - `cli`, `system`, `demo`: the command line, background jobs, the demo loader
 */
export type Actor =
  | {
      kind: "user" | "token";
      userId: string;
      role: Role;
      organizationId: string;
      /** A moderator or admin signed in without the second factor they must set up. */
      secondFactorMissing?: boolean;
    }
  | { kind: "cli" | "system" | "demo"; userId: null; role: "admin"; organizationId: null };

export const systemActor = (kind: "cli" | "system" | "demo"): Actor => ({
  kind,
  userId: null,
  role: "admin",
  organizationId: null,
});
