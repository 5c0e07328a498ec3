import { expect, test, type Page } from "@playwright/test";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import {
  approve,
  countPersons,
  daysAgo,
  notesOf,
  personBySurnames,
  releasesOf,
  seedLink,
  seedPerson,
  seedPhoto,
  seedRelease,
  testCedula,
  testJpeg,
  testName,
} from "./support/record.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * Recording (issue 4, points 1 and 7): /registrar on a phone, possible
 * duplicates while typing, the person record page, stale edits, bad input.
 */

let volunteer: SeededUser;

test.beforeAll(async () => {
  await connectToAppDatabase();
  volunteer = await seedUser("volunteer", "recorder");
});

async function fillPerson(page: Page, name: { givenNames: string; surnames: string }, cedula?: string) {
  await page.getByTestId("person-givenNames").fill(name.givenNames);
  await page.getByTestId("person-surnames").fill(name.surnames);
  if (cedula) await page.getByTestId("person-cedula").fill(cedula);
}

test("a volunteer on a phone records a person, a release and a photo, and finds them on the record page", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, volunteer);
  await page.goto("/registrar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registrar una liberación");

  const name = testName();
  await fillPerson(page, name, testCedula());
  // Initials is the default disclosure: it protects the family.
  await expect(page.getByTestId("person-disclosure-initials")).toBeChecked();
  await page.getByTestId("person-birthYear").fill("1979");
  await page.getByTestId("person-homeState").fill("Lara");
  await page.getByTestId("release-day").fill(daysAgo(3));
  await page.getByTestId("release-facility").fill("Rodeo I (Guatire)");
  await page.getByTestId("release-conditions").selectOption("conditional");
  await page.getByTestId("release-conditions-detail").fill("Presentación cada 30 días");
  await page.getByTestId("evidence-kind").selectOption("photo_video");
  await page.getByTestId("evidence-description").fill("Foto a la salida, enviada por la hermana");
  await page.getByTestId("evidence-file").setInputFiles({ name: "salida.jpg", mimeType: "image/jpeg", buffer: await testJpeg() });
  expect(await horizontalOverflow(page)).toBe(0);

  await page.getByTestId("record-submit").click();
  const done = page.getByTestId("record-done");
  await expect(done).toBeVisible({ timeout: 20_000 });
  await expect(done).toContainText("Registrado");
  await expect(done).toContainText("Queda pendiente de verificación por dos moderadores");
  await screenshot(page, "record-done-es-phone");

  const person = await personBySurnames(name.surnames);
  expect(person?.releases).toHaveLength(1);
  expect(person!.releases[0]!.evidence).toHaveLength(1);
  expect(person!.releases[0]!.evidence[0]!.isPublic).toBe(false);

  await page.getByTestId("record-done-open").click();
  await expect(page).toHaveURL(new RegExp(`/expediente/${person!.id}$`));
  const card = page.getByTestId("release-card");
  await expect(card).toHaveAttribute("data-status", "reported");
  await expect(card.getByTestId("release-status")).toHaveText("Reportada, en verificación");
  await expect(card).toContainText("Rodeo I (Guatire)");
  const thumbnail = card.getByTestId("evidence-thumbnail");
  await thumbnail.scrollIntoViewIfNeeded();
  await expect(thumbnail).toBeVisible();
  // The photo itself is served (to a signed-in user) and decodes.
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  expect(await horizontalOverflow(page)).toBe(0);
});

