import { expect, test } from "@playwright/test";
import { headlineTally } from "../lib/tally/data.ts";
import { connectToAppDatabase } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { DESKTOP, PHONE, horizontalOverflow, screenshot } from "./support/screens.ts";

test.describe("a visitor", () => {
  test.beforeAll(connectToAppDatabase);

  test("sees the home page in Spanish with the numbers computed from the records, and can switch to English", async ({ page }) => {
    const tally = await headlineTally();
    expect(tally.verified).toBeGreaterThan(0);

    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Constancia");
    await expect(page.getByTestId("tally-verified")).toContainText(String(tally.verified));
    await expect(page.getByTestId("home-tally")).toContainText(/liberaciones verificadas/);
    await expect(page.getByTestId("tally-reported")).toContainText(String(tally.reported));
    await expect(page.getByTestId("tally-government-claim")).toContainText("626");
    await expect(page.getByTestId("demo-notice")).toBeVisible();
    await expect(page.getByLabel("Nombre o cédula")).toBeVisible();

    await page.getByTestId("lang-en").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("home-tally")).toContainText(/releases verified|verified releases/i);
    await expect(page.getByTestId("tally-government-claim")).toContainText(/government/i);
    // The choice sticks across pages.
    await page.getByTestId("nav-lista").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByTestId("lang-es").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
  });

  test("gets English from the browser's language when it has not chosen", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await context.close();
  });

  test("finds a demo person by name without accents, as it is typed, on the home page", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Nombre o cédula").fill("jose luis perez");
    await expect(page.getByTestId("search-result").first()).toContainText("José Luis Pérez Rodríguez");
    // Nothing typed goes into the address (e2e/search.spec.ts tests the search itself).
    expect(new URL(page.url()).search).toBe("");
  });

  for (const [lang, label] of [
    ["es", "Español"],
    ["en", "English"],
  ] as const) {
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`public pages fit a ${size} in ${label}, pass axe, and are saved as screenshots`, async ({ browser }) => {
        const context = await browser.newContext({
          viewport,
          locale: lang === "es" ? "es-VE" : "en-US",
          extraHTTPHeaders: { "Accept-Language": lang },
          isMobile: size === "phone",
        });
        const page = await context.newPage();
        for (const [name, path] of [
          ["home", "/"],
          ["search", "/buscar?q=perez"],
          ["list", "/lista"],
          ["announcements", "/anuncios"],
          ["sign-in", "/ingresar"],
        ] as const) {
          await page.goto(path);
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          expect(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          await expectNoSeriousA11yViolations(page);
          await screenshot(page, `${name}-${lang}-${size}`);
        }
        await context.close();
      });
    }
  }
});
