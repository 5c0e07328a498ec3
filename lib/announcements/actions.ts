"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, formDataToObject } from "../api/action.ts";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";
import { prepareUpload } from "../evidence/files.ts";
import type { UploadedFile } from "../evidence/mutations.ts";
import {
  claimInputFromForm,
  claimRuleIssues,
  claimValuesFromForm,
  CONFIRM_PROBLEM,
  confirmed,
  deleteInputFromForm,
  FILE_PROBLEMS,
  refusedState,
  statusInputFromForm,
  type AnnouncementFormState,
} from "./form.ts";
import { attachArchivedCopy, changeAnnouncementStatus, createAnnouncement, deleteAnnouncement, updateAnnouncement } from "./mutations.ts";
import {
  changeAnnouncementStatusSchema,
  createAnnouncementSchema,
  deleteAnnouncementSchema,
  updateAnnouncementSchema,
} from "./schema.ts";

// Server actions of /anuncios/nuevo and /anuncios/[id]/editar: thin adapters
// over the same mutations and zod schemas as the API, each through the one
// wrapper (lib/api/action.ts). The form's fields are mapped to the API's input
// by lib/announcements/form.ts (pure, tested); the schema then decides, so a
// form and a script are refused for the same reasons. The `submit*` functions
// are what the forms post to (React's form-action signature, so that the
// forms work without JavaScript too): they redirect on success and otherwise
// answer what to show.

type Raw = Record<string, unknown>;
const asRecord = (raw: unknown): Raw => (raw !== null && typeof raw === "object" ? (raw as Raw) : {});

/** A file part of a form (a Blob with a name); an empty file input (no file chosen) counts as none. */
const isFilePart = (value: unknown): value is Blob & { name?: string } =>
  typeof Blob !== "undefined" && value instanceof Blob && value.size > 0;
const archivedFileSchema = z.custom<Blob & { name?: string }>(isFilePart, { error: FILE_PROBLEMS.type });

function archivedFileOf(raw: Raw): { archivedFile?: Blob } {
  return isFilePart(raw.archivedFile) ? { archivedFile: raw.archivedFile } : {};
}

const createForm = z.preprocess(
  (raw: unknown) => {
    const fields = asRecord(raw);
    return { input: claimInputFromForm(fields), ...archivedFileOf(fields) };
  },
  z.strictObject({ input: createAnnouncementSchema, archivedFile: archivedFileSchema.optional() }),
);

const editForm = z.preprocess(
  (raw: unknown) => {
    const fields = asRecord(raw);
    return { id: fields.id, input: claimInputFromForm(fields, { edit: true }), ...archivedFileOf(fields) };
  },
  z.strictObject({ id: z.uuid(), input: updateAnnouncementSchema, archivedFile: archivedFileSchema.optional() }),
);

const statusForm = z.preprocess(
  (raw: unknown) => {
    const fields = asRecord(raw);
    return { id: fields.id, input: statusInputFromForm(fields) };
  },
  z.strictObject({ id: z.uuid(), input: changeAnnouncementStatusSchema }),
);

const deleteForm = z.preprocess(
  (raw: unknown) => {
    const fields = asRecord(raw);
    return { id: fields.id, confirm: confirmed(fields), input: deleteInputFromForm(fields) };
  },
  z.strictObject({ id: z.uuid(), confirm: z.literal(true, { error: CONFIRM_PROBLEM }), input: deleteAnnouncementSchema }),
);

/**
 * The archived copy, checked (size, type from the bytes, a photo that decodes)
 * before anything is saved: a wrong file refuses the whole form, said next to
 * the file field.
 */
async function checkedArchive(blob: Blob & { name?: string }): Promise<UploadedFile> {
  const file = { bytes: Buffer.from(await blob.arrayBuffer()), fileName: blob.name || "copia" };
  try {
    await prepareUpload(file.bytes, file.fileName);
  } catch (error) {
    if (error instanceof AppError && ["unsupported_media_type", "too_large", "unprocessable"].includes(error.code)) {
      const marker =
        error.code === "too_large" ? FILE_PROBLEMS.tooLarge : error.code === "unprocessable" ? FILE_PROBLEMS.damaged : FILE_PROBLEMS.type;
      throw new AppError("invalid_input", error.message, { issues: [{ path: "archivedFile", message: marker }], details: error.extra.details });
    }
    throw error;
  }
  return file;
}

/**
 * The copy is kept after the claim is saved (its own version, its own
 * revision). The file was checked first, so this fails only when the server
 * does; the claim then stays saved and the form says the copy is missing.
 */