test("possible duplicates show while typing, and the release can be added to the person already on record", async ({ page }) => {
  await signInAs(page, volunteer);
  const name = testName();
  const cedula = testCedula();
  const existing = await seedPerson(volunteer, { ...name, cedula });
  await seedRelease(volunteer, existing.id);

  await page.goto("/registrar");
  await fillPerson(page, name);
  const candidate = page.getByTestId("duplicate-candidate").filter({ hasText: name.surnames });
  await expect(candidate).toBeVisible();
  await expect(candidate.getByTestId("duplicate-match")).toHaveText("Mismo nombre");
  await expect(candidate).toContainText(cedula);
  await expect(candidate.getByTestId("release-status")).toHaveText("Reportada, en verificación");
  await expect(candidate.getByTestId("duplicate-open")).toHaveAttribute("href", `/expediente/${existing.id}`);

  // The cédula alone finds them too, and says so.
  await page.getByTestId("person-cedula").fill(cedula);
  await expect(candidate.getByTestId("duplicate-match")).toHaveText("Misma cédula");

  await candidate.getByTestId("duplicate-choose").click();
  await expect(page.getByTestId("record-existing")).toContainText(name.surnames);
  await expect(page.getByTestId("person-givenNames")).toBeHidden();
  await page.getByTestId("release-precision-month").check();
  await page.getByTestId("release-month").fill(daysAgo(2).slice(0, 7));
  await page.getByTestId("release-facility").fill("Tocorón");
  await page.getByTestId("record-submit").click();
  await expect(page.getByTestId("record-done")).toBeVisible();
  await expect(page.getByTestId("record-done")).toContainText("Todavía no tiene evidencia");

  expect(await countPersons(name.surnames)).toBe(1);
  const releases = await releasesOf(existing.id);
  expect(releases).toHaveLength(2);
  expect(releases[1]!.releasedPrecision).toBe("month");
});

test("a stale edit shows what changed and does not overwrite the other person's save", async ({ browser }) => {
  const person = await seedPerson(volunteer, { notes: "Primera versión" });
  const first = await browser.newPage();
  const second = await browser.newPage();
  for (const page of [first, second]) {
    await signInAs(page, volunteer);
    await page.goto(`/expediente/${person.id}`);
    await page.getByTestId("person-edit").locator("summary").click();
  }

  await first.getByTestId("person-notes").fill("Guardado por la primera pestaña");
  await first.getByTestId("person-edit-submit").click();
  await expect(first.getByTestId("person-edit-saved")).toBeVisible();
  await expect(first.getByTestId("fact-notes")).toHaveText("Guardado por la primera pestaña");

  await second.getByTestId("person-notes").fill("Escrito en la segunda pestaña");
  await second.getByTestId("person-birthYear").fill("1990");
  await second.getByTestId("person-edit-submit").click();
  const stale = second.getByTestId("person-edit-stale");
  await expect(stale).toBeVisible();
  await expect(stale.getByTestId("stale-field")).toHaveCount(1);
  await expect(stale.getByTestId("stale-field")).toHaveAttribute("data-field", "notes");
  await expect(stale).toContainText("Notas internas");
  await expect(stale).toContainText("el valor guardado ahora es «Guardado por la primera pestaña»");
  // What the second person typed is still there, and nothing of it was saved.
  await expect(second.getByTestId("person-notes")).toHaveValue("Escrito en la segunda pestaña");
  expect(await notesOf(person.id)).toBe("Guardado por la primera pestaña");
  await stale.scrollIntoViewIfNeeded();
  await second.screenshot({ path: "e2e/artifacts/record-stale-es-desktop.png" });

  await second.getByTestId("person-edit-reload").click();
  await expect(stale).toBeHidden();
  await expect(second.getByTestId("person-notes")).toHaveValue("Guardado por la primera pestaña");
  await first.close();
  await second.close();
});

test("bad input is explained next to the field and creates nothing", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, volunteer);
  await page.goto("/registrar");
  const givenNames = `Prueba ${testName().surnames.split(" ")[0]}`;
  await page.getByTestId("person-givenNames").fill(givenNames);
  await page.getByTestId("release-day").fill(daysAgo(-3));
  await page.getByTestId("record-submit").click();

  const problem = page.getByTestId("form-problem");
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute("data-code", "invalid_input");
  await expect(page.locator("#record-person-surnames-error")).toHaveText(/Escriba los apellidos/);
  await expect(page.getByTestId("person-surnames")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#record-release-date-error")).toHaveText("La fecha de liberación no puede ser posterior a hoy.");
  // What was typed stays.
  await expect(page.getByTestId("person-givenNames")).toHaveValue(givenNames);
  await screenshot(page, "record-problem-es-phone");
  await connectToAppDatabase();
  const { db } = await import("../lib/db/client.ts");
  expect(await db().person.count({ where: { givenNames } })).toBe(0);
});

