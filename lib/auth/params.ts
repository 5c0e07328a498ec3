import { z } from "zod";

/**
 * Path parameters of the user and token routes, shared by the route handlers
 * and the OpenAPI registry (lib/api/openapi), so both use the same schema.
 */
const idParams = (what: string) =>
  z.strictObject({ id: z.uuid({ error: `Not a valid ${what} id.` }).meta({ description: `The ${what}'s id.` }) });

export const userIdParamsSchema = idParams("user");
export const tokenIdParamsSchema = idParams("token");
