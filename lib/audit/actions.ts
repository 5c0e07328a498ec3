"use server";

import { z } from "zod";
import { action } from "../api/action.ts";
import { verifyAuditChain } from "./data.ts";

export const verifyChainAction = action({ access: "audit.verify", input: z.strictObject({}) }, async () => {
  const check = await verifyAuditChain();
  return check.ok
    ? { ok: true as const, events: check.events }
    : { ok: false as const, events: check.events, brokenAt: check.brokenAt.toString(), reason: check.reason };
});