test("when the connection drops during the upload, only the evidence is sent again", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, volunteer);
  await page.goto("/registrar");
  const name = testName();
  await fillPerson(page, name);
  await page.getByTestId("release-precision-unknown").check();
  await page.getByTestId("evidence-description").fill("Foto enviada por la familia");
  await page.getByTestId("evidence-file").setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: await testJpeg() });

  // The first upload dies on the way (a phone losing signal); the person and release are already saved.
  let dropped = 0;
  await page.route("**/api/v1/releases/*/evidence", async (route) => {
    dropped += 1;
    await route.abort("connectionreset");
  });
  await page.getByTestId("record-submit").click();
  await expect(page.getByTestId("upload-problem")).toHaveAttribute("data-key", "connectionLost");
  await expect(page.getByTestId("record-saved")).toBeVisible();
  expect(dropped).toBe(1);
  const saved = await personBySurnames(name.surnames);
  expect(saved?.releases).toHaveLength(1);
  expect(saved!.releases[0]!.evidence).toHaveLength(0);

  await page.unroute("**/api/v1/releases/*/evidence");
  await page.getByTestId("upload-retry").click();
  await expect(page.getByTestId("record-done")).toBeVisible();
  const after = await personBySurnames(name.surnames);
  expect(await countPersons(name.surnames)).toBe(1);
  expect(after!.releases).toHaveLength(1);
  expect(after!.releases[0]!.evidence).toHaveLength(1);
});

test("the internal list searches without putting a cédula in the address, and a moderator picks two records to compare", async ({ page }) => {
  const moderator = await seedUser("moderator", "lister");
  const cedula = testCedula();
  const first = await seedPerson(volunteer, { ...testName(), cedula });
  const second = await seedPerson(volunteer, testName());
  await signInAs(page, moderator);
  await page.goto("/expedientes");
  await page.getByTestId("persons-search-input").fill(cedula);
  await page.getByTestId("persons-search-submit").click();
  const rows = page.getByTestId("persons-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-person-id", first.id);
  expect(new URL(page.url()).search).toBe("");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: /Ver los más recientes/ }).click();
  const compare = page.getByTestId("persons-compare-submit");
  await expect(compare).toBeDisabled();
  await page.locator(`[data-person-id="${first.id}"]`).getByTestId("persons-pick").check();
  await expect(compare).toBeDisabled();
  await page.locator(`[data-person-id="${second.id}"]`).getByTestId("persons-pick").check();
  await expect(compare).toBeEnabled();
  await screenshot(page, "record-expedientes-es-desktop");
  await page.setViewportSize(PHONE);
  await screenshot(page, "record-expedientes-es-phone");
  expect(await horizontalOverflow(page)).toBe(0);
  await expectNoSeriousA11yViolations(page);
  await compare.click();
  await expect(page).toHaveURL(new RegExp(`/fusionar\\?a=${first.id}&b=${second.id}$`));
});

test("a moderator disputes a verified release with a reason, marks the person deleted, and an admin purges it", async ({ page }) => {
  const [moderator, otherModerator, admin] = [await seedUser("moderator", "disputer"), await seedUser("moderator", "second"), await seedUser("admin", "purger")];
  const person = await seedPerson(volunteer);
  const release = await seedRelease(volunteer, person.id);
  await seedPhoto(volunteer, release.id);
  await approve(moderator, release.id);
  await approve(otherModerator, release.id);

  await signInAs(page, moderator);
  await page.goto(`/expediente/${person.id}`);
  const card = page.getByTestId("release-card");
  await expect(card).toHaveAttribute("data-status", "verified");
  await card.getByText("Cambiar el estado").click();
  // Reopen is not offered from "verified".
  await expect(card.getByTestId("status-action-reopen")).toHaveCount(0);
  await card.getByTestId("status-submit").click();
  await expect(card.locator("[data-testid=field-error]")).toHaveText(/Explique el motivo/);
  await card.getByTestId("status-reason").fill("La familia dice que sigue detenido");
  await card.getByTestId("status-submit").click();
  await expect(card).toHaveAttribute("data-status", "disputed");
  await expect(card.getByTestId("release-status")).toHaveText("En disputa");
  await expect(card.getByTestId("release-status-reason")).toHaveText("Motivo: La familia dice que sigue detenido");

  await page.getByTestId("person-delete").locator("summary").click();
  await page.getByTestId("person-delete-reason").fill("Registro de prueba");
  await page.getByTestId("person-delete-submit").click();
  await expect(page.getByTestId("person-deleted")).toBeVisible();
  await expect(page.getByTestId("person-edit")).toHaveCount(0);
  await expect(page.getByTestId("person-purge")).toHaveCount(0);

  await signInAs(page, admin);
  await page.goto(`/expediente/${person.id}`);
  await page.getByTestId("person-purge-reason").fill("Pedido de la familia");
  await expect(page.getByTestId("person-purge-submit")).toBeDisabled();
  await page.getByTestId("person-purge-understood").check();
  await page.getByTestId("person-purge-submit").click();
  await expect(page).toHaveURL(/\/expedientes\?purgado=1$/);
  await expect(page.getByTestId("person-purged")).toBeVisible();
  await connectToAppDatabase();
  const { db } = await import("../lib/db/client.ts");
  expect(await db().person.count({ where: { id: person.id } })).toBe(0);
});

