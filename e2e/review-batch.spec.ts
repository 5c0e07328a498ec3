import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { releaseState, seedImport, seedReview, testFacility, type SeededImport, type SeededRelease } from "./support/review.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * Batch approval in the review queue (/revision): a moderator who did not run
 * an import selects its releases on a phone and approves them in one go (one
 * approval per release, in their name); the importer, their reporter, cannot;
 * a second moderator's batch verifies them; refusals are said per release.
 */

const importUrl = (seeded: SeededImport, waiting?: "mine" | "all") =>
  `/revision?importacion=${seeded.importId}${waiting ? `&waiting=${waiting}` : ""}`;

async function openQueue(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("review-queue")).toHaveAttribute("data-ready", "true");
}

const itemOf = (page: Page, release: SeededRelease): Locator =>
  page.locator(`[data-testid="review-item"][data-release-id="${release.releaseId}"]`);
const resultOf = (page: Page, release: SeededRelease): Locator =>
  page.locator(`[data-testid="review-batch-result"][data-release-id="${release.releaseId}"]`);

async function context(browser: Browser, size: "phone" | "desktop", lang: "es" | "en" = "es") {
  const created = await browser.newContext({
    viewport: size === "phone" ? PHONE : DESKTOP,
    locale: lang === "es" ? "es-VE" : "en-US",
    extraHTTPHeaders: { "Accept-Language": lang },
    isMobile: size === "phone",
    hasTouch: size === "phone",
  });
  const page = await created.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  return { context: created, page, consoleErrors };
}

const PEOPLE = [
  ["Yorbelis Andreína", "Cedeño Marcano"],
  ["Jhonny Rafael", "Urdaneta Villalobos"],
  ["Mariángel", "Sifontes de Rojas"],
  ["Deivis José", "Anzola Briceño"],
] as const;

