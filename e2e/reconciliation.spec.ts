import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import type { PublicTally } from "../lib/tally/public.ts";
import { connectToAppDatabase, seedUser, signInAs } from "./support/app.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { contextIn, LANGUAGES, seedEvidence, seedPerson, seedRelease, syntheticSurname, verifyRelease } from "./support/people.ts";
import { DESKTOP, horizontalOverflow, PHONE, screenshot } from "./support/screens.ts";

/**
 * The public reconciliation pages (/anuncios, /anuncios/{id}, /anuncios/cambios):
 * every figure on them is the public tally's, the same as GET /api/v1/tally,
 * for today and for any past day; on a phone and a desktop, in both languages.
 */

const EARLIER = "2026-01-14";

async function tallyOf(request: APIRequestContext, asOf?: string): Promise<PublicTally> {
  const response = await request.get(`/api/v1/tally${asOf ? `?asOf=${asOf}` : ""}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as PublicTally;
}

const figure = (value: number | null) => (value === null ? "" : String(value));

/** The headline and every announcement's figures on the page are the tally's. */
async function expectPageToShow(page: Page, tally: PublicTally, items: "reconciliation-card" | "reconciliation-row") {
  await expect(page.getByTestId("headline-verified")).toHaveAttribute("data-value", String(tally.releases.verified));
  await expect(page.getByTestId("headline-reported")).toHaveAttribute("data-value", String(tally.releases.reported));
  await expect(page.getByTestId("headline-withheld")).toHaveAttribute("data-value", String(tally.releases.verifiedWithheld));
  const shown = page.getByTestId(items);
  await expect(shown).toHaveCount(tally.announcements.length);
  for (const [index, a] of tally.announcements.entries()) {
    const item = shown.nth(index);
    await expect(item).toHaveAttribute("data-announcement-id", a.id);
    await expect(item).toHaveAttribute("data-verified", figure(a.verifiedInScope));
    await expect(item).toHaveAttribute("data-reported", figure(a.reportedInScope));
    await expect(item).toHaveAttribute("data-gap", figure(a.gap));
    if (a.verifiedInScope !== null) await expect(item.getByTestId("figure-verified")).toHaveText(String(a.verifiedInScope));
  }
}

const itemOf = (page: Page, testId: string, id: string): Locator => page.locator(`[data-testid="${testId}"][data-announcement-id="${id}"]`);

test.describe("reconciliation pages", () => {
  test.beforeAll(connectToAppDatabase);

  test("a visitor on a phone sees every announcement against the tally, and the chart with its text alternative", async ({ browser, baseURL }) => {
    const page = await (await contextIn(browser, "es", { viewport: PHONE, baseURL: baseURL! })).newPage();
    const tally = await tallyOf(page.request);
    expect(tally.announcements.length).toBeGreaterThan(10);
    expect(tally.releases.verified).toBeGreaterThan(0);

    await page.goto("/anuncios");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anuncios y cifras");
    await expect(page.getByTestId("as-of-state")).toHaveAttribute("data-as-of", tally.asOf);
    // On a phone: cards, not the wide table.
    await expect(page.getByTestId("reconciliation-table")).toBeHidden();
    await expectPageToShow(page, tally, "reconciliation-card");
    expect(await horizontalOverflow(page), "/anuncios scrolls sideways").toBeLessThanOrEqual(0);

    // The claims read with their qualifiers, and the gap keeps them.
    const an = tally.announcements.find((a) => a.claimed.qualifier === "at_least" && a.measure === "released" && a.gap !== null && a.gap > 0)!;
    const anCard = itemOf(page, "reconciliation-card", an.id);
    await expect(anCard.getByTestId("claimed")).toHaveText(`al menos ${(an.claimed as { value: number }).value}`);
    await expect(anCard.getByTestId("figure-gap")).toHaveText(`al menos ${an.gap} sin verificar`);
    const range = tally.announcements.find((a) => a.claimed.qualifier === "range");
    if (range) await expect(itemOf(page, "reconciliation-card", range.id).getByTestId("claimed")).toHaveText(/^entre \d+ y \d+$/);
    const detained = tally.announcements.find((a) => a.measure === "detained");
    if (detained) {
      await expect(itemOf(page, "reconciliation-card", detained.id).getByTestId("figure-not-compared")).toHaveText(
        "No se compara: es una cifra de personas presas, no de excarcelaciones.",
      );
    }
    await expect(page.locator("main")).toContainText("nunca se suman");

    // The chart: one mark per announcement about releases, with the same facts in words below it.
    const drawing = page.getByTestId("reconciliation-chart-drawing");
    await expect(drawing.locator("svg.recharts-surface")).toBeVisible();
    const released = tally.announcements.filter((a) => a.measure === "released");
    await expect(drawing.locator("g > title")).toHaveCount(released.length);
    await expect(page.getByTestId("chart-summary")).toContainText(`a ${tally.series.at(-1)!.verifiedCumulative} el`);
    const alternative = page.getByTestId("chart-alternative");
    await alternative.locator("summary").click();
    await expect(alternative.getByRole("table")).toBeVisible();
    await expect(alternative.getByRole("table")).toContainText(released[0]!.claimant);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  test("picking an earlier day shows the page as it stood then", async ({ page }) => {
    const [today, earlier] = await Promise.all([tallyOf(page.request), tallyOf(page.request, EARLIER)]);
    expect(earlier.releases.verified).not.toBe(today.releases.verified);

    await page.setViewportSize(DESKTOP);
    await page.goto("/anuncios");
    await page.getByTestId("as-of-input").fill(EARLIER);
    await page.getByTestId("as-of-submit").click();
    await expect(page).toHaveURL(new RegExp(`/anuncios\\?asOf=${EARLIER}$`));
    await expect(page.getByTestId("as-of-state")).toContainText("tal como estaban al final del 14 ene 2026");
    await expectPageToShow(page, earlier, "reconciliation-row");
    expect(earlier.announcements.length).toBeLessThan(today.announcements.length);

    // Links keep the day: an announcement's page shows its figures as of then.
    const first = earlier.announcements.find((a) => a.verifiedInScope !== null)!;
    await itemOf(page, "reconciliation-row", first.id).getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/anuncios/${first.id}\\?asOf=${EARLIER}$`));
    await expect(page.getByTestId("detail-figures")).toHaveAttribute("data-verified", figure(first.verifiedInScope));
    await page.getByTestId("back-to-announcements").click();
    await expect(page).toHaveURL(new RegExp(`/anuncios\\?asOf=${EARLIER}$`));
    await page.getByTestId("as-of-today").click();
    await expect(page.getByTestId("headline-verified")).toHaveAttribute("data-value", String(today.releases.verified));
  });

  test("a release verified by two moderators moves the figures on the page at once", async ({ page }) => {
    const volunteer = await seedUser("volunteer", "recon-vol");
    const moderators = [await seedUser("moderator", "recon-mod-a"), await seedUser("moderator", "recon-mod-b")] as const;
    const surname = syntheticSurname();
    const person = await seedPerson(volunteer, { givenNames: "Reconciliada", surnames: surname, disclosure: "public" });
    const release = await seedRelease(volunteer, person.id, { releasedOn: "2026-01-12" });
    await seedEvidence(volunteer, release.id);

    const before = await tallyOf(page.request);
    await page.setViewportSize(DESKTOP);
    await page.goto("/anuncios");
    await expectPageToShow(page, before, "reconciliation-row");
    // A visitor who is not signed in gets the page the web server keeps (lib/runtime/public-cache.ts)…
    // (polled: a background job may write to the record between two visits, and that is a change too)
    await expect.poll(async () => (await page.goto("/anuncios"))?.headers()["x-constancia-cache"]).toBe("hit");
    // "Más de 400 desde diciembre": a cumulative claim that covers a release of 12 January.
    const since = before.announcements.find((a) => a.covers.basis === "cumulative_since" && a.covers.from! <= "2026-01-12" && a.verifiedInScope !== null)!;

    await verifyRelease(release.id, moderators);

    const after = await tallyOf(page.request);
    expect(after.releases.verified).toBe(before.releases.verified + 1);
    // …until the record changes: the very next visit is rendered again, with the new figures.
    const refreshed = await page.reload();
    expect(refreshed?.headers()["x-constancia-cache"]).toBe("fill");
    await expectPageToShow(page, after, "reconciliation-row");
    await expect(itemOf(page, "reconciliation-row", since.id)).toHaveAttribute("data-verified", String(since.verifiedInScope! + 1));
    await expect(page.getByTestId("chart-summary")).toContainText(`a ${after.series.at(-1)!.verifiedCumulative} el`);

    // And "what changed" today lists it, by name.
    await page.goto("/anuncios/cambios");
    await expect(page.getByTestId("changes-verified")).toContainText(`Reconciliada ${surname}`);
  });

  test("a date that cannot be used is said in the page, which shows today", async ({ page }) => {
    const today = await tallyOf(page.request);
    for (const [asOf, message] of [
      ["2026-13-45", "«2026-13-45» no es una fecha que podamos leer"],
      ["ayer", "«ayer» no es una fecha"],
      ["2099-01-01", "todavía no ha llegado"],
      ["1999-12-31", "anteriores al año 2000"],
    ] as const) {
      const response = await page.goto(`/anuncios?asOf=${encodeURIComponent(asOf)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId("as-of-problem")).toContainText(message);
      await expect(page.getByTestId("as-of-input")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByTestId("headline-verified")).toHaveAttribute("data-value", String(today.releases.verified));
    }
    const response = await page.goto("/anuncios/cambios?from=2026-01-20&to=2026-01-14");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("changes-problem")).toContainText("es posterior a la segunda");
    // The API says the same in its own way.
    expect((await page.request.get("/api/v1/tally?asOf=2099-01-01")).status()).toBe(400);
  });

  test("an announcement's page and its CSV download; moderators get their links", async ({ page, browser, baseURL }) => {
    const tally = await tallyOf(page.request);
    const withList = tally.announcements.find((a) => a.list !== null && a.list.names > 0);
    const chosen = withList ?? tally.announcements.find((a) => a.verifiedInScope !== null)!;

    await page.goto(`/anuncios/${chosen.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(chosen.claimant);
    await expect(page.getByTestId("detail-figures")).toHaveAttribute("data-verified", figure(chosen.verifiedInScope));
    await expect(page.getByTestId("detail-figures")).toHaveAttribute("data-gap", figure(chosen.gap));
    await expect(page.getByTestId("moderator-links")).toHaveCount(0);
    if (withList) {
      await expect(page.getByTestId("detail-list-names")).toContainText(String(withList.list!.names));
      const lines = page.getByTestId("list-line");
      await expect(lines).toHaveCount(Math.min(withList.list!.names, 100));
      // The lines agree with the tally's breakdown (when the whole list is on one page). A line linked to a
      // withheld person reads "announced, not seen", so the lines shown verified are at most the tally's count.
      if (withList.list!.names <= 100) {
        const verifiedLines = await page.locator('[data-testid="list-line"][data-state="verified"]').count();
        const notSeenLines = await page.locator('[data-testid="list-line"][data-state="unmatched"], [data-testid="list-line"][data-state="pending"]').count();
        if (withList.list!.matchedVerified !== null) expect(verifiedLines).toBeLessThanOrEqual(withList.list!.matchedVerified);
        expect(notSeenLines).toBeGreaterThanOrEqual(withList.list!.unmatched);
      }
    }

    const download = page.waitForEvent("download");
    await page.getByTestId("detail-csv").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^anuncio-.*\.csv$/);
    const csv = await page.request.get(`/anuncios/${chosen.id}/csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString("utf8"), { bom: true, relax_column_count: true }) as string[][];
    expect(records[0]).toEqual(["Dato", "Valor"]);
    expect(records.find((r) => r[0] === "Anuncio")?.[1]).toBe(chosen.claimant);
    expect(records.find((r) => r[0] === "Liberaciones verificadas en lo que abarca")?.[1]).toBe(figure(chosen.verifiedInScope));
    if (withList) expect(records.filter((r) => /^\d+$/.test(r[0] ?? "") && r.length === 5)).toHaveLength(withList.list!.names);
    // As of an earlier day, the same figures as the API gives for it.
    const earlier = (await tallyOf(page.request, EARLIER)).announcements.find((a) => a.id === chosen.id);
    const earlierCsv = parse((await (await page.request.get(`/anuncios/${chosen.id}/csv?asOf=${EARLIER}`)).body()).toString("utf8"), {
      bom: true,
      relax_column_count: true,
    }) as string[][];
    expect(earlierCsv.find((r) => r[0] === "Cifras al final del día")?.[1]).toBe(EARLIER);
    if (earlier) expect(earlierCsv.find((r) => r[0] === "Liberaciones verificadas en lo que abarca")?.[1]).toBe(figure(earlier.verifiedInScope));
    expect((await page.request.get(`/anuncios/${chosen.id}/csv?asOf=mañana`)).status()).toBe(400);
    expect((await page.request.get("/anuncios/00000000-0000-7000-8000-000000000000/csv")).status()).toBe(404);
    expect((await page.goto("/anuncios/no-es-un-id"))?.status()).toBe(404);

    const moderatorPage = await (await contextIn(browser, "es", { viewport: DESKTOP, baseURL: baseURL! })).newPage();
    await signInAs(moderatorPage, await seedUser("moderator", "recon-links"));
    await moderatorPage.goto(`/anuncios/${chosen.id}`);
    await expect(moderatorPage.getByTestId("link-edit")).toHaveAttribute("href", `/anuncios/${chosen.id}/editar`);
    await expect(moderatorPage.getByTestId("link-list")).toHaveAttribute("href", `/anuncios/${chosen.id}/lista`);
    // The visitor's copy is kept for visitors only: a moderator after them still gets their own links.
    await page.goto("/anuncios");
    await expect(page.getByTestId("link-new-announcement")).toHaveCount(0);
    const moderatorView = await moderatorPage.goto("/anuncios");
    expect(moderatorView?.headers()["x-constancia-cache"]).toBeUndefined();
    await expect(moderatorPage.getByTestId("link-new-announcement")).toHaveAttribute("href", "/anuncios/nuevo");
    await page.goto("/anuncios");
    await expect(page.getByTestId("link-new-announcement")).toHaveCount(0);
    await moderatorPage.context().close();
  });

  test("what changed between two days, with the figures at both ends", async ({ page }) => {
    const [from, to] = await Promise.all([tallyOf(page.request, "2026-01-07"), tallyOf(page.request, EARLIER)]);
    await page.goto(`/anuncios?asOf=${EARLIER}`);
    await page.getByTestId("link-changes").click();
    await expect(page).toHaveURL(new RegExp(`/anuncios/cambios\\?from=2026-01-07&to=${EARLIER}$`));
    await expect(page.getByTestId("changes-row-verified")).toHaveAttribute("data-from", String(from.releases.verified));
    await expect(page.getByTestId("changes-row-verified")).toHaveAttribute("data-to", String(to.releases.verified));
    await expect(page.getByTestId("changes-row-announcements")).toHaveAttribute("data-to", String(to.announcements.length));
    const verified = page.getByTestId("changes-verified");
    expect(Number(await verified.getAttribute("data-total"))).toBeGreaterThan(0);
    await expect(verified.getByTestId("changed-release").first()).toBeVisible();
    // The announcements recorded that week, linked as of its end.
    const recorded = page.getByTestId("changed-announcement");
    expect(await recorded.count()).toBeGreaterThan(0);
    await expect(recorded.first().getByRole("link")).toHaveAttribute("href", new RegExp(`\\?asOf=${EARLIER}$`));
  });

  for (const lang of LANGUAGES) {
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`the pages fit a ${size} in ${lang}, pass axe, and are saved as screenshots`, async ({ browser, baseURL }) => {
        test.setTimeout(240_000);
        const page = await (await contextIn(browser, lang, { viewport, baseURL: baseURL! })).newPage();
        const tally = await tallyOf(page.request);
        const withList = tally.announcements.find((a) => a.list !== null) ?? tally.announcements[0]!;
        for (const [name, path] of [
          ["index", "/anuncios"],
          ["earlier", `/anuncios?asOf=${EARLIER}`],
          ["problem", "/anuncios?asOf=2099-01-01"],
          ["detail", `/anuncios/${withList.id}`],
          ["changes", `/anuncios/cambios?from=2026-01-07&to=${EARLIER}`],
        ] as const) {
          await page.goto(path);
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          if (name === "index" || name === "earlier") await expect(page.locator("svg.recharts-surface")).toBeVisible();
          expect(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          await expectNoSeriousA11yViolations(page);
          await screenshot(page, `reconciliation-${name}-${lang}-${size}`);
        }
        await page.context().close();
      });
    }
  }
});
