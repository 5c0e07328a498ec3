import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { actorFor, contextIn, LANGUAGES } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";
import { pdfBytes } from "../lib/evidence/test-fixtures.ts";
import type { CreateAnnouncementInput } from "../lib/announcements/schema.ts";

/**
 * Moderators record and correct announcements at /anuncios/nuevo and
 * /anuncios/{id}/editar: field problems in the user's language with nothing
 * written, the version read protecting a save, status changes and the
 * history, volunteers kept out, the form without JavaScript, and how it looks.
 */

const ID = /\/anuncios\/([0-9a-f-]{36})$/;

/** Announcements these tests made, marked deleted at the end so that other pages' figures are not changed by them. */
const made: { id: string; by: SeededUser }[] = [];

async function rowsOf(claimant: string) {
  const { db } = await import("../lib/db/client.ts");
  return db().announcement.findMany({ where: { claimant }, orderBy: { createdAt: "asc" } });
}

async function seedAnnouncement(user: SeededUser, input: Partial<CreateAnnouncementInput> = {}) {
  await connectToAppDatabase();
  const { createAnnouncement } = await import("../lib/announcements/mutations.ts");
  const created = await createAnnouncement(actorFor(user), {
    claimant: `Fuente de prueba ${randomUUID().slice(0, 8)}`,
    claimantKind: "press",
    statedOn: "2026-01-12",
    measure: "released",
    claimed: { qualifier: "exact", value: 116 },
    covers: { basis: "single_day", date: "2026-01-12" },
    scope: "all",
    ...input,
  });
  made.push({ id: created.id, by: user });
  return created;
}

/** Opens a form and waits until it is hydrated (sent by the script, which keeps what was typed). */
async function openForm(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("announcement-form")).toHaveAttribute("data-ready", "true");
}

