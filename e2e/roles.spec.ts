import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/load.ts";
import { connectToAppDatabase, nextCode, seedUser, signInAs, PASSWORD, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { DESKTOP, PHONE, screenshot } from "./support/screens.ts";

const NAV = ["nav-cuenta", "nav-auditoria", "nav-usuarios"] as const;
const EXPECTED: Record<"volunteer" | "moderator" | "admin", (typeof NAV)[number][]> = {
  volunteer: ["nav-cuenta"],
  moderator: ["nav-cuenta", "nav-auditoria"],
  admin: ["nav-cuenta", "nav-auditoria", "nav-usuarios"],
};

async function signInThroughForm(page: Page, email: string, password: string, user?: SeededUser) {
  await page.goto("/ingresar");
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
  if (user?.totp) {
    // Password accepted: the form now asks for the authenticator code.
    await page.getByTestId("sign-in-code").fill(await nextCode(user));
    await page.getByTestId("sign-in-submit").click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/ingresar") && !url.pathname.startsWith("/api/auth"));
}

async function expectNavigation(page: Page, visible: readonly string[]) {
  for (const id of NAV) {
    if (visible.includes(id)) await expect(page.getByTestId(id)).toBeVisible();
    else await expect(page.getByTestId(id)).toHaveCount(0);
  }
}

test.describe("signing in", () => {
  test.beforeAll(connectToAppDatabase);

  for (const role of ["volunteer", "moderator", "admin"] as const) {
    test(`a ${role} signs in with the form and sees their own navigation, not another role's`, async ({ page }) => {
      const user = await seedUser(role);
      await signInThroughForm(page, user.email, user.password, user);
      await expect(page.getByTestId("viewer-name")).toBeVisible();
      await expectNavigation(page, EXPECTED[role]);

      await page.getByTestId("nav-cuenta").click();
      await expect(page.getByTestId("account-role")).toBeVisible();
      await expect(page.getByTestId("account-profile")).toContainText(user.email);

      // Pages of higher roles say no, whatever the URL typed.
      if (role !== "admin") {
        await page.goto("/admin/usuarios");
        await expect(page.getByTestId("access-denied")).toBeVisible();
        await expect(page.getByTestId("user-list")).toHaveCount(0);
      }
      if (role === "volunteer") {
        await page.goto("/auditoria");
        await expect(page.getByTestId("access-denied")).toBeVisible();
        await expect(page.getByTestId("audit-table")).toHaveCount(0);
      }

      await page.getByTestId("sign-out").click();
      await expect(page.getByTestId("sign-in-link")).toBeVisible();
      await expectNavigation(page, []);
    });
  }

  test("the demo accounts printed at start-up work", async ({ page }) => {
    const admin = DEMO_USERS.find((user) => user.role === "admin")!;
    await signInThroughForm(page, admin.email, admin.password);
    await expectNavigation(page, EXPECTED.admin);
  });

  test("a wrong password and an unknown e-mail get the same message, which names neither", async ({ page }) => {
    const user = await seedUser("volunteer");
    const messages: string[] = [];
    for (const [email, password] of [
      [user.email, "not the password"],
      ["nobody-at-all@e2e.constancia.org", PASSWORD],
    ]) {
      await page.goto("/ingresar");
      await page.getByTestId("sign-in-email").fill(email!);
      await page.getByTestId("sign-in-password").fill(password!);
      await page.getByTestId("sign-in-submit").click();
      await expect(page.getByTestId("sign-in-error")).toBeVisible();
      messages.push((await page.getByTestId("sign-in-error").innerText()).trim());
    }
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).toMatch(/incorrect/i);
    await expect(page.getByTestId("viewer-name")).toHaveCount(0);
  });

  test("a signed-out visitor who opens a private page is sent to sign in, then back", async ({ page }) => {
    const user = await seedUser("moderator");
    await page.goto("/auditoria");
    await expect(page).toHaveURL(/\/ingresar\?callbackUrl=%2Fauditoria/);
    await page.getByTestId("sign-in-email").fill(user.email);
    await page.getByTestId("sign-in-password").fill(user.password);
    await page.getByTestId("sign-in-submit").click();
    await page.getByTestId("sign-in-code").fill(await nextCode(user));
    await page.getByTestId("sign-in-submit").click();
    await expect(page).toHaveURL(/\/auditoria$/);
    await expect(page.getByTestId("audit-table")).toBeVisible();
  });

  test("a disabled user is out at once, without signing out", async ({ page, browser }) => {
    const user = await seedUser("volunteer", "soon-disabled");
    await signInAs(page, user);
    await page.goto("/cuenta");
    await expect(page.getByTestId("account-profile")).toBeVisible();

    const admin = await seedUser("admin");
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signInAs(adminPage, admin);
    await adminPage.goto("/admin/usuarios");
    const row = adminPage.locator(`[data-testid="user-row"][data-email="${user.email}"]`);
    await row.getByTestId("user-toggle").click();
    await expect(row).toContainText(/desactivada/);
    await adminContext.close();

    await page.reload();
    await expect(page).toHaveURL(/\/ingresar/);
    await expect(page.getByTestId("viewer-name")).toHaveCount(0);
  });
});

test.describe("signed-in pages", () => {
  test.beforeAll(connectToAppDatabase);

  test("a volunteer creates an API token (shown once) that works, then revokes it", async ({ page }) => {
    const user = await seedUser("volunteer");
    await signInAs(page, user);
    await page.goto("/cuenta");
    await page.getByLabel("Nombre de la clave").fill("hoja de cálculo");
    await page.getByRole("button", { name: "Crear clave" }).click();
    const token = (await page.getByTestId("token-value").innerText()).trim();
    expect(token).toMatch(/^cst_/);

    const me = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ email: user.email, via: "token" });

    await page.reload();
    await expect(page.getByTestId("token-value")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(token);
    await page.getByRole("button", { name: "Revocar la clave «hoja de cálculo»" }).click();
    await expect(page.getByTestId("token-row").first()).toContainText("revocada");
    const after = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
  });

  test("an admin creates an account; bad input is refused in Spanish and writes nothing", async ({ page }) => {
    const admin = await seedUser("admin");
    await signInAs(page, admin);
    await page.goto("/admin/usuarios");
    await page.getByText("Crear una cuenta", { exact: true }).click();
    const form = page.getByTestId("user-create-form");
    const email = `nueva-${Date.now()}@e2e.constancia.org`;
    await form.getByLabel("Correo").fill(email);
    await form.getByLabel("Rol").selectOption("moderator");
    await form.getByRole("button", { name: "Crear la cuenta" }).click();
    await expect(page.getByTestId("user-created")).toContainText(email);
    await expect(page.getByTestId("user-created")).toContainText(/Contraseña generada/);

    // Same e-mail again: a conflict, said in Spanish.
    await form.getByLabel("Correo").fill(email);
    await form.getByRole("button", { name: "Crear la cuenta" }).click();
    await expect(form.getByTestId("form-problem")).toContainText("Ya existe un registro con esos datos.");
    await expect(page.locator(`[data-testid="user-row"][data-email="${email}"]`)).toHaveCount(1);
  });

  test("an admin invites someone; the link makes their account once and they sign in", async ({ page, browser }) => {
    await signInAs(page, await seedUser("admin"));
    await page.goto("/admin/usuarios");
    const invited = `invitada-${Date.now()}@e2e.constancia.org`;
    const form = page.getByTestId("invitation-create-form");
    await form.getByLabel("Correo").fill(invited);
    await form.getByRole("button", { name: "Crear la invitación" }).click();
    const url = (await page.getByTestId("invitation-url").innerText()).trim();
    expect(url).toMatch(/\/invitacion\/[A-Za-z0-9_-]{32}$/);
    await page.reload();
    await expect(page.locator(`[data-testid="invitation-row"][data-email="${invited}"]`)).toBeVisible();

    const guest = await browser.newContext({ viewport: PHONE });
    const guestPage = await guest.newPage();
    await guestPage.goto(new URL(url).pathname);
    await expect(guestPage.getByTestId("invitation-summary")).toContainText(invited);
    await guestPage.getByLabel("Su nombre").fill("Invitada de Prueba");
    await guestPage.getByLabel("Elija una contraseña").fill("una frase larga y segura");
    await guestPage.getByLabel("Repita la contraseña").fill("otra frase distinta");
    await guestPage.getByRole("button", { name: "Crear mi cuenta" }).click();
    await expect(guestPage.getByTestId("form-problem")).toContainText("las dos contraseñas deben ser iguales");
    await guestPage.getByLabel("Repita la contraseña").fill("una frase larga y segura");
    await expectNoSeriousA11yViolations(guestPage);
    await screenshot(guestPage, "invitation-es-phone");
    await guestPage.getByRole("button", { name: "Crear mi cuenta" }).click();
    await expect(guestPage.getByTestId("invitation-accepted")).toBeVisible();

    await signInThroughForm(guestPage, invited, "una frase larga y segura");
    await expect(guestPage.getByTestId("viewer-name")).toHaveText("Invitada de Prueba");
    await guestPage.goto(new URL(url).pathname);
    await expect(guestPage.getByTestId("invitation-unusable")).toContainText("ya se usó");
    await guest.close();
  });

  test("a moderator reads the audit trail; an admin verifies the chain", async ({ page, browser }) => {
    const moderator = await seedUser("moderator");
    await signInAs(page, moderator);
    await page.goto("/auditoria");
    await expect(page.getByTestId("audit-table")).toBeVisible();
    await expect(page.getByTestId("chain-check")).toHaveCount(0);

    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signInAs(adminPage, await seedUser("admin"));
    await adminPage.goto("/auditoria");
    await adminPage.getByRole("button", { name: "Verificar la cadena completa" }).click();
    await expect(adminPage.getByTestId("chain-result")).toContainText("La cadena está intacta");
    await adminContext.close();
  });

  for (const [size, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    for (const lang of ["es", "en"] as const) {
      test(`signed-in pages as an admin on a ${size} in ${lang}: axe and screenshots`, async ({ browser }) => {
        const context = await browser.newContext({
          viewport,
          locale: lang === "es" ? "es-VE" : "en-US",
          extraHTTPHeaders: { "Accept-Language": lang },
        });
        const page = await context.newPage();
        await signInAs(page, await seedUser("admin"));
        for (const [name, path] of [
          ["account", "/cuenta"],
          ["users", "/admin/usuarios"],
          ["audit", "/auditoria"],
          ["second-factor", "/cuenta/verificacion"],
        ] as const) {
          await page.goto(path);
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          await expectNoSeriousA11yViolations(page);
          await screenshot(page, `${name}-${lang}-${size}`);
        }
        await context.close();
      });
    }
  }
});
