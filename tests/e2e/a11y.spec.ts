// Every page passes axe-core at WCAG 2.2 AA with real seeded data, signed out and signed in: the
// pages are found by following the links a member would, so a new page is checked once it is linked.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectAccessible(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  expect(summary, `axe violations on ${path}`).toEqual([]);
}

/** Links on the current page to pages of the app, without query strings or fragments. */
async function linksOn(page: Page, pattern: RegExp): Promise<string[]> {
  const hrefs = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map((h) => h.split(/[?#]/)[0]!).filter((h) => pattern.test(h)))];
}

test("pages a visitor sees pass axe (WCAG 2.2 AA)", async ({ page }) => {
  for (const path of ["/", "/signin", "/signup", "/councils", "/councils/crumb-and-co-bakers", "/invite/not-a-real-invitation-token-0000000000"]) {
    await expectAccessible(page, path);
  }
});

test("pages a member sees pass axe (WCAG 2.2 AA), every council and every proposal linked from them", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page.request, "ada@demo.plenum.coop");
  for (const path of ["/", "/councils", "/councils/new", "/federations/new"]) await expectAccessible(page, path);
  await page.goto("/councils");
  const councils = await linksOn(page, /^\/councils\/[a-z0-9-]+$/);
  expect(councils.length).toBeGreaterThanOrEqual(4);
  const proposals = new Set<string>();
  for (const council of councils) {
    await expectAccessible(page, council);
    for (const link of await linksOn(page, /^\/councils\/[a-z0-9-]+\/[a-z/-]+$|^\/proposals\/[A-Za-z0-9_-]+$/)) {
      if (link.startsWith("/proposals/")) proposals.add(link);
      else if (link.startsWith(council + "/")) await expectAccessible(page, link);
    }
  }
  expect(proposals.size).toBeGreaterThanOrEqual(10);
  for (const proposal of proposals) await expectAccessible(page, proposal);
});

test.describe("in dark mode", () => {
  test.use({ colorScheme: "dark" });
  test("the main pages pass axe too, colour contrast included", async ({ page }) => {
    await signInAs(page.request, "ada@demo.plenum.coop");
    for (const path of ["/", "/councils", "/councils/green-basket-members", "/councils/crumb-and-co-bakers"]) await expectAccessible(page, path);
    await page.goto("/councils/green-basket-members");
    for (const link of (await linksOn(page, /^\/proposals\/[A-Za-z0-9_-]+$/)).slice(0, 6)) await expectAccessible(page, link);
    // The scheme really is dark: the page background is darker than its text.
    const [bg, fg] = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    expect(bg).not.toBe(fg);
    expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
  });
});
