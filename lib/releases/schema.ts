import { z } from "zod";
import { isRealDay, todayInCaracas } from "../dates.ts";

/**
 * Inputs about releases, shared by the forms and the API
 * (`POST /api/v1/persons/{id}/releases`, `PATCH /api/v1/releases/{id}`,
 * `POST /api/v1/releases/{id}/status`).
 *
 * `releasedOn` is a day ("2026-01-12") or a month ("2026-01"), never in the
 * future (Caracas time); null records a release whose date nobody knows yet.
 */
export const releasedOnSchema = z
  .string()
  .trim()
  .refine((text) => /^\d{4}-\d{2}(-\d{2})?$/.test(text), { error: "Release date: YYYY-MM-DD, or YYYY-MM when only the month is known." })
  .refine((text) => (text.length === 7 ? isRealDay(`${text}-01`) : isRealDay(text)), { error: "Release date: not a real date." })
  .refine((text) => text >= "1990-01", { error: "Release date: 1990 or later." })
  .refine((text) => (text.length === 7 ? text <= todayInCaracas().slice(0, 7) : text <= todayInCaracas()), {
    error: "Release date cannot be in the future.",
  });

export const conditionsSchema = z.enum(["full", "conditional", "house_arrest", "expelled", "unknown"], {
  error: "Conditions must be full, conditional, house_arrest, expelled or unknown.",
});

const text = (max: number) => z.string().trim().max(max, { error: `At most ${max} characters.` });
const version = z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.int().positive());

export const createReleaseSchema = z.strictObject({
  releasedOn: releasedOnSchema.nullable(),
  facility: text(200).optional(),
  conditions: conditionsSchema.optional(),
  conditionsDetail: text(2000).optional(),
});
export type CreateReleaseInput = z.infer<typeof createReleaseSchema>;

export const updateReleaseSchema = z.strictObject({
  releasedOn: releasedOnSchema.nullable().optional(),
  facility: text(200).nullable().optional(),
  conditions: conditionsSchema.optional(),
  conditionsDetail: text(2000).nullable().optional(),
  version,
});
export type UpdateReleaseInput = z.infer<typeof updateReleaseSchema>;

/**
 * An explicit status change with its reason: dispute a verified release,
 * retract one (it did not happen, or the person was re-arrested: then
 * `rearrest` opens a new detention), or reopen a rejected one.
 */
export const changeStatusSchema = z.strictObject({
  action: z.enum(["dispute", "retract", "reopen"], { error: "Action must be dispute, retract or reopen." }),
  reason: z.string().trim().min(1, { error: "Say why." }).max(2000),
  version,
  rearrest: z
    .strictObject({
      arrestedOn: z
        .string()
        .trim()
        .refine(isRealDay, { error: "Arrest date: YYYY-MM-DD." })
        .refine((day) => day <= todayInCaracas(), { error: "Arrest date cannot be in the future." })
        .optional(),
      facility: text(200).optional(),
      charges: text(2000).optional(),
    })
    .optional(),
});
export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;

export const releaseIdParamsSchema = z.strictObject({
  id: z.uuid({ error: "Not a valid release id." }).meta({ description: "The release's id." }),
});

/** "2026-01-12" → day precision; "2026-01" → month precision (stored as the 1st); null → unknown. */
export function releaseDateFields(releasedOn: string | null): {
  releasedOn: Date | null;
  releasedPrecision: "day" | "month" | "unknown";
} {
  if (releasedOn === null) return { releasedOn: null, releasedPrecision: "unknown" };
  if (releasedOn.length === 7) return { releasedOn: new Date(`${releasedOn}-01T00:00:00Z`), releasedPrecision: "month" };
  return { releasedOn: new Date(`${releasedOn}T00:00:00Z`), releasedPrecision: "day" };
}

/** The stored date back to how it was given: "2026-01-12", "2026-01" or null. */
export function releaseDateText(releasedOn: Date | null, precision: "day" | "month" | "unknown"): string | null {
  if (!releasedOn || precision === "unknown") return null;
  const day = releasedOn.toISOString().slice(0, 10);
  return precision === "month" ? day.slice(0, 7) : day;
}

// Responses, for the OpenAPI document.
const status = z.enum(["reported", "verified", "rejected", "disputed", "retracted"]);
export const createdReleaseResponseSchema = z.object({ id: z.uuid(), status: z.literal("reported"), version: z.int() });
export const updatedReleaseResponseSchema = z.object({ id: z.uuid(), version: z.int(), changed: z.boolean() });
export const changedStatusResponseSchema = z.object({
  id: z.uuid(),
  status,
  version: z.int(),
  detentionId: z.uuid().nullable(),
});
