import { expect, test, type Page } from "@playwright/test";
import { systemActor } from "../lib/auth/actor.ts";
import { createApiToken } from "../lib/auth/mutations.ts";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { contextIn, LANGUAGES } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * The readable API reference (/referencia-api), generated from /api/v1/openapi.json,
 * and API tokens in the admin area: an admin revokes anyone's token, a moderator
 * cannot even see the list.
 */

const TEXT = {
  es: { title: "Referencia de la API", note: "están en inglés", who: "Moderadores y administradores", auth: "Cómo autenticarse" },
  en: { title: "API reference", note: "are in English", who: "Moderators and admins", auth: "How to authenticate" },
} as const;

/** The reference is long: a screenshot of what is on screen (not the full page) once the operation is in view. */
async function viewScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

test.describe("API reference", () => {
  test("a visitor finds an operation on a phone and a desktop, in Spanish and English; the page matches openapi.json", async ({
    browser,
    baseURL,
  }) => {
    // Four browsers over a long page, with axe twice.
    test.setTimeout(240_000);
    const documentResponse = await (await browser.newContext()).request.get(`${baseURL}/api/v1/openapi.json`);
    expect(documentResponse.status()).toBe(200);
    const document = (await documentResponse.json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // The import endpoint when it is there (issue 7), else the search everyone knows.
    const wanted = operations.includes("POST /api/v1/imports") ? "POST /api/v1/imports" : "GET /api/v1/search";

    for (const lang of LANGUAGES) {
      for (const [device, viewport] of [
        ["phone", PHONE],
        ["desktop", DESKTOP],
      ] as const) {
        const context = await contextIn(browser, lang, { viewport, baseURL: baseURL! });
        const page = await context.newPage();
        if (lang === "es" && device === "phone") {
          // From any page: the footer links to the reference.
          await page.goto("/");
          await page.getByTestId("footer-api-docs").click();
          await page.waitForURL("**/referencia-api");
        } else {
          await page.goto("/referencia-api");
        }
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[lang].title);
        await expect(page.getByTestId("api-language-note")).toContainText(TEXT[lang].note);
        await expect(page.getByTestId("api-download")).toHaveAttribute("href", "/api/v1/openapi.json");
        await expect(page.getByRole("heading", { name: TEXT[lang].auth })).toBeVisible();
        await expect(page.locator("section[aria-labelledby=autenticacion] pre").first()).toContainText("Bearer");
        await expect(page.getByRole("link", { name: lang === "es" ? "Mi cuenta" : "My account" }).last()).toHaveAttribute("href", "/cuenta");
        // Every operation of the document has its card, once.
        await expect(page.getByTestId("api-operation")).toHaveCount(operations.length);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        // The same document in both layouts: axe once per language, on the phone in Spanish and the desktop in English.
        if ((lang === "es") === (device === "phone")) await expectNoSeriousA11yViolations(page);
        if (device === "phone") await viewScreenshot(page, `api-docs-top-${lang}-${device}`);

        // The table of contents leads to the operation.
        const [method, path] = wanted.split(" ");
        await page.getByTestId("api-toc").getByRole("link", { name: `${method} ${path}`, exact: true }).click();
        const card = page.locator(`[data-testid="api-operation"][data-operation="${wanted}"]`);
        await expect(card).toBeInViewport();
        await expect(card.getByRole("heading", { level: 3 })).toHaveText(`${method} ${path}`);
        await expect(card.getByTestId("api-access")).toHaveAttribute("data-level", wanted.startsWith("POST") ? "moderator" : "public");
        if (wanted.startsWith("POST")) await expect(card.getByTestId("api-access")).toContainText(TEXT[lang].who);
        await expect(card.getByTestId("api-error").first()).toBeVisible();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await viewScreenshot(page, `api-docs-operation-${lang}-${device}`);
        if (device === "phone") {
          // A request body with nested objects, indented, still within the phone's width.
          const body = page.locator("#op-createAnnouncement").getByRole("heading", { name: lang === "es" ? "Cuerpo de la petición" : "Request body" });
          await body.scrollIntoViewIfNeeded();
          await expect(page.locator('#op-createAnnouncement [data-testid="api-field"][data-name="qualifier"]').first()).toContainText(
            lang === "es" ? "obligatorio" : "required",
          );
          await viewScreenshot(page, `api-docs-body-${lang}-${device}`);
        }
        await context.close();
      }
    }
  });
});