async function attachAfterSave(actor: Actor, id: string, version: number, file: UploadedFile | null): Promise<"none" | "attached" | "failed"> {
  if (!file) return "none";
  try {
    await attachArchivedCopy(actor, id, version, file);
    return "attached";
  } catch (error) {
    console.error(`[constancia] archived copy of announcement ${id} not kept`, error);
    return "failed";
  }
}

export const createAnnouncementAction = action({ access: "announcement.manage", input: createForm }, async ({ actor, input }) => {
  const file = input.archivedFile ? await checkedArchive(input.archivedFile) : null;
  const created = await createAnnouncement(actor, input.input);
  return { id: created.id, archive: await attachAfterSave(actor, created.id, created.version, file) };
});

export const updateAnnouncementAction = action({ access: "announcement.manage", input: editForm }, async ({ actor, input }) => {
  const file = input.archivedFile ? await checkedArchive(input.archivedFile) : null;
  const saved = await updateAnnouncement(actor, input.id, input.input);
  return { id: saved.id, archive: await attachAfterSave(actor, saved.id, saved.version, file) };
});

export const changeAnnouncementStatusAction = action({ access: "announcement.manage", input: statusForm }, async ({ actor, input }) => {
  const changed = await changeAnnouncementStatus(actor, input.id, input.input);
  return { id: changed.id, status: changed.status, version: changed.version };
});

export const deleteAnnouncementAction = action({ access: "announcement.manage", input: deleteForm }, async ({ actor, input }) =>
  deleteAnnouncement(actor, input.id, input.input),
);

const typedValues = (form: unknown) => (form instanceof FormData ? claimValuesFromForm(form.entries()) : null);

/** A claim refused as invalid: every rule it breaks, said at once (see claimRuleIssues). */
function withClaimRules(error: { code: string; message: string; fields: Record<string, string> }, form: unknown) {
  if (error.code !== "invalid_input" || !(form instanceof FormData)) return error;
  return { ...error, fields: { ...claimRuleIssues(formDataToObject(form)), ...error.fields } };
}
const idOf = (form: unknown) => (form instanceof FormData ? String(form.get("id") ?? "") : "");

function revalidateAnnouncement(id: string) {
  revalidatePath("/anuncios");
  revalidatePath(`/anuncios/${id}`);
  revalidatePath(`/anuncios/${id}/editar`);
}

/** /anuncios/nuevo posts here: saved → its public page; refused → the form again, as typed, with the problems. */
export async function submitNewAnnouncement(previous: AnnouncementFormState, form: FormData): Promise<AnnouncementFormState> {
  const result = await createAnnouncementAction(form);
  if (!result.ok) return refusedState(previous, withClaimRules(result.error, form), typedValues(form));
  revalidateAnnouncement(result.data.id);
  redirect(result.data.archive === "failed" ? `/anuncios/${result.data.id}/editar?archivo=pendiente` : `/anuncios/${result.data.id}`);
}

/** The edit form posts here (with the version it was read at): saved → the public page; someone saved first → said, nothing written. */
export async function submitAnnouncementEdit(previous: AnnouncementFormState, form: FormData): Promise<AnnouncementFormState> {
  const result = await updateAnnouncementAction(form);
  if (!result.ok) return refusedState(previous, withClaimRules(result.error, form), typedValues(form));
  revalidateAnnouncement(result.data.id);
  redirect(result.data.archive === "failed" ? `/anuncios/${result.data.id}/editar?archivo=pendiente` : `/anuncios/${result.data.id}`);
}

/** Disputed, superseded or active again: back to the edit page, which shows the new status and its place in the history. */
export async function submitAnnouncementStatus(previous: AnnouncementFormState, form: FormData): Promise<AnnouncementFormState> {
  const result = await changeAnnouncementStatusAction(form);
  if (!result.ok) return refusedState(previous, result.error, null);
  revalidateAnnouncement(result.data.id);
  redirect(`/anuncios/${result.data.id}/editar?hecho=estado#estado`);
}

/** Marks it deleted (its history stays): back to the list. */
export async function submitAnnouncementDelete(previous: AnnouncementFormState, form: FormData): Promise<AnnouncementFormState> {
  const result = await deleteAnnouncementAction(form);
  if (!result.ok) return refusedState(previous, result.error, null);
  revalidateAnnouncement(idOf(form) || result.data.id);
  redirect("/anuncios");
}
