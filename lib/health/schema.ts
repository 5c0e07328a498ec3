import { z } from "zod";

/** `GET /api/health`: 200 when the database answers, 503 otherwise, same shape. */
export const healthResponseSchema = z.strictObject({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["reachable", "unreachable"]),
});
