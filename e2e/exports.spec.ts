import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { contextIn, LANGUAGES, seedEvidence, seedPerson, seedRelease, syntheticSurname, verifyRelease } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * Exports: the public list offers CSV · JSON · PFIF downloads (public fields
 * only), and a moderator downloads their organization's records from
 * /expedientes (audited); a volunteer sees no such panel.
 */
test.describe("exports", () => {
  let volunteer: SeededUser;
  let moderator: SeededUser;
  let surname = "";
  let withheldSurname = "";

  test.beforeAll(async () => {
    await connectToAppDatabase();
    volunteer = await seedUser("volunteer", "export-volunteer");
    moderator = await seedUser("moderator", "export-moderator");
    const reviewers = [await seedUser("moderator", "export-reviewer-a"), await seedUser("moderator", "export-reviewer-b")] as const;
    surname = `Exportada ${syntheticSurname()}`;
    withheldSurname = `Reservada ${syntheticSurname()}`;
    for (const [surnames, disclosure] of [
      [surname, "public"],
      [withheldSurname, "withheld"],
    ] as const) {
      const person = await seedPerson(volunteer, { givenNames: "Graciela", surnames, disclosure });
      const release = await seedRelease(volunteer, person.id, { releasedOn: "2026-01-12" });
      await seedEvidence(volunteer, release.id);
      await verifyRelease(release.id, reviewers);
    }
  });

  for (const lang of LANGUAGES) {
    test(`the public list offers the downloads (${lang})`, async ({ browser, baseURL }) => {
      for (const [viewport, device] of [
        [PHONE, "phone"],
        [DESKTOP, "desktop"],
      ] as const) {
        const page = await (await contextIn(browser, lang, { viewport, baseURL: baseURL! })).newPage();
        await page.goto("/lista");
        const panel = page.getByTestId("list-downloads");
        await expect(panel).toBeVisible();
        await expect(panel.getByRole("heading")).toHaveText(lang === "es" ? "Descargar la lista" : "Download the list");
        for (const format of ["csv", "json", "pfif"]) {
          await expect(page.getByTestId(`list-download-${format}`)).toHaveAttribute("href", `/api/v1/releases/export?format=${format}`);
        }
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `exports-list-${lang}-${device}`);
        await page.context().close();
      }
    });
  }

  test("a click on CSV downloads the verified list, withheld names left out", async ({ browser, baseURL }) => {
    const page = await (await contextIn(browser, "es", { viewport: DESKTOP, baseURL: baseURL! })).newPage();
    await page.goto("/lista");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("list-download-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^constancia-excarcelaciones-verificadas-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path())!, "utf8");
    expect(text).toContain(`Graciela ${surname}`);
    expect(text).not.toContain(withheldSurname);
    await page.context().close();
  });

  test("a moderator downloads the organization's records as XLSX from /expedientes; a volunteer has no such panel", async ({ browser, baseURL }) => {
    const page = await (await contextIn(browser, "es", { viewport: DESKTOP, baseURL: baseURL! })).newPage();
    await signInAs(page, moderator);
    await page.goto("/expedientes");
    const panel = page.getByTestId("internal-export");
    await expect(panel).toBeVisible();
    await expect(panel).toContainText("Cada exportación queda registrada en la auditoría");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "exports-internal-es-desktop");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("internal-export-xlsx").click()]);
    expect(download.suggestedFilename()).toMatch(/^constancia-expedientes-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const names = workbook.worksheets[0]!.getColumn(3).values.map(String);
    // The internal list holds the withheld person too: it is the organization's own record.
    expect(names).toContain(withheldSurname);
    await page.context().close();

    const phone = await (await contextIn(browser, "en", { viewport: PHONE, baseURL: baseURL! })).newPage();
    await signInAs(phone, moderator);
    await phone.goto("/expedientes");
    await expect(phone.getByTestId("internal-export")).toBeVisible();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, "exports-internal-en-phone");
    await phone.context().close();

    const other = await (await contextIn(browser, "es", { viewport: DESKTOP, baseURL: baseURL! })).newPage();
    await signInAs(other, volunteer);
    await other.goto("/expedientes");
    await expect(other.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(other.getByTestId("internal-export")).toHaveCount(0);
    await other.context().close();
  });
});
