import { expect, test } from "@playwright/test";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import {
  contextIn,
  LANGUAGES,
  seedEvidence,
  seedMerge,
  seedPerson,
  seedRelease,
  syntheticCedula,
  syntheticSurname,
  verifyRelease,
} from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * The public page of one person (/persona/{id}) and its API twin show what
 * DESIGN.md rule 4 allows, and nothing else.
 */
test.describe("public person page", () => {
  let reporter: SeededUser;
  let moderators: [SeededUser, SeededUser];
  const PUBLIC_URL = "https://example.org/e2e/nota-publica-liberacion";
  const PRIVATE_URL = "https://example.org/e2e/testimonio-privado";
  const FACILITY = "Centro de prueba Zeta Uno";
  let verified: { id: string; name: string; cedulaDigits: string; notes: string };

  test.beforeAll(async () => {
    await connectToAppDatabase();
    reporter = await seedUser("volunteer", "reporter");
    moderators = [await seedUser("moderator", "checker-one"), await seedUser("moderator", "checker-two")];

    const cedula = syntheticCedula();
    const surnames = `Rondón ${syntheticSurname()}`;
    const notes = `Nota interna confidencial ${syntheticSurname()}`;
    const person = await seedPerson(reporter, {
      givenNames: "Teodoro Amadeo",
      surnames,
      cedula: cedula.written,
      disclosure: "public",
      notes,
      homeState: "Zulia",
    });
    const release = await seedRelease(reporter, person.id, { releasedOn: "2026-01-12", facility: FACILITY, conditions: "conditional" });
    await seedEvidence(reporter, release.id, { url: PUBLIC_URL, description: "Nota de prensa sobre la excarcelación", public: true });
    await seedEvidence(reporter, release.id, { kind: "family_testimony", url: PRIVATE_URL, description: "Llamada con la hermana", public: false });
    await verifyRelease(release.id, moderators);
    verified = { id: person.id, name: `Teodoro Amadeo ${surnames}`, cedulaDigits: cedula.digits, notes };
  });

  test("a verified, public person: full name, status, month, public evidence — never the private fields", async ({ page, request }) => {
    const response = await page.goto(`/persona/${verified.id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("person-name")).toHaveText(verified.name);
    await expect(page.getByTestId("person-status")).toContainText("verificada");
    await expect(page.getByTestId("release-month")).toHaveText(/enero\sde\s2026/);
    const link = page.getByTestId("evidence-url");
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute("href", PUBLIC_URL);
    await expect(page.getByTestId("last-checked")).toBeVisible();
    await expect(page.getByTestId("internal-record-link")).toHaveCount(0);
    await expect(page.getByTestId("share-url")).toHaveValue(new RegExp(`/persona/${verified.id}$`));

    // Nothing private anywhere in what the browser received (the HTML includes the serialised props).
    const html = await page.content();
    for (const secret of [verified.cedulaDigits, verified.notes, FACILITY, PRIVATE_URL, "Llamada con la hermana", "reporter e2e", "checker-one e2e", "checker-two e2e", "Zulia"]) {
      expect(html, `the page shows ${secret}`).not.toContain(secret);
    }
    // The preview shows the name and the status only.
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", verified.name);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", "Liberación verificada");

    const api = await request.get(`/api/v1/persons/${verified.id}`);
    expect(api.status()).toBe(200);
    const text = await api.text();
    for (const secret of [verified.cedulaDigits, verified.notes, FACILITY, PRIVATE_URL]) expect(text).not.toContain(secret);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ name: verified.name, status: "release_verified" });
    expect(body.releases[0].releasedMonth).toBe("2026-01");
  });

  test("a signed-in user also gets a link to the internal record", async ({ page }) => {
    await signInAs(page, reporter);
    await page.goto(`/persona/${verified.id}`);
    await expect(page.getByTestId("internal-record-link")).toHaveAttribute("href", `/expediente/${verified.id}`);
  });

  test("an initials-only person shows initials, never the name", async ({ page, request }) => {
    const surname = syntheticSurname();
    const person = await seedPerson(reporter, { givenNames: "Zenaida Florinda", surnames: `De la ${surname}`, disclosure: "initials" });
    await seedRelease(reporter, person.id, { releasedOn: "2026-01" });
    await page.goto(`/persona/${person.id}`);
    await expect(page.getByTestId("person-name")).toHaveText(`Z. F. ${surname[0]}.`);
    await expect(page.getByTestId("initials-note")).toBeVisible();
    await expect(page.getByTestId("person-status")).toContainText("reportada");
    const html = await page.content();
    expect(html).not.toContain("Zenaida");
    expect(html).not.toContain(surname);
    const api = await (await request.get(`/api/v1/persons/${person.id}`)).text();
    expect(api).not.toContain("Zenaida");
    expect(api).not.toContain(surname);
  });

  test("a withheld person, an unknown id and a malformed id are not found, on the page and in the API", async ({ page, request }) => {
    const person = await seedPerson(reporter, { givenNames: "Reservada", surnames: syntheticSurname(), disclosure: "withheld" });
    await seedRelease(reporter, person.id);
    for (const id of [person.id, "0190f0a0-0000-7000-8000-000000000000", "not-a-uuid"]) {
      const response = await page.goto(`/persona/${id}`);
      expect(response?.status(), id).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("No encontramos esta página");
      await expect(page.locator("body")).not.toContainText("Reservada");
    }
    expect((await request.get(`/api/v1/persons/${person.id}`)).status()).toBe(404);
  });

  test("a merged person's old address leads to the survivor; a withheld survivor stays hidden", async ({ page }) => {
    const moderator = moderators[0];
    const surname = syntheticSurname();
    const survivor = await seedPerson(reporter, { givenNames: "Gumersindo", surnames: surname, disclosure: "public" });
    const duplicate = await seedPerson(reporter, { givenNames: "Gumersindo José", surnames: surname, disclosure: "public" });
    await seedMerge(moderator, survivor.id, duplicate.id);
    await page.goto(`/persona/${duplicate.id}`);
    await expect(page).toHaveURL(new RegExp(`/persona/${survivor.id}$`));
    await expect(page.getByTestId("person-name")).toHaveText(`Gumersindo ${surname}`);

    const hidden = await seedPerson(reporter, { givenNames: "Oculta", surnames: syntheticSurname(), disclosure: "withheld" });
    const hiddenDuplicate = await seedPerson(reporter, { givenNames: "Oculta María", surnames: syntheticSurname(), disclosure: "public" });
    await seedMerge(moderator, hidden.id, hiddenDuplicate.id);
    const response = await page.goto(`/persona/${hiddenDuplicate.id}`);
    expect(response?.status()).toBe(404);
  });

  for (const lang of LANGUAGES) {
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`fits a ${size} in ${lang}, passes axe, and is saved as a screenshot`, async ({ browser, baseURL }) => {
        const context = await contextIn(browser, lang, { viewport, baseURL: baseURL! });
        const page = await context.newPage();
        await page.goto(`/persona/${verified.id}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByTestId("person-status")).toContainText(lang === "es" ? "verificada" : "verified");
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `public-person-${lang}-${size}`);
        await context.close();
      });
    }
  }
});