test.describe("API tokens in the admin area", () => {
  let admin: SeededUser;
  let moderator: SeededUser;

  test.beforeAll(async () => {
    await connectToAppDatabase();
    admin = await seedUser("admin", "tokens-admin");
    moderator = await seedUser("moderator", "tokens-moderator");
  });

  test("an admin revokes a moderator's token after confirming; a request with it is then 401, and it is audited", async ({
    browser,
    baseURL,
  }) => {
    const created = await createApiToken(systemActor("system"), moderator.id, { name: "Planilla semanal" });
    const api = (await browser.newContext()).request;
    const me = () => api.get(`${baseURL}/api/v1/me`, { headers: { Authorization: `Bearer ${created.token}` } });
    expect((await me()).status()).toBe(200);

    for (const [device, viewport] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ] as const) {
      if (device === "phone") {
        // The phone only looks: the list of every token fits its width.
        const context = await contextIn(browser, "es", { viewport, baseURL: baseURL! });
        const page = await context.newPage();
        await signInAs(page, admin);
        await page.goto("/admin/tokens?estado=todas");
        await expect(page.locator(`[data-testid="token-admin-row"][data-token-id="${created.id}"]`)).toContainText("revocada");
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, "admin-tokens-es-phone");
        await context.close();
        continue;
      }
      const context = await contextIn(browser, "es", { viewport, baseURL: baseURL! });
      const page = await context.newPage();
      await signInAs(page, admin);
      await page.goto("/admin/usuarios");
      await page.getByTestId("admin-tokens-link").click();
      await page.waitForURL("**/admin/tokens");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Claves de acceso (API) de todas las cuentas");
      await expect(page.getByTestId("token-filter-active")).toHaveAttribute("aria-current", "page");

      const row = page.locator(`[data-testid="token-admin-row"][data-token-id="${created.id}"]`);
      await expect(row).toContainText("Planilla semanal");
      await expect(row).toContainText(created.prefix);
      await expect(row).toContainText(moderator.email);
      await expect(row).toContainText("sin vencimiento");
      // The check above used it: its last use shows.
      await expect(row).not.toContainText("nunca usada");
      await expectNoSeriousA11yViolations(page);

      // A confirm step first; cancelling changes nothing.
      await row.getByTestId("token-admin-revoke").click();
      await expect(row.getByTestId("token-admin-confirm")).toContainText("¿Revocar la clave «Planilla semanal»");
      await expect(row.getByTestId("token-admin-confirm-revoke")).toBeFocused();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, "admin-tokens-confirm-es-desktop");
      await row.getByRole("button", { name: "Cancelar" }).click();
      await expect(row.getByTestId("token-admin-confirm")).toHaveCount(0);
      expect((await me()).status()).toBe(200);

      await row.getByTestId("token-admin-revoke").click();
      await row.getByTestId("token-admin-confirm-revoke").click();
      // Gone from the live tokens; listed, as revoked, under "Revocadas".
      await expect(row).toHaveCount(0);
      const refused = await me();
      expect(refused.status()).toBe(401);
      expect((await refused.json()).error.code).toBe("invalid_token");

      await page.getByTestId("token-filter-revoked").click();
      await page.waitForURL("**/admin/tokens?estado=revocadas");
      await expect(row).toContainText("revocada");
      await expect(row.getByTestId("token-admin-revoke")).toHaveCount(0);
      await screenshot(page, "admin-tokens-revoked-es-desktop");
      await context.close();
    }

    const { auditEventsFor } = await import("../lib/audit/data.ts");
    const revocation = (await auditEventsFor("ApiToken", created.id)).find((event) => event.action === "token.revoke");
    expect(revocation?.actorId).toBe(admin.id);
    expect(revocation?.after).toMatchObject({ userId: moderator.id, revoked: true });
  });

  test("a moderator cannot open the admin tokens page nor list everyone's tokens; their own token still works", async ({
    browser,
    baseURL,
  }) => {
    const own = await createApiToken(systemActor("system"), moderator.id, { name: "Propia" });
    const context = await contextIn(browser, "es", { viewport: PHONE, baseURL: baseURL! });
    const page = await context.newPage();
    await signInAs(page, moderator);
    await page.goto("/admin/tokens");
    await expect(page.getByTestId("access-denied")).toBeVisible();
    await expect(page.getByTestId("token-admin-list")).toHaveCount(0);
    await page.goto("/admin/usuarios");
    await expect(page.getByTestId("admin-tokens-link")).toHaveCount(0);

    const headers = { Authorization: `Bearer ${own.token}` };
    expect((await page.request.get("/api/v1/tokens?all=true", { headers })).status()).toBe(403);
    const mine = await page.request.get("/api/v1/tokens", { headers });
    expect(mine.status()).toBe(200);
    expect((await mine.json()).tokens.map((token: { id: string }) => token.id)).toContain(own.id);
    await context.close();
  });
});
