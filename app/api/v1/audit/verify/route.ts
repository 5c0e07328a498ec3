import { route } from "@/lib/api/route.ts";
import { verifyAuditChain } from "@/lib/audit/data.ts";

// Walks the whole hash chain: the same check as `npm run cli -- audit verify`.
export const GET = route({ access: "audit.verify" }, async () => {
  const check = await verifyAuditChain();
  return check.ok
    ? { ok: true, events: check.events }
    : { ok: false, events: check.events, brokenAt: check.brokenAt.toString(), reason: check.reason };
});
