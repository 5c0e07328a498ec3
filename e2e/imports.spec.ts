import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { seedPerson, syntheticCedula, syntheticSurname } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * Spreadsheet imports (issue 7): a moderator uploads an XLSX with their own
 * headers, maps the columns, reads the dry run (nothing written), runs it,
 * watches it finish, and finds the new releases in the review queue and the
 * possible duplicate in the merge queue. Volunteers are kept out.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Instrucciones").addRows([["Llene la hoja Excarcelados"]]);
  book.addWorksheet("Excarcelados").addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function personsWithRef(prefix: string): Promise<number> {
  await connectToAppDatabase();
  const { db } = await import("../lib/db/client.ts");
  return db().person.count({ where: { externalRef: { startsWith: prefix } } });
}

async function openWizard(page: Page): Promise<void> {
  await page.goto("/importar");
  await expect(page.getByTestId("import-wizard")).toHaveAttribute("data-ready", "true");
}

test.describe("spreadsheet imports", () => {
  let moderator: SeededUser;

  test.beforeAll(async () => {
    await connectToAppDatabase();
    moderator = await seedUser("moderator", "imports-mod");
  });

  test("a moderator maps an XLSX, reads the dry run, runs it, and finds the releases in the review queue", async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const surname = syntheticSurname();
    const prefix = `E2E-${surname}`;
    // Someone already on record with the cédula row 3 gives: a possible duplicate, never joined silently.
    const cedula = syntheticCedula();
    await seedPerson(moderator, { givenNames: "Herminia", surnames: `${surname} Previa`, cedula: cedula.written, disclosure: "public" });
    const bytes = await workbook([
      ["Nº", "Nombres", "Apellidos", "Cédula", "Fecha de excarcelación", "Color"],
      [`${prefix}-1`, "Anacleto", `${surname} Ramírez`, "", new Date(Date.UTC(2026, 0, 12)), "azul"],
      [`${prefix}-2`, "Herminia", `${surname} Previa`, cedula.written, "13/01/2026", "rojo"],
      [`${prefix}-3`, "Eufrasia", `${surname} Colmenares`, "", "31/02/2026", "verde"],
      [`${prefix}-4`, "Pancracio", `${surname} Villalba`, "", "01/2026", ""],
    ]);

    const context = await browser.newContext({ viewport: PHONE, isMobile: true, locale: "es-VE", extraHTTPHeaders: { "Accept-Language": "es" } });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "es", url: baseURL! }]);
    const page = await context.newPage();
    await signInAs(page, moderator);
    await openWizard(page);

    // Nothing chosen: said in Spanish.
    await page.getByTestId("import-read").click();
    await expect(page.getByTestId("import-problem")).toHaveText("El archivo está vacío.");

    await page.getByTestId("import-file").setInputFiles({ name: "excarcelados.xlsx", mimeType: XLSX, buffer: bytes });
    await page.getByTestId("import-read").click();
    // The first sheet is instructions, a header alone: said, and the moderator picks the right one.
    await expect(page.getByTestId("import-problem")).toHaveText("El archivo tiene encabezados pero ninguna fila.");
    await page.getByTestId("import-sheet").selectOption("Excarcelados");
    await expect(page.getByTestId("import-file-summary")).toHaveText("XLSX · 4 filas");

    // "Nº" is this NGO's own header: nothing says it is the external id until the moderator does.
    await expect(page.getByTestId("import-mapping-problems")).toContainText("ID externo");
    await expect(page.getByTestId("import-dry-run")).toBeDisabled();
    await expect(page.getByTestId("import-map-1")).toHaveValue("given_names");
    await expect(page.getByTestId("import-map-4")).toHaveValue("released_on");
    await page.getByTestId("import-map-0").selectOption("external_id");
    await expect(page.getByTestId("import-mapping-problems")).toHaveCount(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "imports-mapping-es-phone");

    await page.getByTestId("import-dry-run").click();
    await expect(page).toHaveURL(/\/importar\/[0-9a-f-]{36}$/);
    const run = page.getByTestId("import-run");
    await expect(run).toHaveAttribute("data-dry-run", "true");
    await expect(run).toHaveAttribute("data-status", "done", { timeout: 60_000 });
    await expect(page.getByTestId("import-count-created")).toContainText("2");
    await expect(page.getByTestId("import-count-possibleDuplicates")).toContainText("1");
    await expect(page.getByTestId("import-count-errors")).toContainText("1");
    await expect(page.getByTestId("import-errors")).toContainText("Fila 4, columna «Fecha de excarcelación»: esa fecha no existe");
    await expect(page.getByTestId("import-errors")).toContainText("columna «Color»: columna desconocida: se ignora");
    await expect(page.getByTestId("import-duplicates")).toContainText(`Fila 3 · ${prefix}-2 · Herminia ${surname} Previa — misma cédula que otro registro`);
    // A dry run writes no record.
    expect(await personsWithRef(prefix)).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "imports-dry-run-es-phone");

    await page.getByTestId("import-run-now").click();
    await expect(page.getByTestId("import-confirm")).toContainText("quedan como «reportadas»");
    await page.getByTestId("import-confirm-yes").click();
    await expect(run).toHaveAttribute("data-dry-run", "false", { timeout: 30_000 });
    await expect(run).toHaveAttribute("data-status", "done", { timeout: 60_000 });
    await expect(page.getByTestId("import-progress")).toHaveText("4 de 4 filas");
    await expect(page.getByTestId("import-count-created")).toContainText("2");
    expect(await personsWithRef(prefix)).toBe(3);
    await screenshot(page, "imports-done-es-phone");

    // The new releases wait in the review queue, that import's alone.
    await page.getByTestId("import-go-review").click();
    await expect(page).toHaveURL(/\/revision\?importacion=/);
    await expect(page.getByText(`Anacleto ${surname} Ramírez`).first()).toBeVisible();
    await expect(page.getByText(`Pancracio ${surname} Villalba`).first()).toBeVisible();
    await expect(page.getByText(`Eufrasia ${surname} Colmenares`)).toHaveCount(0);

    // The possible duplicate waits in the merge queue; the moderator says they are different people.
    await page.goBack();
    await expect(run).toHaveAttribute("data-status", "done");
    await page.getByTestId("import-go-merge").click();
    const entry = page.getByTestId("duplicate-entry").filter({ hasText: `${surname} Previa` });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("Misma cédula");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "imports-merge-queue-es-phone");
    await entry.getByTestId("duplicate-dismiss").click();
    await entry.getByTestId("duplicate-dismiss-yes").click();
    await expect(page.getByTestId("duplicate-entry").filter({ hasText: `${surname} Previa` })).toHaveCount(0);
    await context.close();
  });

  test("the same CSV again changes nothing; a file that is not a spreadsheet is refused, in English on a desktop", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const surname = syntheticSurname();
    const csv = Buffer.from(`external_id;given_names;surnames;released_on\nCSV-${surname}-1;Rosalía;${surname} Prieto;12/01/2026\n`, "latin1");
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en" } });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    const page = await context.newPage();
    await signInAs(page, moderator);

    await openWizard(page);
    await page.getByTestId("import-file").setInputFiles({ name: "photo.csv", mimeType: "text/csv", buffer: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 151) % 256)) });
    await page.getByTestId("import-read").click();
    await expect(page.getByTestId("import-problem")).toHaveText("This is not a CSV spreadsheet: it holds binary content. Save it as CSV or XLSX.");

    for (const expected of ["created", "unchanged"] as const) {
      await openWizard(page);
      await page.getByTestId("import-file").setInputFiles({ name: "lista.csv", mimeType: "text/csv", buffer: csv });
      await page.getByTestId("import-read").click();
      await expect(page.getByTestId("import-file-summary")).toHaveText("CSV · 1 row");
      await screenshot(page, "imports-mapping-en-desktop");
      await page.getByTestId("import-dry-run").click();
      await expect(page.getByTestId("import-run")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
      await page.getByTestId("import-run-now").click();
      await page.getByTestId("import-confirm-yes").click();
      await expect(page.getByTestId("import-run")).toHaveAttribute("data-dry-run", "false", { timeout: 30_000 });
      await expect(page.getByTestId("import-run")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
      await expect(page.getByTestId(`import-count-${expected}`)).toContainText("1");
    }
    expect(await personsWithRef(`CSV-${surname}`)).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "imports-done-en-desktop");
    await context.close();
  });

  test("volunteers cannot open the import page and see no link to it", async ({ page }) => {
    const volunteer = await seedUser("volunteer", "imports-vol");
    await signInAs(page, volunteer);
    await page.goto("/");
    await expect(page.getByTestId("nav-importar")).toHaveCount(0);
    await page.goto("/importar");
    await expect(page.getByTestId("import-wizard")).toHaveCount(0);
    const response = await page.request.post("/api/v1/imports?dryRun=true", { headers: { "Content-Type": "text/csv" }, data: "external_id,given_names,surnames\nX,Ana,Díaz\n" });
    expect(response.status()).toBe(403);
  });
});
