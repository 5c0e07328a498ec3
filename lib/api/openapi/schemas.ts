import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "../../errors.ts";

/** Every error code of lib/errors.ts. */
export const errorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** The one error shape of the API (API.md), as lib/api/guard.ts `describeError` builds it. */
export const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: errorCodeSchema.describe("Stable, machine-readable; the status follows from it."),
    message: z.string().describe("For people, in English."),
    issues: z
      .array(
        z.strictObject({
          path: z.string().describe('The field, dotted ("covers.from"); empty for the whole input.'),
          message: z.string(),
        }),
      )
      .max(20)
      .optional()
      .describe("With `invalid_input`: what is wrong with each field."),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("With some conflicts: the current record, so a client can show what changed."),
  }),
});

/** `GET /api/v1/openapi.json`: an OpenAPI 3.1 document (its own schema is the OpenAPI specification). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
