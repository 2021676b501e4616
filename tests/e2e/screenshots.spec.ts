// Screenshots of the main pages from the seeded demo, at a phone's and a desktop's width: saved
// under test-results/screenshots/ on every run (CI keeps them as artifacts), and into
// docs/screenshots/ for the README when SCREENSHOTS_DIR says so (`npm run screenshots`).
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const OUT = process.env.SCREENSHOTS_DIR ?? path.join("test-results", "screenshots");
const VIEWPORTS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } } as const;

async function proposalTitled(page: Page, council: string, title: RegExp) {
  await page.goto(`/councils/${council}`);
  await page.getByRole("link", { name: title }).first().click();
  await page.waitForURL(/\/proposals\//);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`screenshots of the main pages (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const shot = async (file: string) => {
      // No page may scroll sideways at this width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${file} fits ${viewport.width}px`).toBe(true);
      await page.screenshot({ path: path.join(OUT, `${name}-${file}.png`) });
    };
    await page.goto("/councils");
    await shot("councils");
    await signInAs(page.request, "ada@demo.plenum.coop");
    await page.goto("/");
    await shot("dashboard");
    await page.goto("/councils/crumb-and-co-bakers");
    await shot("council");
    await proposalTitled(page, "green-basket-members", /Stock oats, lentils and rice/);
    await shot("open-vote");
    await proposalTitled(page, "green-basket-members", /Election: Purchasing committee \(3 seats\)/);
    await shot("election-result");
    await page.goto("/councils/linden-street-federation");
    await shot("federation");
  });
}

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark", viewport: VIEWPORTS.desktop });
  test("screenshot of a result in the dark scheme", async ({ page }) => {
    await signInAs(page.request, "ada@demo.plenum.coop");
    await proposalTitled(page, "green-basket-members", /Join the city's surplus food pick-up/);
    await page.screenshot({ path: path.join(OUT, "desktop-dark-result.png") });
  });
});
