import { expect, test, type Page } from "@playwright/test";
import { connectToAppDatabase, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { actorFor, contextIn, LANGUAGES, seedEvidence, seedPerson, seedRelease, syntheticSurname, verifyRelease } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * Name lists (issue 6, point 2): a moderator loads the list published with an
 * announcement, watches it being matched, resolves the matching queue, and
 * the public tally's list figures follow; volunteers are kept out.
 */

async function newAnnouncement(moderator: SeededUser, claimant: string): Promise<string> {
  await connectToAppDatabase();
  const { createAnnouncement } = await import("../lib/announcements/mutations.ts");
  const created = await createAnnouncement(actorFor(moderator), {
    claimant,
    claimantKind: "government",
    statedOn: "2026-01-20",
    measure: "released",
    claimed: { qualifier: "at_least", value: 400 },
    covers: { basis: "cumulative_since", from: "2025-12-01" },
    scope: "all",
    quote: "más de 400",
  });
  return created.id;
}

interface ListFigures {
  names: number | null;
  matchedVerified: number | null;
  matchedUnverified: number | null;
  unmatched: number | null;
}

async function listFigures(page: Page, announcementId: string): Promise<ListFigures | null> {
  const response = await page.request.get("/api/v1/tally");
  expect(response.status()).toBe(200);
  const tally = (await response.json()) as { announcements: { id: string; list: ListFigures | null }[] };
  const entry = tally.announcements.find((announcement) => announcement.id === announcementId);
  if (!entry?.list) return null;
  const { names, matchedVerified, matchedUnverified, unmatched } = entry.list;
  return { names, matchedVerified, matchedUnverified, unmatched };
}

const card = (page: Page, printed: string) => page.locator('[data-testid="name-line"]').filter({ has: page.getByRole("heading", { name: printed, exact: true }) });

/** Opens the list page and waits until the form answers (hydrated). */
async function openListPage(page: Page, announcementId: string): Promise<void> {
  await page.goto(`/anuncios/${announcementId}/lista`);
  await expect(page.getByTestId("name-list-form")).toHaveAttribute("data-ready", "true");
}

async function openQueue(page: Page, announcementId: string): Promise<void> {
  await page.goto(`/cotejo?anuncio=${announcementId}`);
  await expect(page.getByTestId("name-queue-root")).toHaveAttribute("data-ready", "true");
}

test.describe("name lists", () => {
  let reporter: SeededUser;
  let checkers: [SeededUser, SeededUser];

  test.beforeAll(async () => {
    await connectToAppDatabase();
    reporter = await seedUser("volunteer", "names-reporter");
    checkers = [await seedUser("moderator", "names-check-a"), await seedUser("moderator", "names-check-b")];
  });

  /** A public person with a release (verified when asked): names made of a synthetic word, found by nobody else. */
  async function person(givenNames: string, verified: boolean | null) {
    const surname = syntheticSurname();
    const created = await seedPerson(reporter, { givenNames, surnames: `${surname} Salcedo`, disclosure: "public" });
    if (verified !== null) {
      const release = await seedRelease(reporter, created.id, { releasedOn: "2026-01-14" });
      if (verified) {
        await seedEvidence(reporter, release.id, { public: true });
        await verifyRelease(release.id, checkers);
      }
    }
    return { id: created.id, surname, printed: `${surname.toUpperCase()} SALCEDO ${givenNames.toUpperCase()}` };
  }

  test("a moderator loads a list, watches it matched, resolves the queue, and the public tally follows", async ({ page }) => {
    test.setTimeout(150_000);
    const moderator = await seedUser("moderator", "names-mod");
    const announcementId = await newAnnouncement(moderator, `Asamblea Nacional (lista e2e ${syntheticSurname()})`);
    const verified = await person("Evaristo Jacinto", true);
    const reported = await person("Remigia Eulalia", false);
    const misspelt = await person("Casimiro Anselmo", true);
    // One vowel of the synthetic word changed: a typo the matcher sees as close, never exact.
    const typo = misspelt.printed.replace(/^(PRUEBA.)(.)/, (_, head: string, vowel: string) => head + (vowel === "A" ? "E" : "A"));
    const strangerToCreate = `${syntheticSurname().toUpperCase()} QUINTANILLA NAZARIO ANACLETO`;
    const strangerToReject = `${syntheticSurname().toUpperCase()} BETANCOURT PRIMITIVA ROSALÍA`;
    const list = [`1. ${verified.printed}`, `2. ${reported.printed}`, `3. ${typo}`, `4. ${strangerToCreate}`, `5. ${strangerToReject}`].join("\n");

    await signInAs(page, moderator);
    await openListPage(page, announcementId);
    await expect(page.getByTestId("name-list-summary")).toContainText("todavía no tiene lista");
    expect(await listFigures(page, announcementId)).toBeNull();

    // Nothing to send: said in Spanish, next to the form.
    await page.getByTestId("name-list-submit").click();
    await expect(page.getByTestId("name-list-problem")).toHaveText("Pegue la lista o elija un archivo.");

    await page.getByTestId("name-list-text").fill(list);
    await page.getByTestId("name-list-submit").click();
    await expect(page.getByTestId("name-list-progress")).toBeVisible();
    await expect(page.getByTestId("name-list-status")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
    await expect(page.getByTestId("name-list-status")).toHaveText(/Listo\. Se leyeron 5 líneas: 5 nuevas \(3 esperan cotejo\)/);
    await expect(page.getByTestId("name-list-bar")).toHaveJSProperty("value", 5);
    // The summary (server-rendered) was refreshed.
    await expect(page.getByTestId("name-list-count-automatic")).toHaveText("2 enlazados automáticamente");
    await expect(page.getByTestId("name-list-count-pending")).toHaveText("3 esperan cotejo");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "names-loaded-es-desktop");

    await expect.poll(() => listFigures(page, announcementId)).toEqual({ names: 5, matchedVerified: 1, matchedUnverified: 1, unmatched: 3 });

    await page.getByTestId("name-list-queue-link").click();
    await expect(page).toHaveURL(new RegExp(`/cotejo\\?anuncio=${announcementId}$`));
    await expect(page.getByTestId("name-queue-root")).toHaveAttribute("data-ready", "true");
    await expect(page.getByTestId("name-queue-filtered")).toContainText("Asamblea Nacional (lista e2e");
    await expect(page.getByTestId("name-line")).toHaveCount(3);
    await expect(page.getByTestId("name-queue-pending")).toHaveText("3 nombres esperan cotejo.");

    // The misspelt name: its person is offered first, with what moderators may see, and chosen already.
    const misspeltCard = card(page, typo);
    const offered = misspeltCard.locator(`[data-testid="name-candidate"][data-person-id="${misspelt.id}"]`);
    await expect(offered.getByTestId("name-candidate-name")).toHaveText(`Casimiro Anselmo ${misspelt.surname} Salcedo`);
    await expect(offered).toContainText("Liberación verificada");
    await expect(offered.getByTestId("name-candidate-match")).toHaveText("coincidencia cercana");
    await expect(offered.getByRole("radio")).toBeChecked();
    await expectNoSeriousA11yViolations(page);
    await misspeltCard.getByTestId("name-line-confirm").click();
    await expect(misspeltCard).toHaveCount(0);
    await expect(page.getByTestId("name-queue-status")).toContainText(`«${typo}» quedó enlazado a Casimiro Anselmo ${misspelt.surname} Salcedo.`);

    // A name of nobody on record: a new person, from the printed name cut as lists print it.
    const createCard = card(page, strangerToCreate);
    await expect(createCard.getByTestId("name-line-none")).toBeVisible();
    await createCard.getByTestId("name-line-create").click();
    await expect(createCard.getByTestId("name-create-given")).toHaveValue("Nazario Anacleto");
    await expect(createCard.getByTestId("name-create-surnames")).toHaveValue(/^Prueba\w+ Quintanilla$/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "names-queue-create-es-desktop");
    await createCard.getByTestId("name-create-submit").click();
    await expect(createCard).toHaveCount(0);
    await expect(page.getByTestId("name-queue-status")).toContainText("Se registró a Nazario Anacleto");

    // Another: nobody on record (announced, not seen).
    const rejectCard = card(page, strangerToReject);
    await rejectCard.getByTestId("name-line-reject").click();
    await expect(rejectCard).toHaveCount(0);
    await expect(page.getByTestId("name-queue-status")).toContainText("quedó como anunciado y no visto");
    await expect(page.getByTestId("name-queue-empty")).toBeVisible();
    await expect(page.getByTestId("name-queue-pending")).toHaveText("No hay nombres esperando cotejo.");

    // The public tally: two matched to verified releases, two to unverified ones (one a new person), one unmatched.
    await expect.poll(() => listFigures(page, announcementId)).toEqual({ names: 5, matchedVerified: 2, matchedUnverified: 2, unmatched: 1 });
    const { db } = await import("../lib/db/client.ts");
    const lines = await db().announcedName.findMany({ where: { announcementId }, orderBy: { position: "asc" } });
    expect(lines.map((line) => line.linkMethod)).toEqual(["automatic", "automatic", "confirmed", "created", "rejected"]);
    expect(lines.slice(2).every((line) => line.decidedById === moderator.id)).toBe(true);

    // Undo the last decision: the line is back in the queue, and in the figures.
    await page.getByTestId("name-queue-undo").click();
    await expect(card(page, strangerToReject)).toHaveCount(1);
    await expect.poll(async () => (await db().announcedName.findFirstOrThrow({ where: { announcementId, nameAsPrinted: strangerToReject } })).linkMethod).toBe("pending");

    // The public list shows each line's state; the new person is initials-only by default, so their line
    // reads like one nobody matched: the printed full name beside their record would name them (rule 4).
    const publicList = await (await page.request.get(`/api/v1/announcements/${announcementId}/names`)).json();
    expect(publicList.lines.map((line: { state: string }) => line.state)).toEqual(["verified", "unverified", "verified", "unmatched", "pending"]);
    expect(publicList.lines[0].person).toEqual({ id: verified.id, name: `Evaristo Jacinto ${verified.surname} Salcedo` });
    expect(publicList.lines[3].person).toBeNull();
  });

  test("a list in a Latin-1 CSV file is read right, and loading it again adds nothing", async ({ page }) => {
    test.setTimeout(120_000);
    const moderator = await seedUser("moderator", "names-file");
    const announcementId = await newAnnouncement(moderator, `Ministerio (archivo e2e ${syntheticSurname()})`);
    const word = syntheticSurname();
    const csv = Buffer.from(`nombre;cedula\r\n${word.toUpperCase()} PEÑA JOSÉ;\r\nÁLVAREZ ${word.toUpperCase()} MARÍA;\r\n`, "latin1");
    await signInAs(page, moderator);
    for (const round of [1, 2]) {
      await openListPage(page, announcementId);
      await page.getByTestId("name-list-file").setInputFiles({ name: "lista oficial.csv", mimeType: "text/csv", buffer: csv });
      await page.getByTestId("name-list-submit").click();
      await expect(page.getByTestId("name-list-status")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
      await expect(page.getByTestId("name-list-status")).toContainText(round === 1 ? "2 nuevas" : "ninguna nueva");
    }
    const { db } = await import("../lib/db/client.ts");
    const names = (await db().announcedName.findMany({ where: { announcementId }, orderBy: { position: "asc" } })).map((line) => line.nameAsPrinted);
    expect(names).toEqual([`${word.toUpperCase()} PEÑA JOSÉ`, `ÁLVAREZ ${word.toUpperCase()} MARÍA`]);
    await expect(page.getByTestId("name-list-recent")).toContainText("lista oficial.csv");

    // A file that is not a list is refused next to the form, in the user's language.
    await page.getByTestId("name-list-again").click();
    await page.getByTestId("name-list-file").setInputFiles({ name: "foto.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) });
    await page.getByTestId("name-list-submit").click();
    await expect(page.getByTestId("name-list-problem")).toHaveText("Este archivo no es de texto. Guárdelo como CSV o como texto, con un nombre por línea.");
  });

  test("volunteers cannot open the matching queue or load a list, and see no link to them", async ({ page }) => {
    const volunteer = await seedUser("volunteer", "names-volunteer");
    const moderator = await seedUser("moderator", "names-owner", { secondFactor: true });
    const announcementId = await newAnnouncement(moderator, `Anuncio (voluntario e2e ${syntheticSurname()})`);
    await signInAs(page, volunteer);
    await page.goto("/cotejo");
    await expect(page.getByTestId("access-denied")).toBeVisible();
    await expect(page.getByTestId("nav-cotejo")).toHaveCount(0);
    await page.goto(`/anuncios/${announcementId}/lista`);
    await expect(page.getByTestId("access-denied")).toBeVisible();
    expect((await page.request.get("/api/v1/names/queue")).status()).toBe(403);
    const load = await page.request.post(`/api/v1/announcements/${announcementId}/names`, { headers: { "Content-Type": "text/plain" }, data: "JOSÉ PEÑA\n" });
    expect(load.status()).toBe(403);
  });

  for (const lang of LANGUAGES) {
    for (const [device, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`the list page and the queue look right and pass axe (${lang}, ${device})`, async ({ browser, baseURL }) => {
        test.setTimeout(120_000);
        const moderator = await seedUser("moderator", `names-look-${lang}-${device}`);
        const announcementId = await newAnnouncement(moderator, lang === "es" ? "Asamblea Nacional" : "National Assembly");
        const known = await person("Eleuterio Bonifacio", true);
        const misspelt = known.printed.replace(/^(PRUEBA.)(.)/, (_, head: string, vowel: string) => head + (vowel === "O" ? "U" : "O"));
        const list = `${known.printed}\n${misspelt}, C.I. V-8.123.456\n${syntheticSurname().toUpperCase()} ARIAS HERMINIA\n`;
        const { startNameListImport, processNameListImport } = await import("../lib/names/import.ts");
        const { importId } = await startNameListImport(actorFor(moderator), announcementId, { bytes: Buffer.from(list, "utf8"), type: "plain" }, { enqueue: false });
        await processNameListImport(importId);

        const page = await (await contextIn(browser, lang, { viewport, baseURL: baseURL! })).newPage();
        await signInAs(page, moderator);
        await openListPage(page, announcementId);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "es" ? "Lista de nombres" : "Name list");
        await expectNoSeriousA11yViolations(page);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `names-list-${lang}-${device}`);

        await openQueue(page, announcementId);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "es" ? "Cotejo de nombres" : "Name matching");
        await expect(page.getByTestId("name-line")).toHaveCount(2);
        await expect(page.getByTestId("name-line-identifier")).toHaveText(lang === "es" ? "Cédula impresa: V-8.123.456" : "Printed cédula: V-8.123.456");
        // Someone else, found by search among everyone on record.
        const first = page.getByTestId("name-line").first();
        await first.getByTestId("name-line-search").fill(`Eleuterio Bonifacio ${known.surname}`);
        await first.getByTestId("name-line-search-button").click();
        await expect(first.locator(`[data-testid="name-candidate"][data-person-id="${known.id}"]`)).toHaveCount(1);
        await expectNoSeriousA11yViolations(page);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `names-queue-${lang}-${device}`);
        await page.context().close();
      });
    }
  }
});
