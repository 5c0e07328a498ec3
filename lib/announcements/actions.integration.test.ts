import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "../auth/session.ts";
import { db } from "../db/client.ts";
import { elfBytes, pdfBytes } from "../evidence/test-fixtures.ts";
import { newUser, useTemporaryDataDir } from "../evidence/test-setup.ts";
import {
  submitAnnouncementDelete,
  submitAnnouncementEdit,
  submitAnnouncementStatus,
  submitNewAnnouncement,
} from "./actions.ts";
import { INITIAL_FORM_STATE } from "./form.ts";
import { createAnnouncement, updateAnnouncement } from "./mutations.ts";

/**
 * The forms' server actions on a real database: the same permission, schema
 * and mutations as the API, with the form's own answers (problems by field,
 * what was typed, a redirect once saved). The session and Next's redirect are
 * stood in for; everything else is real.
 */

let viewer: Viewer | null = null;
vi.mock("../auth/session.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../auth/session.ts")>()),
  getViewer: async () => viewer,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
const users: Record<"moderator" | "volunteer", Viewer> = {} as never;

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
  for (const role of ["moderator", "volunteer"] as const) {
    const { user } = await newUser(role);
    users[role] = { id: user.id, name: user.name, email: user.email, role, organizationId: user.organizationId, organizationName: "", secondFactor: "ok" };
  }
});
afterAll(async () => dataDir.restore());

function formOf(fields: Record<string, string>, file?: { bytes: Buffer; name: string }): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.set("archivedFile", new Blob([new Uint8Array(file.bytes)]), file.name);
  return form;
}

/** Runs a form action; a redirect (success) is returned as its address. */
async function submit(run: () => Promise<unknown>): Promise<{ redirect: string } | { state: Awaited<ReturnType<typeof submitNewAnnouncement>> }> {
  try {
    return { state: (await run()) as Awaited<ReturnType<typeof submitNewAnnouncement>> };
  } catch (error) {
    if (error instanceof Redirected) return { redirect: error.url };
    throw error;
  }
}

const rowsOf = (claimant: string) => db().announcement.findMany({ where: { claimant } });
/** The moderator, as the mutations take a user (for writes made "by someone else" meanwhile). */
const moderatorActor = () => ({ kind: "user" as const, userId: users.moderator.id, role: "moderator" as const, organizationId: users.moderator.organizationId });

function claimForm(claimant: string, extra: Record<string, string> = {}) {
  return {
    claimant,
    claimantKind: "ngo",
    statedOn: "2026-01-14",
    measure: "released",
    qualifier: "range",
    min: "60",
    max: "80",
    basis: "window",
    from: "2026-01-08",
    to: "2026-01-13",
    scopeKind: "all",
    ...extra,
  };
}

