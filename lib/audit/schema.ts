import { z } from "zod";

/** `GET /api/v1/audit/verify`: the result of walking the whole hash chain. */
export const auditVerifyResponseSchema = z.discriminatedUnion("ok", [
  z.strictObject({ ok: z.literal(true), events: z.int().nonnegative() }),
  z.strictObject({
    ok: z.literal(false),
    events: z.int().nonnegative().describe("Events that verified before the break."),
    brokenAt: z
      .string()
      .regex(/^\d+$/)
      .describe("The id of the first event that does not verify (a 64-bit integer, as a string)."),
    reason: z.enum(["prev_hash_mismatch", "hash_mismatch"]),
  }),
]);
