import { expect, test, type Page } from "@playwright/test";
import { connectToAppDatabase, seedUser, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { contextIn, LANGUAGES, seedPerson, seedRelease, syntheticCedula, syntheticSurname } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * The public search (issue 5): search as you type on the home page and
 * /buscar, as a family would use it on a phone — no accents, words in any
 * order, a cédula in any format — and what it must never do: find a withheld
 * person, fetch on one letter, put the typed text in the address bar.
 */

const ACCENTED: Record<string, string> = { a: "á", e: "é", i: "í", o: "ó", u: "ú" };
/** A synthetic surname with an accent on its first vowel after "Prueba" ("Pruebábaxe…"). */
const accentedSurname = () => syntheticSurname().replace(/^(Prueba[^aeiou]*)([aeiou])/, (_, head: string, vowel: string) => head + ACCENTED[vowel]);
const fold = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

let reporter: SeededUser;
/** "José Luis <Á…> <Ó…>", public, with a reported release in January 2026. */
let reported: { id: string; name: string; surnames: [string, string] };
/** Initials-only, found only by its cédula. */
let initialsOnly: { id: string; cedulaDigits: string; initials: string };
/** Withheld at the family's request: never found. */
let withheld: { id: string; surname: string; cedula: { written: string; digits: string } };

test.beforeAll(async () => {
  await connectToAppDatabase();
  reporter = await seedUser("volunteer", "search-reporter");

  const surnames: [string, string] = [accentedSurname(), accentedSurname()];
  const person = await seedPerson(reporter, { givenNames: "José Luis", surnames: surnames.join(" "), disclosure: "public" });
  await seedRelease(reporter, person.id, { releasedOn: "2026-01-12" });
  reported = { id: person.id, name: `José Luis ${surnames.join(" ")}`, surnames };

  const cedula = syntheticCedula();
  const initialsSurname = syntheticSurname();
  const hidden = await seedPerson(reporter, {
    givenNames: "Marta Elena",
    surnames: `${initialsSurname} Quintero`,
    cedula: cedula.written,
    disclosure: "initials",
  });
  initialsOnly = { id: hidden.id, cedulaDigits: cedula.digits, initials: `M. E. ${initialsSurname[0]}. Q.` };

  const withheldCedula = syntheticCedula();
  const withheldSurname = syntheticSurname();
  const secret = await seedPerson(reporter, {
    givenNames: "Rosa",
    surnames: `${withheldSurname} Salazar`,
    cedula: withheldCedula.written,
    disclosure: "withheld",
  });
  await seedRelease(reporter, secret.id, { releasedOn: "2026-01-10" });
  withheld = { id: secret.id, surname: withheldSurname, cedula: withheldCedula };
});

/** Every request the page makes to the search API, as they are sent. */
function searchRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/v1/search") seen.push(request.url());
  });
  return seen;
}

const typed = () => `${fold(reported.surnames[0])} ${fold(reported.surnames[1])} jose luis`;

test("on a phone, typed without accents and surnames first, the person appears while typing and opens", async ({ browser, baseURL }) => {
  const context = await contextIn(browser, "es", { viewport: PHONE, baseURL: baseURL! });
  const page = await context.newPage();
  const requests = searchRequests(page);
  await page.goto("/");
  const historyBefore = await page.evaluate(() => window.history.length);

  const box = page.getByLabel("Nombre o cédula");
  await box.pressSequentially(typed(), { delay: 20 });
  // No submit: the results come by themselves.
  const result = page.locator(`[data-testid="search-result"][data-person-id="${reported.id}"]`);
  await expect(result).toBeVisible();
  await expect(page.getByTestId("search-result").first()).toHaveAttribute("data-person-id", reported.id);
  await expect(result.getByTestId("search-result-link")).toHaveText(reported.name);
  await expect(result.getByTestId("search-result-status")).toContainText("Liberación reportada, en verificación");
  await expect(result.getByTestId("search-result-match")).toHaveText("Coincidencia exacta");
  await expect(result.getByTestId("search-result-month")).toHaveText(/enero\sde\s2026/);
  await expect(page.getByTestId("search-status")).toContainText(/resultados? para «/);

  // Typed quickly, it asked at pauses, not once per letter; the text is not in the address or the history.
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.length).toBeLessThan(typed().length / 4);
  expect(new URL(page.url()).search).toBe("");
  expect(await page.evaluate(() => window.history.length)).toBe(historyBefore);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // A big touch target: the whole card.
  const card = await result.boundingBox();
  expect(card!.height).toBeGreaterThanOrEqual(44);

  await result.getByTestId("search-result-link").click();
  await expect(page).toHaveURL(new RegExp(`/persona/${reported.id}$`));
  await expect(page.getByTestId("person-name")).toHaveText(reported.name);
  await expect(page.getByTestId("person-status")).toContainText("Liberación reportada, en verificación");

  // Back: the search is still there (kept in this tab, not in the address).
  await page.goBack();
  await expect(page.getByLabel("Nombre o cédula")).toHaveValue(typed());
  await expect(page.locator(`[data-testid="search-result"][data-person-id="${reported.id}"]`)).toBeVisible();
  await context.close();
});

