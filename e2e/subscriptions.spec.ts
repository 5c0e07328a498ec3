import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { readEml, type ReadMail } from "../lib/mail/read-eml.ts";
import { connectToAppDatabase, E2E_DATA_DIR, seedUser, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { contextIn, LANGUAGES, seedEvidence, seedPerson, seedRelease, syntheticSurname, verifyRelease } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * "Avísame" as a family uses it: on a phone, the name found from the home page
 * typed without accents; on the person's public page an e-mail address; the
 * confirmation mail (an .eml file under the data directory, as there is no
 * SMTP server); its link, and the button that confirms; then two moderators
 * verify the release and the notice arrives, sent by the launcher's job workers.
 */
const MAIL_DIR = path.join(E2E_DATA_DIR, "mail");

/** The newest mail of one kind to one address, waiting for it up to `timeoutMs`. */
async function mailTo(address: string, kind: "confirmation" | "notification", timeoutMs = 60_000): Promise<ReadMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await fs.readdir(MAIL_DIR).catch(() => [] as string[])).filter((name) => name.endsWith(`.eml`) && name.includes(`-${kind}-`));
    for (const name of names.sort().reverse()) {
      const mail = readEml(await fs.readFile(path.join(MAIL_DIR, name), "utf8"));
      if (mail.headers.to === address) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no ${kind} mail to ${address} in ${MAIL_DIR} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The path and query of the link of ours in a mail (its host is the configured public address). */
function linkIn(mail: ReadMail, page: "confirmar" | "baja"): string {
  const match = new RegExp(`https?://[^\\s]+(/avisos/${page}\\?token=[A-Za-z0-9_-]+)`).exec(mail.text);
  expect(match, `a /avisos/${page} link in the mail`).not.toBeNull();
  return match![1]!;
}

const address = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.constancia.org`;

async function subscribeOn(page: Page, email: string) {
  await page.getByTestId("subscribe-email").fill(email);
  await page.getByTestId("subscribe-submit").click();
  await expect(page.getByTestId("subscribe-sent")).toBeVisible();
}

test.describe("Avísame subscriptions", () => {
  // Each test waits for mail that the worker process sends (it polls every 2 s), on machines that may be busy.
  test.describe.configure({ timeout: 180_000 });
  let reporter: SeededUser;
  let moderators: [SeededUser, SeededUser];

  /** A public person with a reported release and public evidence: the page offers "Avísame". */
  async function reportedPerson() {
    const surnames = `Rondón ${syntheticSurname()}`;
    const person = await seedPerson(reporter, { givenNames: "Eleazar Josué", surnames, disclosure: "public" });
    const release = await seedRelease(reporter, person.id, { releasedOn: "2026-01-14", conditions: "conditional" });
    await seedEvidence(reporter, release.id, { url: "https://example.org/e2e/nota-publica", description: "Nota de prensa", public: true });
    return { id: person.id, releaseId: release.id, name: `Eleazar Josué ${surnames}` };
  }

  test.beforeAll(async () => {
    await connectToAppDatabase();
    reporter = await seedUser("volunteer", "reporter");
    moderators = [await seedUser("moderator", "checker-one"), await seedUser("moderator", "checker-two")];
  });

  test("a visitor on a phone subscribes, confirms from the mail, and is told when two moderators verify", async ({ browser, baseURL }) => {
    const person = await reportedPerson();
    const email = address("madre");
    const context = await contextIn(browser, "es", { viewport: PHONE, baseURL: baseURL! });
    const page = await context.newPage();

    // She finds him from the home page, typing without accents, and opens his page.
    await page.goto("/");
    const typed = person.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    await page.getByLabel("Nombre o cédula").pressSequentially(typed, { delay: 15 });
    await page.getByRole("link", { name: person.name }).click();
    await expect(page).toHaveURL(new RegExp(`/persona/${person.id}$`));
    await expect(page.getByTestId("person-status")).toContainText("reportada");
    const form = page.getByTestId("person-subscribe");
    await expect(form.getByRole("heading", { name: "Avísame cuando se verifique" })).toBeVisible();
    // A mistyped address is said inline, in Spanish, and nothing is sent.
    await page.getByTestId("subscribe-email").fill("madre.correo.com");
    await page.getByTestId("subscribe-submit").click();
    await expect(page.getByTestId("subscribe-error")).toHaveText("Escriba un correo válido, por ejemplo nombre@ejemplo.org.");
    await expect(page.getByTestId("subscribe-email")).toHaveAttribute("aria-invalid", "true");
    await subscribeOn(page, email);
    await expect(page.getByTestId("subscribe-sent")).toContainText("Le enviamos un correo para confirmar");
    await expect(page.locator("body")).not.toContainText(email);

    const confirmation = await mailTo(email, "confirmation");
    expect(confirmation.headers.subject).toBe(`Confirme su aviso sobre ${person.name}`);
    expect(confirmation.headers["list-unsubscribe"]).toMatch(/^<https?:\/\/[^>]+\/avisos\/baja\?token=[A-Za-z0-9_-]{43}>$/);
    const confirmLink = linkIn(confirmation, "confirmar");

    // Opening the link confirms nothing (mail scanners open links): the button does.
    await page.goto(confirmLink);
    await expect(page.getByTestId("link-about")).toContainText(person.name);
    await expect(page.getByTestId("link-submit")).toHaveText("Confirmar el aviso");
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId("link-submit").click();
    await expect(page.getByTestId("link-done")).toHaveAttribute("data-outcome", "confirmed");
    await expect(page.getByTestId("link-done")).toContainText("su aviso está confirmado");
    await page.reload();
    await expect(page.getByTestId("link-done")).toContainText("ya estaba confirmado");
    // A link with one character changed says so plainly.
    await page.goto(confirmLink.replace(/token=(.)/, (_, first: string) => `token=${first === "A" ? "B" : "A"}`));
    await expect(page.getByTestId("link-invalid")).toContainText("no sirve");

    const verifying = Date.now();
    await verifyRelease(person.releaseId, moderators);
    const notice = await mailTo(email, "notification");
    // How long a family waits for the notice (the worker polls every 2 s), in the JSON report.
    test.info().annotations.push({ type: "notice-after-verification-ms", description: String(Date.now() - verifying) });
    expect(notice.headers.subject).toBe(`Liberación verificada: ${person.name}`);
    expect(notice.text).toContain(`/persona/${person.id}`);
    expect(notice.text).not.toContain("example.org/e2e/nota-publica");

    // The unsubscribe link of the notice, with its button.
    await page.goto(linkIn(notice, "baja"));
    await page.getByTestId("link-submit").click();
    await expect(page.getByTestId("link-done")).toHaveAttribute("data-outcome", "unsubscribed");
    // Verified now: the page has nothing left to offer.
    await page.goto(`/persona/${person.id}`);
    await expect(page.getByTestId("person-status")).toContainText("verificada");
    await expect(page.getByTestId("person-subscribe")).toHaveCount(0);
    await context.close();
  });

  for (const lang of LANGUAGES) {
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`form, sent and confirm pages fit a ${size} in ${lang}, pass axe, and are saved as screenshots`, async ({ browser, baseURL }) => {
        const person = await reportedPerson();
        const context = await contextIn(browser, lang, { viewport, baseURL: baseURL! });
        const page = await context.newPage();
        await page.goto(`/persona/${person.id}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByTestId("subscribe-submit")).toHaveText(lang === "es" ? "Avísame" : "Tell me");
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `subscribe-form-${lang}-${size}`);

        const email = address(`shot-${lang}`);
        await subscribeOn(page, email);
        await expectNoSeriousA11yViolations(page);
        await page.getByTestId("person-subscribe").screenshot({ path: `e2e/artifacts/subscribe-sent-${lang}-${size}.png` });

        const mail = await mailTo(email, "confirmation");
        expect(mail.headers["content-language"]).toBe(lang);
        await page.goto(linkIn(mail, "confirmar"));
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `subscribe-confirm-${lang}-${size}`);
        await page.getByTestId("link-submit").click();
        await expect(page.getByTestId("link-done")).toHaveAttribute("data-outcome", "confirmed");
        await screenshot(page, `subscribe-confirmed-${lang}-${size}`);

        await page.goto("/avisos/baja?token=not-a-token");
        await expect(page.getByTestId("link-invalid")).toBeVisible();
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `subscribe-invalid-link-${lang}-${size}`);
        await context.close();
      });
    }
  }
});
