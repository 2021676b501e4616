// The result charts on the seeded demo's closed votes, at a desktop's and a 360-px phone's width:
// each is an image with a name and description, prints the same numbers as the table or list
// beside it (its text alternative), and never makes the page scroll sideways.
import type { Page } from "@playwright/test";
import { demo, expect, signInAs, test } from "./fixtures";

async function openProposal(page: Page, council: string, title: RegExp) {
  await page.goto(`/councils/${council}`);
  await page.getByRole("link", { name: title }).first().click();
  await page.waitForURL(/\/proposals\//);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function expectNoSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

const firstLine = (s: string) => s.trim().split("\n")[0]!.trim();

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } } as const;

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`at ${name} width`, () => {
    test.use({ viewport });

    test("a motion's tally, pass line and turnout against quorum", async ({ page }) => {
      await signInAs(page.request, demo("ada"));
      await openProposal(page, "green-basket-members", /Join the city's surplus food pick-up/);
      const tally = page.getByRole("img", { name: "Votes by choice" });
      await expect(tally).toBeVisible();
      await expect(tally).toHaveAccessibleDescription(/Simple majority/);
      const legend = page.getByTestId("tally-chart").getByRole("listitem");
      for (const [i, choice] of ["yes", "no", "abstain"].entries()) {
        const [count, share] = (await page.getByTestId(`tally-${choice}`).innerText()).trim().split(/\s+/);
        await expect(legend.nth(i)).toContainText(`${count}`);
        await expect(legend.nth(i)).toContainText(`${share}`);
      }
      const turnout = page.getByRole("img", { name: "Turnout against quorum" });
      await expect(turnout).toBeVisible();
      await expect(turnout).toHaveAccessibleDescription(new RegExp(`^${await page.getByTestId("turnout").innerText()} eligible members have voted`));
      await expectNoSideScroll(page);
    });

    test("an election's STV stages, with elected and excluded candidates named", async ({ page }) => {
      await signInAs(page.request, demo("ada"));
      await openProposal(page, "green-basket-members", /Election: Purchasing committee \(3 seats\)/);
      const table = page.getByTestId("stage-table");
      const stageCount = (await table.locator("thead th").count()) - 1;
      expect(stageCount).toBeGreaterThan(1);
      const charts = page.getByTestId("stage-chart").getByRole("img");
      await expect(charts).toHaveCount(stageCount);
      const first = page.getByRole("img", { name: /^Stage 1: First preferences/ });
      await expect(first).toBeVisible();
      await expect(first).toHaveAccessibleDescription(/quota/);
      // Stage 1's bars carry the same votes as the table's first column, candidate by candidate.
      const rows = table.locator("tbody tr");
      const candidates = (await rows.count()) - 2; // less non-transferable and truncation
      for (let r = 0; r < candidates; r++) {
        const who = (await rows.nth(r).locator("th").innerText()).trim();
        const votes = firstLine(await rows.nth(r).locator("td").first().innerText());
        await expect(first.locator("div.min-w-0").filter({ hasText: who })).toContainText(votes);
      }
      // The last stage names its winners beside their bars.
      await expect(charts.last()).toContainText("Elected");
      await expectNoSideScroll(page);
    });

    test("a federation motion's mandates, council by council", async ({ page }) => {
      await signInAs(page.request, demo("ada"));
      await openProposal(page, "linden-street-federation", /Admit Spoke/);
      const total = page.getByRole("img", { name: "The federation's count: mandates by weight" });
      await expect(total).toBeVisible();
      const tally = page.getByTestId("federation-tally").locator("dd");
      const legend = page.getByTestId("federation-chart").getByRole("listitem");
      for (let i = 0; i < 3; i++) await expect(legend.nth(i)).toContainText((await tally.nth(i).innerText()).trim());
      const councils = page.getByRole("img", { name: "How each member council decided" });
      await expect(councils).toBeVisible();
      await expect(councils).toHaveAccessibleDescription(/mandate its delegates carry/);
      const mandates = page.getByTestId("mandates").getByRole("listitem");
      expect(await mandates.count()).toBeGreaterThan(0);
      for (let i = 0; i < await mandates.count(); i++) {
        const text = await mandates.nth(i).innerText();
        const [, yes, no, abstain] = /(\d+) yes, (\d+) no, (\d+) abstain/.exec(text)!;
        const council = firstLine(text).replace(/Mandate:.*$/, "").trim();
        const row = councils.locator("div.min-w-0").filter({ hasText: council }).first();
        await expect(row).toContainText(`Yes ${yes} · No ${no} · Abstain ${abstain}`);
      }
      await expectNoSideScroll(page);
    });
  });
}

// The charts take their words from the catalogue: a Spanish reader hears a Spanish name and
// description (Accept-Language picks the language, as in i18n.spec.ts).
test("a chart's accessible name and description are in the reader's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-ES" });
  await signInAs(context.request, demo("ada"));
  const page = await context.newPage();
  await openProposal(page, "green-basket-members", /Join the city's surplus food pick-up/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const tally = page.getByRole("img", { name: "Votos por opción" });
  await expect(tally).toBeVisible();
  await expect(tally).toHaveAccessibleDescription(/^Mayoría simple.*Las abstenciones no cuentan/);
  await expect(page.getByTestId("tally-chart").getByRole("listitem").first()).toContainText("Sí");
  const turnout = page.getByRole("img", { name: "Participación frente al quórum" });
  await expect(turnout).toHaveAccessibleDescription(/miembros con derecho a voto han votado/);
  await context.close();
});