test.describe("batch approval in the review queue", () => {
  test.beforeAll(connectToAppDatabase);

  test("a moderator approves an import's releases in a batch on a phone; a second moderator's batch verifies them", async ({ browser }) => {
    const importer = await seedUser("moderator", "importadora");
    const moderatorA = await seedUser("moderator", "mod-lote-a");
    const moderatorB = await seedUser("moderator", "mod-lote-b");
    const other = await seedUser("moderator", "mod-lote-c");
    const facility = testFacility("lote");
    const seeded = await seedImport(
      importer,
      PEOPLE.map(([givenNames, surnames]) => ({ givenNames, surnames, facility })),
    );
    const [first, second, third, fourth] = seeded.releases as [SeededRelease, SeededRelease, SeededRelease, SeededRelease];

    // The importer follows the import screen's link: all of its releases, each theirs, none selectable.
    {
      const { context: importerContext, page } = await context(browser, "desktop");
      await signInAs(page, importer);
      await openQueue(page, importUrl(seeded));
      await expect(page.getByTestId("review-import-filter")).toContainText(`«${seeded.fileName}»`);
      await expect(page.getByTestId("review-item")).toHaveCount(4);
      await expect(page.getByTestId("review-own-report")).toHaveCount(4);
      await expect(page.getByTestId("review-select")).toHaveCount(0);
      await expect(page.getByTestId("review-select-all")).toHaveCount(0);
      await importerContext.close();
    }

    // Moderator A, on a phone: the same link, every card says where it came from.
    const a = await context(browser, "phone");
    await signInAs(a.page, moderatorA);
    await openQueue(a.page, importUrl(seeded));
    await expect(a.page.getByTestId("review-item")).toHaveCount(4);
    await expect(itemOf(a.page, first).getByTestId("review-item-import")).toContainText(`De la importación «${seeded.fileName}»`);
    await expect(a.page.getByTestId("review-batch-bar")).toHaveCount(0);

    // Select three: a tap on the label, Space on the checkbox, and the x key on a focused card.
    await itemOf(a.page, first).getByTestId("review-select-label").tap();
    await itemOf(a.page, second).getByTestId("review-select").focus();
    await a.page.keyboard.press("Space");
    await itemOf(a.page, third).focus();
    await a.page.keyboard.press("x");
    await expect(itemOf(a.page, third).getByTestId("review-select")).toBeChecked();
    await expect(itemOf(a.page, fourth).getByTestId("review-select")).not.toBeChecked();
    await expect(a.page.getByRole("checkbox", { name: `Seleccionar ${first.name}` })).toBeChecked();
    const bar = a.page.getByTestId("review-batch-bar");
    await expect(bar).toContainText("3 liberaciones seleccionadas");
    await expect(bar).toBeInViewport();

    // The confirmation says what will be recorded, before anything is sent.
    await bar.getByTestId("review-batch-approve").click();
    const confirm = a.page.getByTestId("review-batch-confirm");
    await expect(confirm).toContainText("a nombre de mod-lote-a e2e");
    await expect(confirm).toContainText("una por liberación");
    await expect(a.page.getByTestId("review-batch-confirm-button")).toBeFocused();
    expect(await horizontalOverflow(a.page), "the queue scrolls sideways").toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(a.page);
    await screenshot(a.page, "review-batch-confirm-es-phone");

    // Meanwhile someone else rejects the third: the server refuses that one, and only that one.
    await seedReview(other, third.releaseId, "reject", "La familia dice que sigue detenido");
    await a.page.getByTestId("review-batch-confirm-button").click();
    const results = a.page.getByTestId("review-batch-results");
    await expect(results).toBeFocused();
    await expect(a.page.getByTestId("review-batch-summary")).toHaveText("2 aprobadas · 1 no se aprobó");
    await expect(resultOf(a.page, first)).toHaveAttribute("data-outcome", "approved");
    await expect(resultOf(a.page, first)).toContainText(first.name);
    await expect(resultOf(a.page, first)).toContainText("Aprobada: 1 de 2 aprobaciones");
    await expect(resultOf(a.page, second)).toContainText("Aprobada: 1 de 2 aprobaciones");
    await expect(resultOf(a.page, third)).toHaveAttribute("data-outcome", "refused");
    await expect(resultOf(a.page, third)).toContainText("No se aprobó. Ya no espera revisión");
    await expect(a.page.getByTestId("review-status")).toHaveText("Aprobación en lote: 2 aprobadas; 1 no se aprobó (vea el resultado).");
    await expect(a.page.getByTestId("review-batch-bar")).toHaveCount(0);
    expect(await releaseState(first.releaseId)).toEqual({ status: "reported", approvals: 1 });
    expect(await releaseState(third.releaseId)).toMatchObject({ status: "rejected", approvals: 0 });
    await expectNoSeriousA11yViolations(a.page);
    await screenshot(a.page, "review-batch-results-es-phone");

    // A's own decisions now show in the list; "waiting for me" holds only the fourth.
    await openQueue(a.page, importUrl(seeded, "mine"));
    await expect(a.page.getByTestId("review-item")).toHaveCount(1);
    await expect(itemOf(a.page, fourth)).toBeVisible();
    expect(a.consoleErrors, "errors in the browser console").toEqual([]);
    await a.context.close();

    // Moderator B, on a desktop: select all, approve: the two A approved become verified.
    const b = await context(browser, "desktop");
    await signInAs(b.page, moderatorB);
    await openQueue(b.page, importUrl(seeded));
    await expect(b.page.getByTestId("review-item")).toHaveCount(3);
    await b.page.getByTestId("review-select-all").check();
    await expect(b.page.getByTestId("review-select")).toHaveCount(3);
    await expect(b.page.getByTestId("review-batch-bar")).toContainText("3 liberaciones seleccionadas");
    await b.page.getByTestId("review-batch-approve").click();
    await b.page.getByTestId("review-batch-confirm-button").click();
    await expect(b.page.getByTestId("review-batch-summary")).toHaveText("3 aprobadas · 2 quedaron verificadas");
    await expect(resultOf(b.page, first)).toHaveAttribute("data-outcome", "verified");
    await expect(resultOf(b.page, second)).toContainText("Verificada");
    await expect(resultOf(b.page, fourth)).toContainText("Aprobada: 1 de 2 aprobaciones");
    for (const release of [first, second]) expect(await releaseState(release.releaseId)).toEqual({ status: "verified", approvals: 2 });
    expect(await releaseState(fourth.releaseId)).toEqual({ status: "reported", approvals: 1 });
    await expectNoSeriousA11yViolations(b.page);
    await screenshot(b.page, "review-batch-verified-es-desktop");

    // The same batch again, over the API, is all refused: nothing is approved twice.
    const again = await b.page.request.post("/api/v1/reviews/batch", {
      data: { releaseIds: [first.releaseId, second.releaseId, fourth.releaseId], decision: "approve" },
    });
    expect(again.status()).toBe(200);
    const body = await again.json();
    expect(body).toMatchObject({ approved: 0, refused: 3 });
    expect(body.results.map((result: { code: string }) => result.code)).toEqual(["not_under_review", "not_under_review", "already_decided"]);
    expect(await releaseState(fourth.releaseId)).toEqual({ status: "reported", approvals: 1 });
    expect(b.consoleErrors, "errors in the browser console").toEqual([]);
    await b.context.close();
  });

  test.describe("how it looks", () => {
    for (const size of ["phone", "desktop"] as const) {
      for (const lang of ["es", "en"] as const) {
        test(`selection, confirmation and results on a ${size} in ${lang}: fit, pass axe, screenshots`, async ({ browser }) => {
          const importer = await seedUser("moderator", `importa-${lang}-${size}`);
          const facility = testFacility(`vista-lote-${lang}`);
          const seeded = await seedImport(
            importer,
            PEOPLE.slice(0, 3).map(([givenNames, surnames]) => ({ givenNames, surnames, facility })),
            `observatorio-${lang}-${size}.csv`,
          );
          const moderator: SeededUser = await seedUser("moderator", `mod-lote-${lang}-${size}`);
          const { context: created, page, consoleErrors } = await context(browser, size, lang);
          await signInAs(page, moderator);
          await openQueue(page, importUrl(seeded));
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          await expect(page.getByTestId("review-item")).toHaveCount(3);
          await page.getByTestId("review-select-all").check();
          await expect(page.getByTestId("review-batch-bar")).toBeInViewport();
          expect(await horizontalOverflow(page), "the queue scrolls sideways").toBeLessThanOrEqual(0);
          await expectNoSeriousA11yViolations(page);
          await screenshot(page, `review-batch-selected-${lang}-${size}`);

          await page.getByTestId("review-batch-approve").click();
          await expect(page.getByTestId("review-batch-confirm")).toBeVisible();
          await page.getByTestId("review-batch-bar").screenshot({ path: `e2e/artifacts/review-batch-confirm-${lang}-${size}.png` });
          await page.getByTestId("review-batch-confirm-button").click();
          await expect(page.getByTestId("review-batch-summary")).toHaveText(lang === "es" ? "3 aprobadas" : "3 approved");
          expect(await horizontalOverflow(page), "the results scroll sideways").toBeLessThanOrEqual(0);
          await expectNoSeriousA11yViolations(page);
          await screenshot(page, `review-batch-results-${lang}-${size}`);
          expect(consoleErrors, "errors in the browser console").toEqual([]);
          await created.close();
        });
      }
    }
  });
});
