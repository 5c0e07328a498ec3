import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectToAppDatabase, seedToken, seedUser, signInAs, type SeededUser } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { randomCedula, seedRelease, seedReview, testFacility, type SeededRelease } from "./support/review.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * The review queue (/revision): maker-checker through the screen, the
 * moderator's own reports, volunteers kept out, optimistic decisions that
 * roll back, the keyboard, and how it looks.
 */

const queueUrl = (facility: string, waiting: "mine" | "all" = "mine") =>
  `/revision?facility=${encodeURIComponent(facility)}${waiting === "all" ? "&waiting=all" : ""}`;

/** Opens the queue and waits until it answers the keyboard (hydrated). */
async function openQueue(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("review-queue")).toHaveAttribute("data-ready", "true");
}

const itemOf = (page: Page, release: SeededRelease): Locator =>
  page.locator(`[data-testid="review-item"][data-release-id="${release.releaseId}"]`);

const NAMES = [
  ["Luis Alfonso", "Barrios Quintero"],
  ["Maikel José", "Rangel Pacheco"],
  ["Rosángela", "Figueroa de Ávila"],
  ["Wilmer Enrique", "Salcedo Bracho"],
  ["Dayana Beatriz", "Córdova Mújica"],
] as const;
let nameIndex = 0;
const nextName = () => {
  const [givenNames, surnames] = NAMES[nameIndex++ % NAMES.length]!;
  return { givenNames, surnames };
};

