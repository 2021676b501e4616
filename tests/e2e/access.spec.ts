// People outside a council see its public face, never its proposals or votes.
import { expect, signInAs, test } from "./fixtures";

test("a non-member gets a 403 on a council's proposal and no proposal list", async ({ page, consoleErrors }) => {
  // Jonas is a member of Green Basket only; Crumb & Co. Bakers is someone else's council.
  await signInAs(page.request, "ada@demo.plenum.coop");
  await page.goto("/councils/crumb-and-co-bakers");
  const href = await page.getByRole("region", { name: "Proposals" }).locator('a[href^="/proposals/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/proposals\//);
  await page.context().clearCookies();

  await signInAs(page.request, "jonas@demo.plenum.coop");
  const response = await page.goto(href!);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Members only" })).toBeVisible();
  expect(consoleErrors.splice(0)).toEqual(["Failed to load resource: the server responded with a status of 403 (Forbidden)"]);
  await page.goto("/councils/crumb-and-co-bakers");
  await expect(page.getByText("Proposals, votes and the member list are visible to members of this council.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Proposals" })).toHaveCount(0);
});
