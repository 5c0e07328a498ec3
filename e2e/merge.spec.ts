import { expect, test, type Page } from "@playwright/test";
import { personRecord } from "../lib/persons/data.ts";
import { updatePerson } from "../lib/persons/mutations.ts";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { actorFor, contextIn, LANGUAGES, seedPerson, seedRelease, syntheticCedula, syntheticSurname } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/** Two records of one person, recorded a moment apart (the first is the older one). */
async function seedDuplicates(reporter: SeededUser) {
  const surnames = `Peñaloza ${syntheticSurname()}`;
  const cedulaA = syntheticCedula();
  const cedulaB = syntheticCedula();
  const first = await seedPerson(reporter, { givenNames: "Casimiro", surnames, cedula: cedulaA.written, disclosure: "public", notes: "Primera carga" });
  const releaseA = await seedRelease(reporter, first.id, { releasedOn: "2026-01-10" });
  const second = await seedPerson(reporter, {
    givenNames: "Casimiro Antonio",
    surnames,
    cedula: cedulaB.written,
    disclosure: "initials",
    homeState: "Lara",
  });
  const releaseB = await seedRelease(reporter, second.id, { releasedOn: "2026-01-15", conditions: "house_arrest" });
  return { surnames, first, second, releaseA, releaseB, cedulaA, cedulaB };
}