describe("recording from the form", () => {
  it("refuses a volunteer, and writes nothing", async () => {
    viewer = users.volunteer;
    const claimant = `Voluntario ${randomUUID()}`;
    const answer = await submit(() => submitNewAnnouncement(INITIAL_FORM_STATE, formOf(claimForm(claimant))));
    expect(answer).toMatchObject({ state: { problem: "forbidden", answer: 1 } });
    expect(await rowsOf(claimant)).toHaveLength(0);
  });

  it("says every problem at once, by field, keeps what was typed, and writes nothing", async () => {
    viewer = users.moderator;
    const claimant = `Problemas ${randomUUID()}`;
    const fields = claimForm(claimant, { claimantKind: "", min: "80", max: "60", from: "2026-01-13", to: "2026-01-08", sourceUrl: "example.org" });
    const answer = await submit(() => submitNewAnnouncement(INITIAL_FORM_STATE, formOf(fields)));
    expect(answer).toMatchObject({
      state: {
        problem: "invalid_input",
        fields: {
          claimantKind: { key: "choose" },
          sourceUrl: { key: "url" },
          max: { key: "rangeMaxBelowMin" },
          to: { key: "windowEndsBeforeStart" },
        },
        values: { claimant, min: "80", max: "60", from: "2026-01-13", sourceUrl: "example.org" },
      },
    });
    expect(await rowsOf(claimant)).toHaveLength(0);
  });

  it("refuses an archived copy that is not a PDF or an image before saving anything", async () => {
    viewer = users.moderator;
    const claimant = `Archivo malo ${randomUUID()}`;
    const answer = await submit(() => submitNewAnnouncement(INITIAL_FORM_STATE, formOf(claimForm(claimant), { bytes: elfBytes(), name: "copia.pdf" })));
    expect(answer).toMatchObject({ state: { problem: "invalid_input", fields: { archivedFile: { key: "fileType" } } } });
    expect(await rowsOf(claimant)).toHaveLength(0);
  });

  it("saves the claim and its archived copy, then goes to its public page", async () => {
    viewer = users.moderator;
    const claimant = `Guardado ${randomUUID()}`;
    const answer = await submit(() => submitNewAnnouncement(INITIAL_FORM_STATE, formOf(claimForm(claimant, { value: "999" }), { bytes: pdfBytes(claimant), name: "copia.pdf" })));
    const [row] = await rowsOf(claimant);
    expect(answer).toEqual({ redirect: `/anuncios/${row!.id}` });
    expect(row).toMatchObject({ qualifier: "range", min: 60, max: 80, value: null, basis: "window", version: 2, createdById: users.moderator.id });
    expect(row!.archivedFileSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("correcting from the form", () => {
  async function recorded(claimant: string) {
    return createAnnouncement(moderatorActor(), {
      claimant,
      claimantKind: "press",
      statedOn: "2026-01-12",
      measure: "released",
      claimed: { qualifier: "exact", value: 116 },
      covers: { basis: "single_day", date: "2026-01-12" },
      scope: "all",
    });
  }
  const editFields = (id: string, claimant: string, version: number, extra: Record<string, string> = {}) => ({
    id,
    version: String(version),
    claimant,
    claimantKind: "press",
    statedOn: "2026-01-12",
    measure: "released",
    qualifier: "exact",
    value: "120",
    basis: "single_day",
    date: "2026-01-12",
    scopeKind: "all",
    ...extra,
  });

  it("saves with the version read and the reason, and refuses a save made after someone else's", async () => {
    viewer = users.moderator;
    const claimant = `Corrección ${randomUUID()}`;
    const announcement = await recorded(claimant);
    const saved = await submit(() =>
      submitAnnouncementEdit(INITIAL_FORM_STATE, formOf(editFields(announcement.id, claimant, 1, { reason: "La fuente corrigió la cifra" }))),
    );
    expect(saved).toEqual({ redirect: `/anuncios/${announcement.id}` });
    const revision = await db().announcementRevision.findFirstOrThrow({ where: { announcementId: announcement.id, version: 2 } });
    expect(revision.reason).toBe("La fuente corrigió la cifra");

    // The form still holds version 1: refused, said, nothing written.
    const stale = await submit(() => submitAnnouncementEdit(INITIAL_FORM_STATE, formOf(editFields(announcement.id, claimant, 1, { value: "130" }))));
    expect(stale).toMatchObject({ state: { problem: "stale_version", values: { value: "130" } } });
    expect((await rowsOf(claimant))[0]).toMatchObject({ value: 120, version: 2 });
  });

  it("changes the status with a reason; refuses a superseding announcement made earlier", async () => {
    viewer = users.moderator;
    const claimant = `Estado ${randomUUID()}`;
    const announcement = await recorded(claimant);
    const earlier = await createAnnouncement(moderatorActor(), {
      claimant: `${claimant} (anterior)`,
      claimantKind: "press",
      statedOn: "2026-01-10",
      measure: "released",
      claimed: { qualifier: "exact", value: 90 },
      covers: { basis: "unspecified" },
    });

    const missingReason = await submit(() => submitAnnouncementStatus(INITIAL_FORM_STATE, formOf({ id: announcement.id, version: "1", status: "disputed" })));
    expect(missingReason).toMatchObject({ state: { problem: "invalid_input", fields: { reason: { key: "reasonRequired" } } } });

    const refused = await submit(() =>
      submitAnnouncementStatus(INITIAL_FORM_STATE, formOf({ id: announcement.id, version: "1", status: "superseded", supersededById: earlier.id, reason: "x" })),
    );
    expect(refused).toMatchObject({ state: { problem: "unprocessable", refusal: "supersededEarlier" } });

    const disputed = await submit(() =>
      submitAnnouncementStatus(INITIAL_FORM_STATE, formOf({ id: announcement.id, version: "1", status: "disputed", supersededById: earlier.id, reason: "Otra fuente la desmiente" })),
    );
    expect(disputed).toEqual({ redirect: `/anuncios/${announcement.id}/editar?hecho=estado#estado` });
    expect((await rowsOf(claimant))[0]).toMatchObject({ status: "disputed", supersededById: null, version: 2 });
  });

  it("deletes only when the box is ticked, with a reason", async () => {
    viewer = users.moderator;
    const claimant = `Borrado ${randomUUID()}`;
    const announcement = await recorded(claimant);
    const unticked = await submit(() => submitAnnouncementDelete(INITIAL_FORM_STATE, formOf({ id: announcement.id, version: "1", reason: "Repetido" })));
    expect(unticked).toMatchObject({ state: { problem: "invalid_input", fields: { confirm: { key: "confirmDelete" } } } });
    expect((await rowsOf(claimant))[0]!.deletedAt).toBeNull();

    const deleted = await submit(() => submitAnnouncementDelete(INITIAL_FORM_STATE, formOf({ id: announcement.id, version: "1", reason: "Repetido", confirm: "on" })));
    expect(deleted).toEqual({ redirect: "/anuncios" });
    expect((await rowsOf(claimant))[0]!.deletedAt).not.toBeNull();
  });

  it("an edit by a script goes through the same checks (the API's updateAnnouncement is what saves)", async () => {
    viewer = users.moderator;
    const claimant = `Mismo camino ${randomUUID()}`;
    const announcement = await recorded(claimant);
    await updateAnnouncement(moderatorActor(), announcement.id, {
      claimant,
      claimantKind: "press",
      statedOn: "2026-01-12",
      measure: "released",
      claimed: { qualifier: "exact", value: 117 },
      covers: { basis: "single_day", date: "2026-01-12" },
      version: 1,
    });
    const answer = await submit(() =>
      submitAnnouncementEdit(INITIAL_FORM_STATE, formOf(editFields(announcement.id, claimant, 2, { qualifier: "range", min: "10", max: "5" }))),
    );
    expect(answer).toMatchObject({ state: { problem: "invalid_input", fields: { max: { key: "rangeMaxBelowMin" } } } });
    expect((await rowsOf(claimant))[0]).toMatchObject({ value: 117, version: 2 });
  });
});