test.describe("review queue", () => {
  test.beforeAll(connectToAppDatabase);

  test("two moderators verify a volunteer's release in the queue (button, then the a key)", async ({ page, browser }) => {
    const volunteer = await seedUser("volunteer");
    const moderatorA = await seedUser("moderator", "mod-a");
    const moderatorB = await seedUser("moderator", "mod-b");
    const facility = testFacility("verificar");
    const first = await seedRelease(volunteer, { facility, ...nextName(), cedula: randomCedula(), evidence: "photo" });
    const second = await seedRelease(volunteer, { facility, ...nextName(), evidence: "link" });

    await signInAs(page, moderatorA);
    await openQueue(page, queueUrl(facility));
    await expect(page.getByTestId("review-item")).toHaveCount(2);
    const firstItem = itemOf(page, first);
    // Everything the moderator needs to decide is on the item.
    await expect(firstItem).toContainText(first.name);
    await expect(firstItem).toContainText(facility);
    await expect(firstItem).toContainText("Con medidas cautelares");
    await expect(firstItem).toContainText("Nota de prensa");
    await expect(firstItem.getByTestId("review-evidence-image")).toHaveAttribute("alt", /Foto o video: Foto a la salida/);
    await expect(firstItem.getByTestId("review-evidence-image")).toHaveJSProperty("complete", true);
    expect(await firstItem.getByTestId("review-evidence-image").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(firstItem.getByTestId("review-approvals")).toHaveText("Aprobaciones: 0 de 2");

    await firstItem.getByTestId("review-approve").click();
    await expect(page.getByTestId("review-status")).toHaveText(`Aprobada: ${first.name}. 1 de 2 aprobaciones.`);
    await expect(firstItem).toHaveCount(0);
    // Focus moved on to the next release: the a key approves it.
    const secondItem = itemOf(page, second);
    await expect(secondItem).toBeFocused();
    await page.keyboard.press("a");
    await expect(page.getByTestId("review-status")).toHaveText(`Aprobada: ${second.name}. 1 de 2 aprobaciones.`);
    await expect(page.getByTestId("review-item")).toHaveCount(0);
    await expect(page.getByTestId("review-empty")).toHaveText("Ninguna liberación en revisión coincide con estos filtros.");

    // The server agrees: neither waits for A any more; in "all" they show A's decision.
    await page.reload();
    await expect(page.getByTestId("review-empty")).toBeVisible();
    await openQueue(page, queueUrl(facility, "all"));
    await expect(itemOf(page, first).getByTestId("review-decision-note")).toHaveText("Usted ya decidió en esta ronda (Aprobó).");
    await expect(itemOf(page, first).getByTestId("review-decisions")).toContainText("mod-a e2e: Aprobó");

    // Moderator B gives the second approval: verified.
    const contextB = await browser.newContext();
    const pageB = await contextB.newPage();
    await signInAs(pageB, moderatorB);
    await openQueue(pageB, queueUrl(facility));
    await expect(itemOf(pageB, first).getByTestId("review-approvals")).toHaveText("Aprobaciones: 1 de 2");
    await itemOf(pageB, first).getByTestId("review-approve").click();
    await expect(pageB.getByTestId("review-status")).toHaveText(`Verificada: ${first.name}.`);
    await expect(itemOf(pageB, first)).toHaveCount(0);
    await contextB.close();

    const publicView = await page.request.get(`/api/v1/persons/${first.personId}`);
    expect(publicView.status()).toBe(200);
    expect((await publicView.json()).status).toBe("release_verified");
    // The public page (built alongside): it says so too, when it is there.
    const response = await page.goto(`/persona/${first.personId}`);
    if (response?.status() !== 404) await expect(page.locator("main")).toContainText(/verificad/i);
  });

  test("a moderator's own report is marked, cannot be approved, and the API refuses it", async ({ page }) => {
    const moderator = await seedUser("moderator", "reporter-mod");
    const facility = testFacility("propia");
    const own = await seedRelease(moderator, { facility, ...nextName(), evidence: "link" });

    await signInAs(page, moderator);
    await openQueue(page, queueUrl(facility));
    await expect(page.getByTestId("review-empty")).toBeVisible();
    await expect(itemOf(page, own)).toHaveCount(0);

    await openQueue(page, queueUrl(facility, "all"));
    const item = itemOf(page, own);
    await expect(item.getByTestId("review-own-report")).toHaveText("Reportada por usted");
    await expect(item.getByTestId("review-approve")).toHaveCount(0);
    await expect(item.getByTestId("review-reject")).toHaveCount(0);
    await expect(item.getByTestId("review-decision-note")).toHaveText("Usted reportó esta liberación: otra persona debe revisarla.");
    // The keyboard does not get round it either: nothing is sent.
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/reviews")) posts.push(request.url());
    });
    await item.focus();
    await page.keyboard.press("a");
    await expect(page.getByTestId("review-status")).toHaveText(`Usted reportó esta liberación: otra persona debe revisarla. (${own.name})`);
    expect(posts).toEqual([]);

    const forced = await page.request.post(`/api/v1/releases/${own.releaseId}/reviews`, { data: { decision: "approve" } });
    expect(forced.status()).toBe(403);
    expect((await forced.json()).error.code).toBe("forbidden");
    await screenshot(page, "review-own-report-es-desktop");
  });

  test("a volunteer never sees the queue", async ({ page }) => {
    const volunteer = await seedUser("volunteer");
    await signInAs(page, volunteer);
    await page.goto("/");
    await expect(page.getByTestId("viewer-name")).toBeVisible();
    await expect(page.getByTestId("nav-revision")).toHaveCount(0);
    await page.goto("/revision");
    await expect(page.getByTestId("access-denied")).toBeVisible();
    await expect(page.getByTestId("review-list")).toHaveCount(0);
    const api = await page.request.get("/api/v1/reviews/queue");
    expect(api.status()).toBe(403);
  });

  test("a moderator without a second factor is sent to set it up", async ({ page }) => {
    const moderator = await seedUser("moderator", "no-totp", { secondFactor: false });
    await signInAs(page, moderator);
    await page.goto("/revision");
    await expect(page).toHaveURL(/\/cuenta\/verificacion$/);
  });

  test("a refused decision rolls back: the item comes back with the server's reason", async ({ page }) => {
    const volunteer = await seedUser("volunteer");
    const moderator = await seedUser("moderator", "mod-rollback");
    const other = await seedUser("moderator", "mod-other");
    const facility = testFacility("revertir");
    const contested = await seedRelease(volunteer, { facility, ...nextName(), evidence: "link" });
    const calm = await seedRelease(volunteer, { facility, ...nextName(), evidence: "link" });

    await signInAs(page, moderator);
    await openQueue(page, queueUrl(facility));
    await expect(page.getByTestId("review-item")).toHaveCount(2);
    await expect(page.getByTestId("review-counts")).toContainText("esperan su decisión");

    // Another moderator rejects it through the API just before the click.
    const token = await seedToken(other);
    const rejected = await page.request.post(`/api/v1/releases/${contested.releaseId}/reviews`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { decision: "reject", reason: "La persona sigue detenida según su abogado." },
    });
    expect(rejected.status()).toBe(201);

    // A slow network, so that the optimistic update can be seen before the answer.
    await page.route("**/api/v1/releases/*/reviews", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const item = itemOf(page, contested);
    await item.getByTestId("review-approve").click();
    await expect(item).toHaveCount(0); // gone at once…
    await expect(item).toBeVisible(); // …and back when the server says no
    const expected = `No se registró la decisión sobre ${contested.name}. Ya no espera revisión: otra persona la decidió o cambió su estado mientras tanto.`;
    await expect(item.getByTestId("review-item-problem")).toHaveText(expected);
    await expect(page.getByTestId("review-status")).toHaveText(expected);
    await expect(page.getByTestId("review-status")).toHaveAttribute("data-tone", "error");
    await expect(item.getByTestId("review-approvals")).toHaveText("Aprobaciones: 0 de 2");
    await screenshot(page, "review-refused-es-desktop");

    // The next decision goes through, and the refreshed list drops the rejected release.
    await itemOf(page, calm).getByTestId("review-approve").click();
    await expect(page.getByTestId("review-status")).toHaveText(`Aprobada: ${calm.name}. 1 de 2 aprobaciones.`);
    await expect(page.getByTestId("review-item")).toHaveCount(0);
  });

  test("the keyboard: j/k and arrows move, a explains a release without evidence, r and e ask for a reason", async ({ page }) => {
    const volunteer = await seedUser("volunteer");
    const moderator = await seedUser("moderator", "mod-keys");
    const facility = testFacility("teclado");
    const bare = await seedRelease(volunteer, { facility, ...nextName(), evidence: "none" });
    const toReject = await seedRelease(volunteer, { facility, ...nextName(), evidence: "link" });
    const toAsk = await seedRelease(volunteer, { facility, ...nextName(), evidence: "pdf" });

    await signInAs(page, moderator);
    await openQueue(page, queueUrl(facility));
    await expect(page.getByTestId("review-item")).toHaveCount(3);
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/reviews")) posts.push(request.url());
    });

    // The help is there, folded.
    await expect(page.getByTestId("review-shortcuts")).toContainText("Atajos de teclado");
    await page.keyboard.press("?");
    await expect(page.getByTestId("review-shortcuts")).toHaveAttribute("open", "");
    await page.keyboard.press("?");

    await page.keyboard.press("j");
    const bareItem = itemOf(page, bare);
    await expect(bareItem).toBeFocused();
    await expect(bareItem).toHaveAccessibleName(new RegExp(`^${bare.name}, liberación: 12`));
    await expect(bareItem.getByTestId("review-approve")).toBeDisabled();
    await expect(bareItem.getByTestId("review-no-evidence-note")).toHaveText(
      "No se puede aprobar sin evidencia: pida más evidencia o añádala al expediente.",
    );
    await page.keyboard.press("a");
    await expect(page.getByTestId("review-status")).toHaveText(`No tiene evidencia: no se puede aprobar todavía. (${bare.name})`);
    await expect(bareItem.getByTestId("review-item-problem")).toHaveText(`No tiene evidencia: no se puede aprobar todavía. (${bare.name})`);
    await expect(bareItem).toBeVisible();

    // e opens the reason; Escape cancels and gives focus back to the item.
    await page.keyboard.press("e");
    await expect(bareItem.getByTestId("review-reason")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(bareItem.getByTestId("review-reason-form")).toHaveCount(0);
    await expect(bareItem).toBeFocused();

    await page.keyboard.press("j");
    await expect(itemOf(page, toReject)).toBeFocused();
    await page.keyboard.press("k");
    await expect(bareItem).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(itemOf(page, toReject)).toBeFocused();

    // r: the reason is required; letters typed there are text, not shortcuts.
    await page.keyboard.press("r");
    const reason = itemOf(page, toReject).getByTestId("review-reason");
    await expect(reason).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(itemOf(page, toReject).getByRole("alert")).toHaveText("Escriba el motivo.");
    await page.keyboard.type("La boleta aportada es de otra persona: ajá, no coincide.");
    await expect(reason).toHaveValue("La boleta aportada es de otra persona: ajá, no coincide.");
    expect(posts).toEqual([]);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("review-status")).toHaveText(`Rechazada: ${toReject.name}.`);
    await expect(itemOf(page, toReject)).toHaveCount(0);
    await expect(itemOf(page, toAsk)).toBeFocused();

    await page.keyboard.press("e");
    await page.keyboard.type("Falta una confirmación de la familia o del abogado.");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("review-status")).toHaveText(`Se pidió más evidencia: ${toAsk.name}.`);
    await expect(itemOf(page, toAsk)).toHaveCount(0);
    await expect(bareItem).toBeFocused();
    expect(posts).toHaveLength(2);

    // In "all", the rejected one is gone (no longer under review); the one waiting for evidence stays, with the request.
    await openQueue(page, queueUrl(facility, "all"));
    await expect(itemOf(page, toReject)).toHaveCount(0);
    await expect(itemOf(page, toAsk).getByTestId("review-decisions")).toContainText("Pidió más evidencia");
    await expect(itemOf(page, toAsk).getByTestId("review-decisions")).toContainText("Falta una confirmación de la familia");
  });

  test("pages: oldest first, more on demand, and j past the last loaded item fetches the next page", async ({ page }) => {
    // The demo's releases under review are more than one page.
    const moderator = await seedUser("moderator", "mod-pages");
    await signInAs(page, moderator);
    await openQueue(page, "/revision");
    const items = page.getByTestId("review-item");
    await expect(items).toHaveCount(20);
    await expect(page.getByTestId("review-counts")).toContainText(/^\d+ esperan su decisión · \d+ en revisión en total$/);
    await items.last().focus();
    await page.keyboard.press("j");
    await expect(items.nth(20)).toBeFocused();
    const count = await items.count();
    expect(count).toBeGreaterThan(20);
    if (count === 40) {
      await page.getByTestId("review-load-more").click();
      await expect(items).not.toHaveCount(40);
    }
    // Oldest first, each once.
    const rows = await items.evaluateAll((nodes) => nodes.map((node) => [node.getAttribute("data-created-at")!, node.getAttribute("data-release-id")!]));
    expect(new Set(rows.map(([, id]) => id)).size).toBe(rows.length);
    const times = rows.map(([at]) => at);
    expect(times).toEqual([...times].sort());
  });

  test.describe("how it looks", () => {
    let facility = "";
    let photoRelease: SeededRelease;

    test.beforeAll(async () => {
      const volunteer = await seedUser("volunteer", "voluntaria");
      const earlier = await seedUser("moderator", "moderadora");
      facility = testFacility("vista");
      photoRelease = await seedRelease(volunteer, {
        facility,
        givenNames: "Yusmary del Carmen",
        surnames: "Oropeza Lugo",
        cedula: randomCedula(),
        otherSpellings: ["Yusmari Oropeza"],
        evidence: "photo",
        conditionsDetail: "Presentación cada 30 días ante el tribunal; prohibición de salida del país.",
      });
      await seedReview(earlier, photoRelease.releaseId, "approve");
      // Someone recorded her again, spelled differently: the queue points it out.
      await seedRelease(volunteer, { facility: `${facility} (otro registro)`, givenNames: "Yusmari", surnames: "Oropeza Lugo", evidence: "none" });
      await seedRelease(volunteer, { facility, givenNames: "Luis Alfonso", surnames: "Barrios Quintero", evidence: "pdf", releasedOn: "2026-01" });
      await seedRelease(volunteer, { facility, givenNames: "Maikel José", surnames: "Rangel Pacheco", evidence: "none", releasedOn: null, conditions: "unknown" });
    });

    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      for (const lang of ["es", "en"] as const) {
        test(`the queue on a ${size} in ${lang}: fits, passes axe, screenshot`, async ({ browser }) => {
          const context = await browser.newContext({
            viewport,
            locale: lang === "es" ? "es-VE" : "en-US",
            extraHTTPHeaders: { "Accept-Language": lang },
            isMobile: size === "phone",
          });
          const page = await context.newPage();
          const consoleErrors: string[] = [];
          page.on("console", (message) => {
            if (message.type() === "error") consoleErrors.push(message.text());
          });
          const moderator: SeededUser = await seedUser("moderator", `mod-${lang}-${size}`);
          await signInAs(page, moderator);
          await openQueue(page, queueUrl(facility));
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          await expect(page.getByTestId("review-item")).toHaveCount(3);
          // Focus on the first item looks up the other records of the same person.
          await page.keyboard.press("j");
          const first = itemOf(page, photoRelease);
          const duplicate = first.getByTestId("review-duplicate").filter({ hasText: "Yusmari Oropeza Lugo" }).first();
          await expect(duplicate).toBeVisible();
          await expect(duplicate.getByTestId("review-duplicate-merge")).toHaveAttribute(
            "href",
            new RegExp(`^/fusionar\\?a=${photoRelease.personId}&b=[0-9a-f-]{36}$`),
          );
          await expect(first.getByTestId("review-evidence-image")).toHaveJSProperty("complete", true);
          expect(await horizontalOverflow(page), "the queue scrolls sideways").toBeLessThanOrEqual(0);
          await expectNoSeriousA11yViolations(page);
          await screenshot(page, `review-${lang}-${size}`);

          if (size === "phone") {
            await page.keyboard.press("r");
            await expect(first.getByTestId("review-reason")).toBeFocused();
            await expectNoSeriousA11yViolations(page);
            await first.screenshot({ path: `e2e/artifacts/review-reason-${lang}-phone.png` });
          }
          expect(consoleErrors, "errors in the browser console").toEqual([]);
          await context.close();
        });
      }
    }
  });
});
