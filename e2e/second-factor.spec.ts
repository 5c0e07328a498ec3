import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { connectToAppDatabase, nextCode, seedToken, seedUser, signInAs } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { PHONE, screenshot } from "./support/screens.ts";

/** Moderators and admins sign in with a second factor (DESIGN.md "Who uses it"). */
test.describe("second factor", () => {
  test.beforeAll(connectToAppDatabase);

  test("a new moderator is held at volunteer level until they set it up, then signs in with codes", async ({ browser }) => {
    const moderator = await seedUser("moderator", "new-moderator", { secondFactor: false });
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signInAs(page, moderator);

    // Moderator pages send them to set it up; the API refuses moderator work and new tokens.
    await page.goto("/auditoria");
    await expect(page).toHaveURL(/\/cuenta\/verificacion$/);
    await expect(page.getByTestId("totp-required")).toBeVisible();
    await expect(page.getByTestId("second-factor-reminder")).toBeVisible();
    const refused = await page.request.post("/api/v1/tokens", { data: { name: "sneaky" } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("second_factor_required");

    await page.getByTestId("totp-start").click();
    const secret = (await page.getByTestId("totp-secret").innerText()).trim();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "second-factor-enrol-es-phone");

    await page.getByTestId("totp-code").fill("000000");
    await page.getByTestId("totp-confirm").click();
    await expect(page.getByTestId("form-problem")).toContainText("Ese código no coincide");

    const step = Math.floor(Date.now() / 30_000);
    await page.getByTestId("totp-code").fill(await generate({ secret, epoch: step * 30 }));
    await page.getByTestId("totp-confirm").click();
    await expect(page.getByTestId("totp-enabled")).toBeVisible();
    await expect(page.getByTestId("second-factor-reminder")).toHaveCount(0);
    await page.goto("/auditoria");
    await expect(page.getByTestId("audit-table")).toBeVisible();
    await context.close();

    // Next sign-in: password, then code; a wrong code and a replayed code are refused.
    moderator.totp = { secret, lastStep: step };
    const again = await browser.newPage();
    await again.goto("/ingresar");
    await again.getByTestId("sign-in-email").fill(moderator.email);
    await again.getByTestId("sign-in-password").fill(moderator.password);
    await again.getByTestId("sign-in-submit").click();
    await expect(again.getByTestId("sign-in-error")).toContainText("Contraseña correcta");
    await again.getByTestId("sign-in-code").fill("123456");
    await again.getByTestId("sign-in-submit").click();
    await expect(again.getByTestId("sign-in-error")).toContainText("no es válido");
    await again.getByTestId("sign-in-code").fill(await generate({ secret, epoch: step * 30 }));
    await again.getByTestId("sign-in-submit").click();
    await expect(again.getByTestId("sign-in-error")).toContainText("no es válido");
    await again.getByTestId("sign-in-code").fill(await nextCode(moderator));
    await again.getByTestId("sign-in-submit").click();
    await again.waitForURL((url) => !url.pathname.startsWith("/ingresar"));
    await expect(again.getByTestId("nav-auditoria")).toBeVisible();
    await again.close();
  });

  test("a password alone never opens a session for an account with a second factor", async ({ request }) => {
    const admin = await seedUser("admin");
    const csrf = await (await request.get("/api/auth/csrf")).json();
    await request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email: admin.email, password: admin.password, json: "true" },
      maxRedirects: 0,
    });
    const session = await (await request.get("/api/auth/session")).json();
    expect(session?.uid).toBeFalsy();
  });

  test("an admin resets a lost second factor: the user's sessions end and they must set it up again", async ({ browser }) => {
    const moderator = await seedUser("moderator", "lost-phone");
    const moderatorPage = await browser.newPage();
    await signInAs(moderatorPage, moderator);
    await moderatorPage.goto("/auditoria");
    await expect(moderatorPage.getByTestId("audit-table")).toBeVisible();

    const adminPage = await browser.newPage();
    await signInAs(adminPage, await seedUser("admin"));
    await adminPage.goto("/admin/usuarios");
    const row = adminPage.locator(`[data-testid="user-row"][data-email="${moderator.email}"]`);
    await row.getByTestId("user-reset-totp").click();
    await expect(row).toContainText(/Verificación restablecida/);
    await adminPage.close();

    await moderatorPage.reload();
    await expect(moderatorPage).toHaveURL(/\/ingresar/);
    moderator.totp = null;
    await signInAs(moderatorPage, moderator);
    await moderatorPage.goto("/auditoria");
    await expect(moderatorPage).toHaveURL(/\/cuenta\/verificacion$/);
    await moderatorPage.close();
  });

  test("tokens made before keep working: they act with the user's role (an admin decides by revoking)", async ({ request }) => {
    const moderator = await seedUser("moderator");
    const token = await seedToken(moderator);
    const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ role: "moderator", via: "token" });
  });
});
