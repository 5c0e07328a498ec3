import {
  createdPersonResponseSchema,
  createPersonSchema,
  deletedPersonResponseSchema,
  deletePersonSchema,
  duplicateQuerySchema,
  duplicatesResponseSchema,
  mergedPersonsResponseSchema,
  mergePersonsSchema,
  personIdParamsSchema,
  publicPersonResponseSchema,
  purgedPersonResponseSchema,
  purgePersonSchema,
  updatedPersonResponseSchema,
  updatePersonSchema,
} from "../../../persons/schema.ts";
import { createdReleaseResponseSchema, createReleaseSchema } from "../../../releases/schema.ts";
import type { Operation } from "../registry.ts";

export const personOperations: readonly Operation[] = [
  {
    operationId: "createPerson",
    method: "POST",
    path: "/api/v1/persons",
    summary: "Record a person",
    description:
      "A person detained for political reasons or reported released, recorded for the caller's organization. " +
      "`disclosure` defaults to `initials`, `nationality` to `VE`. The answer lists records that may be the same " +
      "person (same cédula, or a similar name) so that the caller can add the release there instead.",
    tags: ["Persons"],
    access: "person.create",
    body: createPersonSchema,
    bodyExample: { givenNames: "Yorgelis Carolina", surnames: "Pérez Rondón", disclosure: "initials", nationality: "VE" },
    responses: { 201: { description: "The new person.", schema: createdPersonResponseSchema } },
    errors: {
      409: "The cédula is already on record, or the organization already uses this `externalRef` (`conflict`; `details.personId` names the record).",
    },
  },
  {
    operationId: "findPossibleDuplicates",
    method: "GET",
    path: "/api/v1/persons/duplicates",
    summary: "Records that may be the same person",
    description:
      "While a person is being typed: records with the same cédula (exact), then records whose name matches " +
      "(exact, close or partial, as in the public search), every disclosure level included. At most 8.",
    tags: ["Persons"],
    access: "duplicate.flag",
    query: duplicateQuerySchema,
    responses: { 200: { description: "The candidates, strongest first.", schema: duplicatesResponseSchema } },
  },
  {
    operationId: "mergePersons",
    method: "POST",
    path: "/api/v1/persons/merge",
    summary: "Merge two records of the same person",
    description:
      "Moves the releases, detentions, name-list links, subscriptions and tips of `mergedId` to `survivorId`; the " +
      "survivor takes the fields listed in `takeFromMerged`; the merged record stays, pointing at the survivor. " +
      "Both versions must be the ones the moderator saw.",
    tags: ["Persons"],
    access: "person.merge",
    body: mergePersonsSchema,
    bodyExample: {
      survivorId: "0194a1b2-0000-7000-8000-000000000001",
      mergedId: "0194a1b2-0000-7000-8000-000000000002",
      survivorVersion: 1,
      mergedVersion: 1,
      takeFromMerged: ["cedula"],
    },
    responses: { 200: { description: "The merge is done.", schema: mergedPersonsResponseSchema } },
    errors: {
      404: "Either person does not exist, or was deleted or merged already (`not_found`).",
      409: "Either record changed since its version was read (`stale_version`).",
    },
  },
  {
    operationId: "getPublicPerson",
    method: "GET",
    path: "/api/v1/persons/{id}",
    summary: "The public view of a person",
    description:
      "Name as disclosed (full name or initials), status, and the releases the public may see with their month, " +
      "conditions category and public evidence. Never the cédula, notes, or who recorded or reviewed.",
    tags: ["Persons"],
    access: "public",
    authenticate: false,
    params: personIdParamsSchema,
    responses: { 200: { description: "The person, as the public may see them.", schema: publicPersonResponseSchema } },
    errors: { 404: "No such person, or one the public may not see (withheld, deleted, merged) (`not_found`)." },
  },
  {
    operationId: "updatePerson",
    method: "PATCH",
    path: "/api/v1/persons/{id}",
    summary: "Edit a person",
    description:
      "Changes the given fields (null clears an optional one), guarded by the `version` the editor read. " +
      "Nothing changed answers `changed: false` and keeps the version.",
    tags: ["Persons"],
    access: "person.update",
    params: personIdParamsSchema,
    body: updatePersonSchema,
    bodyExample: { homeState: "Lara", version: 1 },
    responses: { 200: { description: "The person as saved.", schema: updatedPersonResponseSchema } },
    errors: {
      404: "No such person, or deleted or merged (`not_found`).",
      409: "Someone changed the person since `version` was read (`stale_version`; `details.current` holds the current values), or the cédula/reference is taken (`conflict`).",
    },
  },
  {
    operationId: "deletePerson",
    method: "DELETE",
    path: "/api/v1/persons/{id}",
    summary: "Mark a person deleted",
    description: "Hides the person everywhere; nothing is removed (an admin can purge later). Needs the version and a reason.",
    tags: ["Persons"],
    access: "person.delete",
    params: personIdParamsSchema,
    body: deletePersonSchema,
    bodyExample: { version: 1, reason: "Registro de prueba" },
    responses: { 200: { description: "The person is marked deleted.", schema: deletedPersonResponseSchema } },
    errors: { 404: "No such person (`not_found`).", 409: "Stale `version` (`stale_version`)." },
  },
  {
    operationId: "purgePerson",
    method: "POST",
    path: "/api/v1/persons/{id}/purge",
    summary: "Purge a deleted person for good",
    description:
      "Admins only. Removes a person already marked deleted, and every record merged into them, with their " +
      "releases, evidence and reviews; files no other record uses are removed from storage. The audit trail keeps the event.",
    tags: ["Persons"],
    access: "person.purge",
    params: personIdParamsSchema,
    body: purgePersonSchema,
    bodyExample: { reason: "Solicitud de la familia" },
    responses: { 200: { description: "What was removed.", schema: purgedPersonResponseSchema } },
    errors: { 404: "No such person (`not_found`).", 409: "The person is not marked deleted (`conflict`)." },
  },
  {
    operationId: "createRelease",
    method: "POST",
    path: "/api/v1/persons/{id}/releases",
    summary: "Report a release",
    description:
      "A release of the person, always `reported` until moderators verify it. `releasedOn` is a day or a month " +
      "(`2026-01`), never in the future (Caracas time); null when nobody knows the date yet.",
    tags: ["Releases"],
    access: "release.create",
    params: personIdParamsSchema,
    body: createReleaseSchema,
    bodyExample: { releasedOn: "2026-01-12", facility: "El Helicoide (SEBIN, Caracas)", conditions: "conditional" },
    responses: { 201: { description: "The new release.", schema: createdReleaseResponseSchema } },
    errors: { 404: "No such person, or deleted or merged (`not_found`)." },
  },
];
