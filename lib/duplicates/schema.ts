import { z } from "zod";

/** The merge queue: pairs of records an import found may be one person (prisma DuplicateCandidate). */
export const duplicateIdParamsSchema = z.strictObject({ id: z.uuid({ error: "Not a merge-queue entry id." }) });

export const duplicateQueueQuerySchema = z.strictObject({
  importId: z.uuid({ error: "importId: not an import id." }).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: "limit: a number from 1 to 100." })
    .transform(Number)
    .pipe(z.int().min(1, { error: "limit: a number from 1 to 100." }).max(100, { error: "limit: a number from 1 to 100." }))
    .optional(),
});
export type DuplicateQueueQuery = z.infer<typeof duplicateQueueQuerySchema>;

export const dismissDuplicateSchema = z.strictObject({
  id: z.uuid({ error: "Not a merge-queue entry id." }),
});

const sideSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  cedula: z.string().nullable(),
  organization: z.string(),
  externalRef: z.string().nullable(),
  birthYear: z.int().nullable(),
  releases: z.int().min(0),
});

export const duplicateEntrySchema = z.object({
  id: z.uuid(),
  reason: z.enum(["cedula", "name"]).meta({ description: "cedula: the same cédula; name: the same full name." }),
  heldCedula: z.string().nullable().meta({ description: "The cédula the import read, kept here until the two records are merged." }),
  importId: z.uuid().nullable(),
  importFileName: z.string().nullable(),
  row: z.int().nullable(),
  createdAt: z.iso.datetime(),
  imported: sideSchema.meta({ description: "The record the import created." }),
  existing: sideSchema.meta({ description: "The record that was there before." }),
});
export type DuplicateEntry = z.infer<typeof duplicateEntrySchema>;

export const duplicateQueueSchema = z.object({
  entries: z.array(duplicateEntrySchema),
  open: z.int().min(0).meta({ description: "Entries waiting, with the same filter." }),
});
export type DuplicateQueue = z.infer<typeof duplicateQueueSchema>;

export const dismissedSchema = z.object({ id: z.uuid(), status: z.literal("dismissed") });