test.describe("announcement forms", () => {
  test.beforeAll(connectToAppDatabase);
  test.afterAll(async () => {
    const { db } = await import("../lib/db/client.ts");
    const { deleteAnnouncement } = await import("../lib/announcements/mutations.ts");
    for (const { id, by } of made) {
      const row = await db().announcement.findUnique({ where: { id }, select: { version: true, deletedAt: true } });
      if (row && !row.deletedAt) await deleteAnnouncement(actorFor(by), id, { reason: "e2e: announcement-form.spec.ts", version: row.version });
    }
  });

  test("a moderator records a range over a window, fixes what is refused, corrects it, disputes it and reads the history", async ({ page }) => {
    test.setTimeout(120_000);
    const moderator = await seedUser("moderator", "anuncio-mod");
    const claimant = `Observatorio de prueba ${randomUUID().slice(0, 8)}`;
    await signInAs(page, moderator);
    await openForm(page, "/anuncios/nuevo");

    await page.getByTestId("af-claimant").fill(claimant);
    await page.getByTestId("af-claimantKind").selectOption("ngo");
    await page.getByTestId("af-statedOn").fill("2026-01-14");
    // Only the fields a choice needs are shown.
    await expect(page.getByTestId("af-min")).toBeHidden();
    await page.getByTestId("af-qualifier-range").check();
    await expect(page.getByTestId("af-value")).toBeHidden();
    await page.getByTestId("af-min").fill("80");
    await page.getByTestId("af-max").fill("60");
    await expect(page.getByTestId("af-from")).toBeHidden();
    await page.getByTestId("af-basis-window").check();
    await expect(page.getByTestId("af-date")).toBeHidden();
    await page.getByTestId("af-from").fill("2026-01-13");
    await page.getByTestId("af-to").fill("2026-01-08");
    await page.getByTestId("af-sourceUrl").fill("https://example.org/e2e/observatorio");
    await page.getByTestId("af-quote").fill("Entre 60 y 80 personas salieron en esa semana.");
    await page.getByTestId("announcement-submit").click();

    // Said next to each field, in Spanish; nothing written; what was typed is still there.
    await expect(page.getByTestId("af-max-error")).toHaveText("El máximo no puede ser menor que el mínimo.");
    await expect(page.getByTestId("af-to-error")).toHaveText(
      "El periodo termina antes de empezar: el último día debe ser igual o posterior al primero.",
    );
    await expect(page.getByTestId("af-max")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("announcement-problem")).toBeFocused();
    await expect(page.getByTestId("announcement-problem")).toContainText("No se guardó nada");
    await expect(page.getByTestId("announcement-problem").getByRole("link", { name: /Máximo: El máximo no puede/ })).toHaveAttribute("href", "#af-max");
    await expect(page.getByTestId("af-claimant")).toHaveValue(claimant);
    await expect(page.getByTestId("af-min")).toHaveValue("80");
    await expect(page.getByTestId("af-from")).toHaveValue("2026-01-13");
    await expect(page.getByTestId("af-qualifier-range")).toBeChecked();
    expect(await rowsOf(claimant)).toHaveLength(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByTestId("af-min").fill("60");
    await page.getByTestId("af-max").fill("80");
    await page.getByTestId("af-from").fill("2026-01-08");
    await page.getByTestId("af-to").fill("2026-01-13");
    await page.getByTestId("af-archivedFile").setInputFiles({ name: "nota.pdf", mimeType: "application/pdf", buffer: pdfBytes("observatorio") });
    await page.getByTestId("announcement-submit").click();
    await expect(page).toHaveURL(ID);
    const id = ID.exec(new URL(page.url()).pathname)![1]!;
    made.push({ id, by: moderator });

    const [saved] = await rowsOf(claimant);
    expect(saved).toMatchObject({
      id,
      claimantKind: "ngo",
      qualifier: "range",
      value: null,
      min: 60,
      max: 80,
      basis: "window",
      coversDate: null,
      scopeKind: "all",
      sourceUrl: "https://example.org/e2e/observatorio",
      quoteLang: "es",
      version: 2, // recorded, then its archived copy kept
    });
    expect(saved!.coversFrom!.toISOString().slice(0, 10)).toBe("2026-01-08");
    expect(saved!.coversTo!.toISOString().slice(0, 10)).toBe("2026-01-13");
    expect(saved!.archivedFileSha256).toMatch(/^[0-9a-f]{64}$/);

    // The correction: the form comes back as saved.
    await openForm(page, `/anuncios/${id}/editar`);
    await expect(page.getByTestId("af-claimant")).toHaveValue(claimant);
    await expect(page.getByTestId("af-qualifier-range")).toBeChecked();
    await expect(page.getByTestId("af-max")).toHaveValue("80");
    await expect(page.getByTestId("af-basis-window")).toBeChecked();
    await expect(page.getByTestId("af-archivedFile-current")).toContainText("abrir el archivo");
    await page.getByTestId("af-max").fill("95");
    await page.getByTestId("af-reason").fill("El observatorio corrigió el máximo");
    await page.getByTestId("announcement-submit").click();
    await expect(page).toHaveURL(new RegExp(`/anuncios/${id}$`));
    expect((await rowsOf(claimant))[0]).toMatchObject({ max: 95, version: 3 });

    // Disputed, with a reason.
    await openForm(page, `/anuncios/${id}/editar`);
    await expect(page.getByTestId("announcement-status")).toHaveAttribute("data-status", "active");
    await page.getByTestId("status-disputed").check();
    await page.getByTestId("status-submit").click();
    await expect(page.getByTestId("status-reason-error")).toHaveText("Explique el motivo.");
    await page.getByTestId("status-reason").fill("Otra fuente dice que fueron 40");
    await page.getByTestId("status-submit").click();
    await expect(page).toHaveURL(new RegExp(`/anuncios/${id}/editar\\?hecho=estado`));
    await expect(page.getByTestId("announcement-notice")).toContainText("El estado del anuncio quedó cambiado");
    await expect(page.getByTestId("announcement-status")).toHaveAttribute("data-status", "disputed");
    expect((await rowsOf(claimant))[0]).toMatchObject({ status: "disputed", version: 4 });

    // The history, newest first, in words.
    const versions = page.getByTestId("history-version");
    await expect(versions).toHaveCount(4);
    await expect(versions.nth(0)).toHaveAttribute("data-version", "4");
    await expect(versions.nth(0).getByTestId("history-change")).toHaveText([/^Estado:.*Vigente.*En disputa$/]);
    await expect(versions.nth(0).getByTestId("history-reason")).toHaveText("Motivo: Otra fuente dice que fueron 40");
    await expect(versions.nth(1).getByTestId("history-change")).toHaveText([/Cifra:.*entre 60 y 80.*entre 60 y 95/]);
    await expect(versions.nth(1).getByTestId("history-reason")).toHaveText("Motivo: El observatorio corrigió el máximo");
    await expect(versions.nth(2).getByTestId("history-change")).toHaveText([/Copia archivada \(archivo\):.*\(vacío\).*un archivo/]);
    await expect(versions.nth(3)).toContainText("Anuncio registrado.");
    await expectNoSeriousA11yViolations(page);
  });

  test("a save made after someone else's is refused, says so, keeps what was typed, and writes nothing", async ({ page }) => {
    const moderator = await seedUser("moderator", "anuncio-stale");
    const announcement = await seedAnnouncement(moderator);
    await signInAs(page, moderator);
    await openForm(page, `/anuncios/${announcement.id}/editar`);
    await page.getByTestId("af-value").fill("120");

    // Meanwhile, someone else (here through the same function the API uses) corrects it.
    const { updateAnnouncement } = await import("../lib/announcements/mutations.ts");
    await updateAnnouncement(actorFor(moderator), announcement.id, {
      claimant: announcement.claimant,
      claimantKind: "press",
      statedOn: "2026-01-12",
      measure: "released",
      claimed: { qualifier: "exact", value: 117 },
      covers: { basis: "single_day", date: "2026-01-12" },
      scope: "all",
      version: announcement.version,
      reason: "Otra persona",
    });

    await page.getByTestId("announcement-submit").click();
    const problem = page.getByTestId("announcement-problem");
    await expect(problem).toHaveAttribute("data-code", "stale_version");
    await expect(problem).toContainText("otra persona cambió este anuncio después de que usted abrió esta página");
    await expect(page.getByTestId("af-value")).toHaveValue("120");
    expect((await rowsOf(announcement.claimant))[0]).toMatchObject({ value: 117, version: 2 });

    await page.getByTestId("announcement-reload").click();
    await expect(page.getByTestId("af-value")).toHaveValue("117");
    await expect(page.getByTestId("announcement-problem")).toHaveCount(0);
  });

  test("a moderator marks an announcement superseded by a later one, then deletes it after confirming", async ({ page }) => {
    const moderator = await seedUser("moderator", "anuncio-supersede");
    const earlier = await seedAnnouncement(moderator, { statedOn: "2026-01-12" });
    const later = await seedAnnouncement(moderator, { statedOn: "2026-01-13", claimed: { qualifier: "exact", value: 130 } });
    await signInAs(page, moderator);
    await openForm(page, `/anuncios/${earlier.id}/editar`);
    await page.getByTestId("status-superseded").check();
    await page.getByTestId("status-superseded-by").selectOption(later.id);
    await page.getByTestId("status-reason").fill("La misma fuente dio una cifra nueva al día siguiente");
    await page.getByTestId("status-submit").click();
    await expect(page.getByTestId("announcement-status")).toHaveAttribute("data-status", "superseded");
    await expect(page.getByTestId("announcement-status").getByRole("link")).toHaveAttribute("href", `/anuncios/${later.id}`);
    await expect(page.getByTestId("history-version").first().getByTestId("history-change")).toHaveText([
      /^Estado:.*Vigente.*Reemplazado por uno posterior$/,
      new RegExp(`^Reemplazado por:.*\\(vacío\\).*${later.claimant}, 13\u00a0ene\u00a02026$`),
    ]);
    expect((await rowsOf(earlier.claimant))[0]).toMatchObject({ status: "superseded", supersededById: later.id });

    // Deleting asks for a reason and a ticked box; nothing happens without them.
    await page.getByTestId("delete-section").locator("summary").click();
    await page.getByTestId("delete-submit").click();
    await expect(page.getByTestId("delete-reason-error")).toHaveText("Explique el motivo.");
    await expect(page.getByTestId("delete-confirm-error")).toHaveText("Marque la casilla para confirmar que quiere borrarlo.");
    expect((await rowsOf(earlier.claimant))[0]!.deletedAt).toBeNull();
    await page.getByTestId("delete-reason").fill("Registrado dos veces");
    await page.getByTestId("delete-confirm").check();
    await page.getByTestId("delete-submit").click();
    await expect(page).toHaveURL(/\/anuncios$/);
    expect((await rowsOf(earlier.claimant))[0]!.deletedAt).not.toBeNull();
    await page.goto(`/anuncios/${earlier.id}/editar`);
    await expect(page.getByTestId("announcement-form")).toHaveCount(0);
  });

  test("volunteers cannot open the forms; the public is asked to sign in", async ({ page, browser }) => {
    const moderator = await seedUser("moderator", "anuncio-owner");
    const announcement = await seedAnnouncement(moderator);
    const volunteer = await seedUser("volunteer", "anuncio-vol");
    await signInAs(page, volunteer);
    await page.goto("/anuncios/nuevo");
    await expect(page.getByTestId("access-denied")).toBeVisible();
    await expect(page.getByTestId("announcement-form")).toHaveCount(0);
    await page.goto(`/anuncios/${announcement.id}/editar`);
    await expect(page.getByTestId("access-denied")).toBeVisible();
    await expect(page.getByTestId("status-form")).toHaveCount(0);

    const anonymous = await browser.newPage();
    await anonymous.goto("/anuncios/nuevo");
    await expect(anonymous).toHaveURL(/\/ingresar\?callbackUrl=%2Fanuncios%2Fnuevo/);
    await anonymous.close();
  });

  test("without JavaScript the form still refuses with its reasons, keeps what was typed, and saves", async ({ browser, baseURL }) => {
    const moderator = await seedUser("moderator", "anuncio-nojs");
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: "es-VE" });
    const page = await context.newPage();
    await signInAs(page, moderator);
    const claimant = `Sin script ${randomUUID().slice(0, 8)}`;
    await page.goto("/anuncios/nuevo");
    await page.getByTestId("af-claimant").fill(claimant);
    await page.getByTestId("af-claimantKind").selectOption("government");
    await page.getByTestId("af-statedOn").fill("2026-01-13");
    await page.getByTestId("af-qualifier-at_least").check();
    await page.getByTestId("af-value").fill("400");
    await page.getByTestId("af-basis-cumulative_since").check();
    await page.getByTestId("announcement-submit").click();
    await expect(page.getByTestId("af-from-error")).toHaveText("Escriba desde qué día se cuenta.");
    await expect(page.getByTestId("af-claimant")).toHaveValue(claimant);
    await expect(page.getByTestId("af-value")).toHaveValue("400");
    await expect(page.getByTestId("af-basis-cumulative_since")).toBeChecked();
    expect(await rowsOf(claimant)).toHaveLength(0);

    await page.getByTestId("af-from").fill("2025-12-01");
    await page.getByTestId("announcement-submit").click();
    await expect(page).toHaveURL(ID);
    made.push({ id: ID.exec(new URL(page.url()).pathname)![1]!, by: moderator });
    expect((await rowsOf(claimant))[0]).toMatchObject({ qualifier: "at_least", value: 400, basis: "cumulative_since" });
    await context.close();
  });

  for (const lang of LANGUAGES) {
    for (const [device, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`both forms look right and pass axe (${lang}, ${device})`, async ({ browser, baseURL }) => {
        test.setTimeout(120_000);
        const moderator = await seedUser("moderator", `anuncio-look-${lang}-${device}`);
        const later = await seedAnnouncement(moderator, { claimant: "Asamblea Nacional (prueba)", statedOn: "2026-01-13", claimantKind: "government", claimed: { qualifier: "at_least", value: 400 }, covers: { basis: "cumulative_since", from: "2025-12-01" } });
        const announcement = await seedAnnouncement(moderator, {
          claimant: "Observatorio Venezolano de Prisiones (prueba)",
          claimantKind: "ngo",
          claimed: { qualifier: "exact", value: 80 },
          breakdown: { nationals: 66, foreigners: 14 },
          covers: { basis: "cumulative_since", from: "2026-01-08" },
          statedOn: "2026-01-12",
          sourceUrl: "https://example.org/ovp",
          quote: "Hemos confirmado 80 excarcelaciones.",
        });
        expect(later.id).toBeTruthy();
        const { updateAnnouncement } = await import("../lib/announcements/mutations.ts");
        await updateAnnouncement(actorFor(moderator), announcement.id, {
          claimant: announcement.claimant,
          claimantKind: "ngo",
          statedOn: "2026-01-12",
          measure: "released",
          claimed: { qualifier: "exact", value: 80 },
          breakdown: { nationals: 66, foreigners: 14 },
          covers: { basis: "cumulative_since", from: "2026-01-08" },
          scope: "all",
          sourceUrl: "https://example.org/ovp",
          quote: "Hemos confirmado 80 excarcelaciones.",
          note: "Incluye 14 extranjeros.",
          version: announcement.version,
          reason: lang === "es" ? "Se añadió la nota" : "Added the note",
        });

        const page = await (await contextIn(browser, lang, { viewport, baseURL: baseURL! })).newPage();
        await signInAs(page, moderator);
        await openForm(page, "/anuncios/nuevo");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "es" ? "Registrar un anuncio" : "Record an announcement");
        await expectNoSeriousA11yViolations(page);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `announcement-new-${lang}-${device}`);
        // A refusal, in the user's language.
        await page.getByTestId("af-qualifier-range").check();
        await page.getByTestId("af-basis-window").check();
        await page.getByTestId("announcement-submit").click();
        await expect(page.getByTestId("af-claimant-error")).toHaveText(lang === "es" ? "Escriba quién hizo el anuncio." : "Write who made the announcement.");
        await expect(page.getByTestId("af-min-error")).toHaveText(
          lang === "es" ? "Un rango necesita su mínimo y su máximo." : "A range needs its lowest and its highest figure.",
        );
        // Each problem in the summary links to its field.
        const targets = await page
          .getByTestId("announcement-problem")
          .getByRole("link")
          .evaluateAll((links) => links.map((link) => Boolean(document.getElementById(link.getAttribute("href")!.slice(1)))));
        expect(targets).toEqual([true, true, true, true, true]);
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `announcement-new-problems-${lang}-${device}`);

        await openForm(page, `/anuncios/${announcement.id}/editar`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "es" ? "Corregir un anuncio" : "Correct an announcement");
        await expect(page.getByTestId("af-breakdown")).toHaveValue("nationals: 66\nforeigners: 14");
        await page.getByTestId("status-superseded").check();
        await expect(page.getByTestId("status-superseded-by")).toBeVisible();
        await expect(page.getByTestId("status-superseded-by").locator("option", { hasText: "Asamblea Nacional (prueba)" }).first()).toBeAttached();
        await expectNoSeriousA11yViolations(page);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `announcement-edit-${lang}-${device}`);
        await page.context().close();
      });
    }
  }
});
