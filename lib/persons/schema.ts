import { z } from "zod";
import { parseCedula } from "../search/normalize.ts";

/**
 * Inputs about persons, shared by the forms (server actions) and the API
 * (`POST /api/v1/persons`, `PATCH /api/v1/persons/{id}`). Form fields arrive
 * as strings, so numbers accept their digits too.
 */
const nameSchema = (what: string) =>
  z
    .string({ error: `${what} are required.` })
    .trim()
    .min(1, { error: `${what} are required.` })
    .max(200, { error: `${what}: at most 200 characters.` })
    .refine((text) => /\p{L}/u.test(text), { error: `${what} must contain letters.` });

export const cedulaSchema = z
  .string()
  .trim()
  .max(20, { error: "Not a cédula: use V-12.345.678 or E-84.123.456." })
  .refine((text) => parseCedula(text) !== null, { error: "Not a cédula: use V-12.345.678 or E-84.123.456." });

export const disclosureSchema = z.enum(["public", "initials", "withheld"], {
  error: "Disclosure must be public, initials or withheld.",
});

export const sexSchema = z.enum(["female", "male", "other", "unknown"], { error: "Sex must be female, male, other or unknown." });

export const nationalitySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "Nationality: a two-letter country code (ISO 3166-1), e.g. VE." });

const currentYear = () => new Date().getUTCFullYear();
export const birthYearSchema = z
  .union([z.int(), z.string().trim().regex(/^\d{4}$/, { error: "Birth year: four digits." }).transform(Number)])
  .pipe(z.int().min(1900, { error: "Birth year: 1900 or later." }))
  .refine((year) => year <= currentYear(), { error: "Birth year cannot be in the future." });

const optionalText = (max: number) => z.string().trim().max(max, { error: `At most ${max} characters.` });

const personFields = {
  givenNames: nameSchema("Given names"),
  surnames: nameSchema("Surnames"),
  cedula: cedulaSchema.optional(),
  sex: sexSchema.optional(),
  nationality: nationalitySchema.optional(),
  birthYear: birthYearSchema.optional(),
  homeState: optionalText(80).optional(),
  disclosure: disclosureSchema.optional(),
  externalRef: optionalText(100).optional(),
  notes: optionalText(5000).optional(),
};

export const createPersonSchema = z.strictObject(personFields);
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

/** An edit: the fields to change (null clears an optional one) and the version the editor read. */
export const updatePersonSchema = z.strictObject({
  givenNames: personFields.givenNames.optional(),
  surnames: personFields.surnames.optional(),
  cedula: cedulaSchema.nullable().optional(),
  sex: sexSchema.optional(),
  nationality: nationalitySchema.optional(),
  birthYear: birthYearSchema.nullable().optional(),
  homeState: optionalText(80).nullable().optional(),
  disclosure: disclosureSchema.optional(),
  externalRef: optionalText(100).nullable().optional(),
  notes: optionalText(5000).nullable().optional(),
  otherSpellings: z.array(optionalText(200).min(1)).max(20).optional(),
  version: z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.int().positive()),
});
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;


/** Possible duplicates while a volunteer types (internal: every disclosure level). */
export const duplicateQuerySchema = z.strictObject({
  givenNames: optionalText(200).optional(),
  surnames: optionalText(200).optional(),
  cedula: optionalText(20).optional(),
  excludeId: z.uuid().optional(),
});
export type DuplicateQuery = z.infer<typeof duplicateQuerySchema>;

/** The fields a merge chooses between, in the order a comparison shows them. */
export const MERGEABLE_FIELDS = [
  "givenNames",
  "surnames",
  "cedula",
  "sex",
  "nationality",
  "birthYear",
  "homeState",
  "disclosure",
  "externalRef",
  "notes",
] as const;
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];

/** The fields an edit may change: the mergeable ones and the other spellings. */
export const EDITABLE_PERSON_FIELDS = [...MERGEABLE_FIELDS, "otherSpellings"] as const;
export type EditablePersonField = (typeof EDITABLE_PERSON_FIELDS)[number];

/** Merge: which record survives, each side's version, and whose value each field keeps. */

export const mergePersonsSchema = z.strictObject({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  survivorVersion: z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.int().positive()),
  mergedVersion: z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.int().positive()),
  /** Fields whose value comes from the merged record; every other field keeps the survivor's. */
  takeFromMerged: z.array(z.enum(MERGEABLE_FIELDS)).max(MERGEABLE_FIELDS.length).default([]),
});
export type MergePersonsInput = z.infer<typeof mergePersonsSchema>;

export const personIdParamsSchema = z.strictObject({
  id: z.uuid({ error: "Not a valid person id." }).meta({ description: "The person's id." }),
});

export const deletePersonSchema = z.strictObject({
  version: z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.int().positive()),
  reason: z.string().trim().min(1, { error: "Say why." }).max(1000),
});
export type DeletePersonInput = z.infer<typeof deletePersonSchema>;

export const purgePersonSchema = z.strictObject({
  reason: z.string().trim().min(1, { error: "Say why." }).max(1000),
});
export type PurgePersonInput = z.infer<typeof purgePersonSchema>;

// Responses, for the OpenAPI document (lib/api/openapi) and its tests.
const matchKind = z.enum(["exact", "close", "partial"]);
const releaseStatus = z.enum(["reported", "verified", "rejected", "disputed", "retracted"]);

export const possibleDuplicateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  match: matchKind,
  sameCedula: z.boolean(),
  cedula: z.string().nullable(),
  disclosure: disclosureSchema,
  organizationName: z.string(),
  releaseStatuses: z.array(releaseStatus),
});

export const createdPersonResponseSchema = z.object({
  id: z.uuid(),
  version: z.int(),
  possibleDuplicates: z.array(possibleDuplicateSchema.pick({ id: true, name: true, match: true, sameCedula: true })),
});

export const duplicatesResponseSchema = z.object({ results: z.array(possibleDuplicateSchema) });

export const updatedPersonResponseSchema = z.object({ id: z.uuid(), version: z.int(), changed: z.boolean() });

export const deletedPersonResponseSchema = z.object({ id: z.uuid(), deletedAt: z.iso.datetime() });

export const purgedPersonResponseSchema = z.object({ purgedPersons: z.int(), removedFiles: z.int() });

export const mergedPersonsResponseSchema = z.object({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  moved: z.record(z.string(), z.int()),
});

/** The public view of one person (DESIGN.md rule 4): `GET /api/v1/persons/{id}`. */
export const publicPersonResponseSchema = z.object({
  id: z.uuid(),
  name: z.string().meta({ description: "The full name, or initials, as the person's disclosure level allows." }),
  disclosure: z.enum(["public", "initials"]),
  status: z.enum(["detained", "release_reported", "release_verified"]),
  releases: z.array(
    z.object({
      status: z.enum(["release_reported", "release_verified"]),
      releasedMonth: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
      conditions: z.enum(["full", "conditional", "house_arrest", "expelled", "unknown"]),
      evidence: z.array(
        z.object({
          kind: z.string(),
          description: z.string(),
          url: z.string().nullable(),
          fileUrl: z.string().nullable(),
          contentType: z.string().nullable(),
        }),
      ),
    }),
  ),
  lastChecked: z.iso.datetime().meta({ description: "When the record was last changed or reviewed." }),
});