test("a cédula typed as v12345678 finds an initials-only person, by initials only; the name alone does not", async ({ page }) => {
  await page.goto("/buscar");
  const box = page.getByLabel("Nombre o cédula");
  await box.fill(`v${initialsOnly.cedulaDigits}`);
  const result = page.locator(`[data-testid="search-result"][data-person-id="${initialsOnly.id}"]`);
  await expect(result).toBeVisible();
  await expect(result.getByTestId("search-result-link")).toHaveText(initialsOnly.initials);
  await expect(result.getByTestId("search-result-initials")).toContainText("solo con iniciales");
  await expect(result.getByTestId("search-result-status")).toContainText("Sin liberación registrada");
  // The cédula is in the box only: neither in the address nor anywhere on the page.
  expect(page.url()).not.toContain(initialsOnly.cedulaDigits);
  await expect(page.getByTestId("search-results")).not.toContainText(initialsOnly.cedulaDigits);

  await box.fill("marta elena quintero");
  await expect(page.getByTestId("search-status")).toContainText("«marta elena quintero»");
  await expect(page.locator(`[data-person-id="${initialsOnly.id}"]`)).toHaveCount(0);
});

test("a withheld person is never found, by name or by cédula, on the page or through the API", async ({ page, request }) => {
  await page.goto("/buscar");
  const box = page.getByLabel("Nombre o cédula");
  for (const text of [`rosa ${fold(withheld.surname)} salazar`, withheld.cedula.written, withheld.cedula.digits]) {
    await box.fill(text);
    // The line names the text once its answer is in (results or none).
    await expect(page.getByTestId("search-status")).toContainText(`«${text}»`);
    await expect(page.locator(`[data-person-id="${withheld.id}"]`)).toHaveCount(0);
  }
  // The last one found nobody: the calm explanation and the offer to be told.
  await expect(page.getByTestId("search-no-results")).toContainText("no quiere decir que no haya sido liberada");
  await expect(page.getByRole("heading", { name: "Avísame cuando aparezca" })).toBeVisible();
  await expect(page.getByTestId("search-no-results").getByTestId("subscribe-form")).toBeVisible();

  for (const q of [`rosa ${withheld.surname}`, withheld.cedula.written]) {
    const response = await request.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).not.toContain(withheld.id);
  }
});

test("one letter fetches nothing and says so gently; signs alone are not a search", async ({ page }) => {
  const requests = searchRequests(page);
  await page.goto("/");
  const box = page.getByLabel("Nombre o cédula");
  await box.fill("p");
  await expect(page.getByTestId("search-status")).toHaveText("Escriba al menos 2 letras o números para buscar.");
  await page.waitForTimeout(600);
  await box.fill("%%");
  await expect(page.getByTestId("search-status")).toHaveText("Escriba letras o números: los signos solos no sirven para buscar.");
  await page.waitForTimeout(600);
  expect(requests).toEqual([]);
  await expect(page.getByTestId("search-results")).toHaveCount(0);
});

test("too many searches: the wait is said in seconds and the search comes back by itself", async ({ page }) => {
  let refused = 0;
  await page.route("**/api/v1/search?*", async (route) => {
    if (refused++ === 0) {
      await route.fulfill({
        status: 429,
        headers: { "Retry-After": "2", "Content-Type": "application/json" },
        body: JSON.stringify({ error: { code: "rate_limited", message: "Too many requests; try again later." } }),
      });
    } else {
      await route.continue();
    }
  });
  await page.goto("/");
  await page.getByLabel("Nombre o cédula").fill(typed());
  await expect(page.getByTestId("search-status")).toHaveText(
    "Demasiadas búsquedas seguidas. Espere 2 segundos: buscaremos de nuevo solos.",
  );
  await expect(page.locator(`[data-testid="search-result"][data-person-id="${reported.id}"]`)).toBeVisible({ timeout: 8_000 });
  expect(refused).toBeGreaterThanOrEqual(2);
});