test.describe("screens", () => {
  let moderators: [SeededUser, SeededUser];
  let personId: string;

  test.beforeAll(async () => {
    moderators = [await seedUser("moderator", "reviewer-a"), await seedUser("moderator", "reviewer-b")];
    const person = await seedPerson(volunteer, {
      givenNames: "Ramona Isabel",
      surnames: "Quevedo Lugo",
      cedula: testCedula(),
      birthYear: 1979,
      homeState: "Lara",
      notes: "La familia pide que no se publique el nombre completo.",
      externalRef: `FP-${Date.now() % 100000}`,
    });
    personId = person.id;
    const verified = await seedRelease(volunteer, personId, { releasedOn: daysAgo(20), facility: "El Helicoide (SEBIN, Caracas)", conditionsDetail: "Presentación cada 30 días y prohibición de salida del país." });
    await seedPhoto(volunteer, verified.id);
    await seedLink(volunteer, verified.id);
    await approve(moderators[0], verified.id);
    await approve(moderators[1], verified.id);
    await seedRelease(volunteer, personId, { releasedOn: daysAgo(5).slice(0, 7), facility: "Zona 7 (PNB, Boleíta)", conditions: "house_arrest" });
  });

  for (const locale of ["es", "en"] as const) {
    for (const [device, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`/registrar with duplicates and /expediente, ${locale} on a ${device}, are accessible`, async ({ page, context }) => {
        // Two sign-ins (one waits for a fresh authenticator code) and two full-page checks.
        test.slow();
        await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: "http://localhost" }]);
        await page.setViewportSize(viewport);
        await signInAs(page, volunteer);

        await page.goto("/registrar");
        await page.getByTestId("person-givenNames").fill("Ramona Isabel");
        await page.getByTestId("person-surnames").fill("Quevedo Lugo");
        await expect(page.getByTestId("duplicate-candidate").first()).toBeVisible();
        await screenshot(page, `record-registrar-${locale}-${device}`);
        expect(await horizontalOverflow(page)).toBe(0);
        await expectNoSeriousA11yViolations(page);

        // A moderator sees every form of the record page (status changes, marking deleted).
        await signInAs(page, locale === "es" ? moderators[0] : moderators[1]);
        await page.goto(`/expediente/${personId}`);
        await expect(page.getByTestId("release-card")).toHaveCount(2);
        await expect(page.locator('[data-testid=release-card][data-status=verified]')).toHaveCount(1);
        await expect(page.getByTestId("evidence-thumbnail")).toBeVisible();
        // The forms folded away, opened, so that the screenshot and the accessibility check see them too.
        for (const summary of await page.locator("details > summary").all()) await summary.click();
        await expect(page.getByTestId("person-edit-form")).toBeVisible();
        await expect(page.getByTestId("status-change-form")).toBeVisible();
        await screenshot(page, `record-expediente-${locale}-${device}`);
        expect(await horizontalOverflow(page)).toBe(0);
        await expectNoSeriousA11yViolations(page);
      });
    }
  }
});
