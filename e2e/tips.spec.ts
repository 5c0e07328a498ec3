import { expect, test, type Page } from "@playwright/test";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { contextIn, LANGUAGES, seedPerson, seedRelease, syntheticSurname } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";
import { jpegWithGps } from "../lib/evidence/test-fixtures.ts";

/**
 * "¿Tiene información sobre esta persona?": a visitor sends a tip from the
 * public page, it lands pending for moderators at /pistas, and it is never
 * shown publicly.
 */

/** The form token is refused if sent sooner than this after the page was served (lib/tips/form-token.ts). */
const MIN_FILL_MS = 3_000;

/** Opens a person's page; returns a time no earlier than when the server issued the form's token. */
async function openPersonPage(page: Page, personId: string): Promise<number> {
  await page.goto(`/persona/${personId}`);
  const openedAt = Date.now();
  await expect(page.getByTestId("tip-form")).toHaveAttribute("data-ready", "true");
  return openedAt;
}

/** A person types slower than a test: wait out the form's minimum fill time. */
async function waitLikeAPerson(page: Page, openedAt: number): Promise<void> {
  const left = openedAt + MIN_FILL_MS + 500 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

async function tipRows(personId: string) {
  const { db } = await import("../lib/db/client.ts");
  return db().tip.findMany({ where: { personId }, orderBy: { createdAt: "asc" } });
}

test.describe("tips", () => {
  let reporter: SeededUser;
  let moderator: SeededUser;
  let person: { id: string; name: string };

  test.beforeAll(async () => {
    await connectToAppDatabase();
    reporter = await seedUser("volunteer", "tip-reporter");
    moderator = await seedUser("moderator", "tip-moderator");
    const surnames = `Salazar ${syntheticSurname()}`;
    const created = await seedPerson(reporter, { givenNames: "Evaristo Jacinto", surnames, disclosure: "public" });
    await seedRelease(reporter, created.id, { releasedOn: "2026-01-12" });
    person = { id: created.id, name: `Evaristo Jacinto ${surnames}` };
  });

  test("a visitor on a phone sends a tip with a photo; a moderator reads it at /pistas and marks it reviewed", async ({ browser, baseURL }) => {
    const text = `Lo vi salir del Rodeo I el 12 de enero por la tarde, con su hermana. Ref ${syntheticSurname()}.`;
    const visitor = await (await contextIn(browser, "es", { viewport: PHONE, baseURL: baseURL! })).newPage();
    const openedAt = await openPersonPage(visitor, person.id);
    await expect(visitor.getByRole("heading", { name: "¿Tiene información sobre esta persona?" })).toBeVisible();
    await expect(visitor.getByTestId("tip-privacy")).toContainText("solo lo leen los moderadores");
    await expect(visitor.getByTestId("tip-privacy")).toContainText("Nunca se publica");

    // Nothing written yet: the problem is said next to the field, in Spanish.
    await visitor.getByTestId("tip-submit").click();
    await expect(visitor.getByTestId("tip-text-error")).toHaveText("Escriba lo que sabe.");
    await expect(visitor.getByTestId("tip-text")).toBeFocused();

    await visitor.getByTestId("tip-text").fill(text);
    await visitor.getByTestId("tip-contact").fill("0414-555.01.23");
    await visitor.getByTestId("tip-file").setInputFiles({ name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps({ color: "#6b2f3a" }) });
    await waitLikeAPerson(visitor, openedAt);
    await visitor.getByTestId("tip-submit").click();
    await expect(visitor.getByTestId("tip-done")).toHaveText(/Gracias\. Su información llegó a los moderadores/);
    await expect(visitor.getByTestId("tip-done")).toBeFocused();
    expect(await horizontalOverflow(visitor)).toBeLessThanOrEqual(0);
    await screenshot(visitor, "tips-sent-es-phone");

    const [tip] = await tipRows(person.id);
    expect(tip).toMatchObject({ text, contact: "0414-555.01.23", status: "pending" });
    expect(tip!.fileSha256).toMatch(/^[0-9a-f]{64}$/);

    // Never public: not on the page, not in the public API, not the file.
    await visitor.reload();
    const html = await visitor.content();
    for (const secret of [text, "0414-555.01.23", tip!.fileSha256!]) expect(html).not.toContain(secret);
    const api = await visitor.request.get(`/api/v1/persons/${person.id}`);
    expect(api.status()).toBe(200);
    expect(await api.text()).not.toContain("Rodeo I");
    expect((await visitor.request.get(`/api/v1/files/${tip!.fileSha256}`)).status()).toBe(404);
    await visitor.context().close();

    // The moderator finds it, opens the file, and marks it reviewed.
    const page = await (await contextIn(browser, "es", { viewport: DESKTOP, baseURL: baseURL! })).newPage();
    await signInAs(page, moderator);
    await page.goto("/expediente/" + person.id);
    await expect(page.getByTestId("person-tips-link")).toHaveText("1 pista pendiente enviada por el público");
    await page.getByTestId("nav-pistas").click();
    await expect(page).toHaveURL(/\/pistas$/);
    const card = page.locator(`[data-testid="tip-card"][data-tip-id="${tip!.id}"]`);
    await expect(card.getByTestId("tip-card-text")).toHaveText(text);
    await expect(card.getByTestId("tip-contact")).toHaveText("0414-555.01.23");
    await expect(card.getByTestId("tip-person-link")).toHaveAttribute("href", `/expediente/${person.id}`);
    await expect(card.getByTestId("tip-person-link")).toHaveText(`Sobre ${person.name}`);
    const fileHref = await card.getByTestId("tip-file-link").getAttribute("href");
    const file = await page.request.get(fileHref!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/jpeg");
    expect(file.headers()["cache-control"]).toBe("private, no-store");

    await card.getByTestId("tip-mark-reviewed").click();
    await expect(card).toHaveCount(0);
    await expect(page.getByTestId("tips-status")).toHaveText(`La pista sobre ${person.name} quedó marcada como revisada.`);
    await expect.poll(async () => (await tipRows(person.id))[0]).toMatchObject({ status: "reviewed", reviewedById: moderator.id });
    await page.getByTestId("tips-tab-reviewed").click();
    await expect(page.locator(`[data-testid="tip-card"][data-tip-id="${tip!.id}"]`).getByTestId("tip-marked")).toHaveText(
      /Revisada por tip-moderator e2e el/,
    );
    await page.context().close();
  });

  test("a form sent at once is asked to wait, keeps what was written, and then goes through", async ({ page }) => {
    const openedAt = await openPersonPage(page, person.id);
    const text = `Mi vecina lo vio en la parada de Coche, ${syntheticSurname()}.`;
    await page.getByTestId("tip-text").fill(text);
    await page.getByTestId("tip-submit").click();
    // Sent right after the page arrived: refused as too fast (unless this machine took seconds to show the form).
    await expect(page.getByTestId("tip-problem").or(page.getByTestId("tip-done"))).toBeVisible();
    if (await page.getByTestId("tip-problem").isVisible()) {
      await expect(page.getByTestId("tip-problem")).toHaveAttribute("data-key", "tooFast");
      await expect(page.getByTestId("tip-problem")).toContainText("Espere");
      await expect(page.getByTestId("tip-text")).toHaveValue(text);
      await waitLikeAPerson(page, openedAt);
      await page.getByTestId("tip-submit").click();
    }
    await expect(page.getByTestId("tip-done")).toBeVisible();
    expect((await tipRows(person.id)).some((row) => row.text === text)).toBe(true);
  });

  test("a file that is not a photo, document, audio or video is refused next to the field, and nothing is written", async ({ page }) => {
    const before = (await tipRows(person.id)).length;
    const openedAt = await openPersonPage(page, person.id);
    await page.getByTestId("tip-text").fill("Les mando el programa que me pasaron por WhatsApp.");
    const elf = Buffer.alloc(128);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(elf);
    await page.getByTestId("tip-file").setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: elf });
    await waitLikeAPerson(page, openedAt);
    await page.getByTestId("tip-submit").click();
    await expect(page.getByTestId("tip-file-error")).toHaveText(/No se acepta este tipo de archivo/);
    await expect(page.getByTestId("tip-problem")).toHaveText("Revise el formulario: el problema está indicado junto al dato.");
    expect((await tipRows(person.id)).length).toBe(before);
  });

  test("volunteers are denied /pistas and see no link to it; the public is asked to sign in", async ({ page, browser }) => {
    const volunteer = await seedUser("volunteer", "tip-volunteer");
    await signInAs(page, volunteer);
    await page.goto("/pistas");
    await expect(page.getByTestId("access-denied")).toBeVisible();
    await expect(page.getByTestId("nav-pistas")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText("Lo vi salir del Rodeo");
    expect((await page.request.get("/api/v1/tips")).status()).toBe(403);
    // The record page does not tell volunteers that tips exist.
    await page.goto(`/expediente/${person.id}`);
    await expect(page.getByTestId("person-name")).toBeVisible();
    await expect(page.getByTestId("person-tips-link")).toHaveCount(0);

    const anonymous = await browser.newPage();
    await anonymous.goto("/pistas");
    await expect(anonymous).toHaveURL(/\/ingresar\?callbackUrl=%2Fpistas/);
    await anonymous.close();
  });

  for (const lang of LANGUAGES) {
    for (const [device, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`the form and the moderators' page look right and pass axe (${lang}, ${device})`, async ({ browser, baseURL }) => {
        // Two pages, axe three times and a sign-in: more than the default minute on a slow machine.
        test.setTimeout(120_000);
        // A moderator of its own: a second sign-in of one user waits for the next authenticator code.
        const checker = await seedUser("moderator", `tip-checker-${lang}-${device}`);
        const visitor = await (await contextIn(browser, lang, { viewport, baseURL: baseURL! })).newPage();
        const openedAt = await openPersonPage(visitor, person.id);
        await expectNoSeriousA11yViolations(visitor);
        await visitor.getByTestId("tip-section").scrollIntoViewIfNeeded();
        await screenshot(visitor, `tips-form-${lang}-${device}`);
        // An inline problem, in the visitor's language.
        await visitor.getByTestId("tip-text").fill("corto");
        await visitor.getByTestId("tip-submit").click();
        await expect(visitor.getByTestId("tip-text-error")).toHaveText(
          lang === "es" ? "Escriba un poco más: al menos 10 caracteres." : "Write a little more: at least 10 characters.",
        );
        await expectNoSeriousA11yViolations(visitor);
        await screenshot(visitor, `tips-form-problem-${lang}-${device}`);
        await visitor.getByTestId("tip-text").fill(`${lang === "es" ? "Está en casa de su madre en Maracay" : "He is at his mother's house in Maracay"} (${device}).`);
        await visitor.getByTestId("tip-contact").fill("vecina.maracay@example.org");
        await visitor.getByTestId("tip-file").setInputFiles({ name: "casa.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps({ color: "#38617a" }) });
        await waitLikeAPerson(visitor, openedAt);
        await visitor.getByTestId("tip-submit").click();
        await expect(visitor.getByTestId("tip-done")).toBeVisible();
        expect(await horizontalOverflow(visitor)).toBeLessThanOrEqual(0);
        await visitor.context().close();

        const page = await (await contextIn(browser, lang, { viewport, baseURL: baseURL! })).newPage();
        await signInAs(page, checker);
        await page.goto("/pistas");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "es" ? "Pistas" : "Tips");
        await expect(page.getByTestId("tip-card").first().getByTestId("tip-file-link")).toHaveText(
          lang === "es" ? /Abrir el archivo \(foto, \d+\u00a0kB\)/ : /Open the file \(photo, \d+\u00a0kB\)/,
        );
        await expectNoSeriousA11yViolations(page);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `tips-moderation-${lang}-${device}`);
        await page.context().close();
      });
    }
  }
});