test("a refusal from the server is said in words; a lost connection keeps the last results and retries", async ({ page, context }) => {
  await page.route("**/api/v1/search?*", async (route) => {
    if (new URL(route.request().url()).searchParams.get("q") === "zz refused") {
      await route.fulfill({
        status: 400,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ error: { code: "invalid_input", message: "Invalid query: q: A search needs at least two letters or digits." } }),
      });
    } else {
      await route.continue();
    }
  });
  await page.goto("/buscar");
  const box = page.getByLabel("Nombre o cédula");
  await box.fill("zz refused");
  await expect(page.getByTestId("search-status")).toHaveText("No se pudo hacer esta búsqueda. Revise lo que escribió e inténtelo de nuevo.");
  await expect(page.getByTestId("search-status")).not.toContainText("Invalid");

  await box.fill(typed());
  const result = page.locator(`[data-testid="search-result"][data-person-id="${reported.id}"]`);
  await expect(result).toBeVisible();

  await context.setOffline(true);
  await box.fill(`${typed()} x`);
  await expect(page.getByTestId("search-status")).toContainText("Sin conexión. Volveremos a buscar solos");
  await expect(result).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId("search-status")).toHaveAttribute("data-kind", "results", { timeout: 20_000 });
  await expect(result).toBeVisible();
});

test("without JavaScript, the home form and /buscar?q= still search, on the server", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: "es-VE" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Nombre o cédula").fill(typed());
  await page.getByTestId("search-submit").click();
  await expect(page).toHaveURL(/\/buscar\?q=/);
  const result = page.locator(`[data-testid="search-result"][data-person-id="${reported.id}"]`);
  await expect(result).toBeVisible();
  await expect(result.getByTestId("search-result-status")).toContainText("Liberación reportada, en verificación");
  await expect(result.getByTestId("search-result-link")).toHaveAttribute("href", `/persona/${reported.id}`);

  await page.goto(`/buscar?q=${encodeURIComponent(`v-${initialsOnly.cedulaDigits}`)}`);
  await expect(page.locator(`[data-person-id="${initialsOnly.id}"]`)).toBeVisible();

  await page.goto("/buscar?q=a");
  await expect(page.getByTestId("search-status")).toHaveText("Escriba al menos 2 letras o números para buscar.");
  await page.goto(`/buscar?q=${encodeURIComponent("%_%")}`);
  await expect(page.getByTestId("search-status")).toHaveText("Escriba letras o números: los signos solos no sirven para buscar.");
  await page.goto(`/buscar?q=${"x".repeat(10_000)}`);
  await expect(page.getByTestId("search-status")).toContainText("La búsqueda es demasiado larga");
  await page.goto(`/buscar?q=${encodeURIComponent(`rosa ${withheld.surname}`)}`);
  await expect(page.getByTestId("search-no-results")).toBeVisible();
  await expect(page.locator(`[data-person-id="${withheld.id}"]`)).toHaveCount(0);
  await context.close();
});

for (const lang of LANGUAGES) {
  for (const [size, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    test(`${lang} ${size}: home and /buscar with results fit, pass axe, and are saved as screenshots`, async ({ browser, baseURL }) => {
      // Three axe runs and three full-page screenshots: more than the default minute on a busy machine.
      test.setTimeout(150_000);
      const context = await contextIn(browser, lang, { viewport, baseURL: baseURL! });
      const page = await context.newPage();
      await page.goto("/");
      await page.getByTestId("search-input").fill(typed());
      await expect(page.locator(`[data-testid="search-result"][data-person-id="${reported.id}"]`)).toBeVisible();
      await expect(page.getByTestId("search-status")).toHaveAttribute("data-kind", "results");
      expect(await horizontalOverflow(page), "home scrolls sideways").toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `search-home-${lang}-${size}`);

      await page.goto(`/buscar?q=${encodeURIComponent("jose luis perez")}`);
      await expect(page.getByTestId("search-result").first()).toBeVisible();
      expect(await horizontalOverflow(page), "/buscar scrolls sideways").toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `search-results-${lang}-${size}`);

      await page.getByTestId("search-input").fill(`zz ${fold(withheld.surname)}`);
      await expect(page.getByTestId("search-no-results")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `search-none-${lang}-${size}`);
      await context.close();
    });
  }
}