test.describe("merging duplicates and history pages", () => {
  let reporter: SeededUser;
  let moderator: SeededUser;

  test.beforeAll(async () => {
    await connectToAppDatabase();
    reporter = await seedUser("volunteer", "recorder");
    moderator = await seedUser("moderator", "merger");
  });

  test("a moderator merges two duplicates, taking the cédula of one and the name of the other", async ({ page }) => {
    const { first, second, releaseA, releaseB, cedulaB, surnames } = await seedDuplicates(reporter);
    await signInAs(page, moderator);

    // Start from the picker: search, choose the first, then the second.
    await page.goto("/fusionar");
    await page.getByTestId("merge-search").fill(surnames);
    await page.getByTestId("merge-search").press("Enter");
    await page.getByRole("link", { name: `Elegir a Casimiro ${surnames}`, exact: true }).click();
    await expect(page.getByTestId("merge-first")).toContainText(`Casimiro ${surnames}`);
    await page.getByTestId("merge-search").fill(surnames);
    await page.getByTestId("merge-search").press("Enter");
    await page.getByRole("link", { name: `Elegir a Casimiro Antonio ${surnames}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`a=${first.id}&b=${second.id}`));

    // The older record survives by default; equal rows need no choice.
    await expect(page.getByTestId("merge-survivor-a")).toBeChecked();
    await expect(page.getByTestId("merge-row-surnames")).toHaveAttribute("data-equal", "true");
    await expect(page.getByTestId("merge-choice-givenNames-a")).toBeChecked();
    await expect(page.getByTestId("merge-choice-cedula-a")).toBeChecked();
    // Disclosure: the more protective value (initials) is preselected.
    await expect(page.getByTestId("merge-choice-disclosure-b")).toBeChecked();
    await expect(page.getByTestId("merge-summary")).toContainText("1 liberación");

    // The cédula of the second record, the name of the first (the survivor), public disclosure kept.
    await page.getByTestId("merge-choice-cedula-b").check();
    await page.getByTestId("merge-choice-disclosure-a").check();
    await expect(page.getByTestId("merge-summary-fields")).toContainText("Cédula");
    await expect(page.getByTestId("merge-summary-fields")).toContainText("Estado de residencia");
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId("merge-confirm").click();

    await page.waitForURL(new RegExp(`/expediente/${first.id}\\?fusionado=${second.id}$`));
    await expect(page.getByTestId("merged-notice")).toBeVisible();
    // The survivor's record lists both releases, with the chosen values.
    await expect(page.locator(`[data-testid="release-card"][data-release-id="${releaseA.id}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="release-card"][data-release-id="${releaseB.id}"]`)).toBeVisible();
    const merged = await personRecord(first.id);
    expect(merged?.cedulaDigits).toBe(cedulaB.digits);
    expect(merged?.givenNames).toBe("Casimiro");
    expect(merged?.homeState).toBe("Lara");
    expect(merged?.disclosure).toBe("public");
    expect(merged?.otherSpellings).toContain(`Casimiro Antonio ${surnames}`);

    // The merged record's old addresses lead to the survivor.
    await page.goto(`/expediente/${second.id}`);
    await expect(page).toHaveURL(new RegExp(`/expediente/${first.id}$`));
    await page.goto(`/persona/${second.id}`);
    await expect(page).toHaveURL(new RegExp(`/persona/${first.id}$`));
    await page.goto(`/fusionar?a=${first.id}&b=${second.id}`);
    await expect(page.getByTestId("merge-unavailable")).toContainText("ya fue fusionado");

    // The survivor's history shows the merge, by this moderator, and the merged record's own events.
    await page.goto(`/expediente/${first.id}/historial`);
    const mergeEvent = page.locator('[data-testid="history-event"][data-action="person.merge"]');
    await expect(mergeEvent).toHaveCount(1);
    await expect(mergeEvent).toContainText("Fusionó otro registro en este");
    await expect(mergeEvent.getByTestId("history-actor")).toHaveText("merger e2e");
    await expect(mergeEvent).toContainText(cedulaB.written.replace(/\D/g, "").slice(-3));
    const mergedEvent = page.locator('[data-testid="history-event"][data-action="person.merged_into"]');
    await expect(mergedEvent.getByTestId("history-source")).toContainText("registro fusionado");
    await expect(page.locator('[data-testid="history-event"][data-action="release.create"]')).toHaveCount(2);
    await expect(page.getByTestId("history-events").getByTestId("history-event").first()).toHaveAttribute("data-action", "person.merged_into");
    // The history of the merged record is the survivor's.
    await page.goto(`/expediente/${second.id}/historial`);
    await expect(page).toHaveURL(new RegExp(`/expediente/${first.id}/historial$`));

    // One release's history.
    await page.goto(`/liberaciones/${releaseB.id}/historial`);
    await expect(page.locator('[data-testid="history-event"][data-action="release.create"]')).toContainText("Arresto domiciliario");
    await expect(page.getByTestId("history-actor").first()).toHaveText("recorder e2e");
  });

  test("a merge refused because a record changed meanwhile says so, and reloads", async ({ page }) => {
    const { first, second } = await seedDuplicates(reporter);
    await signInAs(page, moderator);
    await page.goto(`/fusionar?a=${first.id}&b=${second.id}`);
    await expect(page.getByTestId("merge-form")).toBeVisible();
    // Someone edits the second record while the moderator compares.
    await updatePerson(actorFor(reporter), second.id, { notes: "Editado mientras tanto", version: 1 });
    await page.getByTestId("merge-confirm").click();
    await expect(page.getByTestId("form-problem")).toContainText("cambió mientras usted comparaba");
    await page.getByTestId("merge-reload").click();
    await expect(page.getByTestId("form-problem")).toHaveCount(0);
    await expect(page.getByTestId("merge-row-notes")).toContainText("Editado mientras tanto");
    await page.getByTestId("merge-confirm").click();
    await page.waitForURL(new RegExp(`/expediente/${first.id}`));
  });

  test("a volunteer may not merge, on the page or through the API", async ({ page }) => {
    const { first, second } = await seedDuplicates(reporter);
    await signInAs(page, reporter);
    await page.goto(`/fusionar?a=${first.id}&b=${second.id}`);
    await expect(page.getByTestId("access-denied")).toBeVisible();
    await expect(page.getByTestId("merge-form")).toHaveCount(0);
    const refused = await page.request.post("/api/v1/persons/merge", {
      data: { survivorId: first.id, mergedId: second.id, survivorVersion: 1, mergedVersion: 1 },
    });
    expect(refused.status()).toBe(403);
    // Volunteers do read histories.
    await page.goto(`/expediente/${first.id}/historial`);
    await expect(page.getByTestId("history-title")).toBeVisible();
  });

  test("history pages are for signed-in users only", async ({ page }) => {
    const { first, releaseA } = await seedDuplicates(reporter);
    for (const path of [`/expediente/${first.id}/historial`, `/liberaciones/${releaseA.id}/historial`, `/fusionar`]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/ingresar\?callbackUrl=/);
    }
  });

  for (const lang of LANGUAGES) {
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`merge and history pages fit a ${size} in ${lang}, pass axe, and are saved as screenshots`, async ({ browser, baseURL }) => {
        const { first, second, releaseA } = await seedDuplicates(reporter);
        const context = await contextIn(browser, lang, { viewport, baseURL: baseURL! });
        const page = await context.newPage();
        await signInAs(page, moderator);
        await check(page, lang, "/fusionar", `merge-picker-${lang}-${size}`);
        await check(page, lang, `/fusionar?a=${first.id}&b=${second.id}`, `merge-${lang}-${size}`);
        await check(page, lang, `/liberaciones/${releaseA.id}/historial`, `release-history-${lang}-${size}`);
        await page.goto(`/fusionar?a=${first.id}&b=${second.id}`);
        await page.getByTestId("merge-confirm").click();
        await page.waitForURL(new RegExp(`/expediente/${first.id}`));
        await check(page, lang, `/expediente/${first.id}/historial`, `person-history-${lang}-${size}`);
        await context.close();
      });
    }
  }
});

async function check(page: Page, lang: string, path: string, name: string) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  expect(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, name);
}
