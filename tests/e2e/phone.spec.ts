// A member votes from a phone: the pages fit the screen and the vote takes a few taps.
import { expect, expectNoSidewaysScroll, signInAs, test } from "./fixtures";

// Ada has two open votes in the demo and has cast neither.
test("vote on a phone, from the home page to the recorded vote", async ({ page }) => {
  await signInAs(page.request, "ada@demo.plenum.coop");
  await page.goto("/");
  await expectNoSidewaysScroll(page);
  const awaiting = page.getByRole("region", { name: "Votes awaiting you" });
  await awaiting.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Voting is open" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  const yes = page.getByRole("radio", { name: /^Yes/ });
  const box = await page.locator("label", { has: yes }).boundingBox();
  expect(box!.height, "the choice is big enough to tap").toBeGreaterThanOrEqual(44);
  await yes.check();
  await page.getByRole("button", { name: "Cast vote" }).click();
  await expect(page.getByText("Your vote “yes” is recorded.")).toBeVisible();
  for (const path of ["/councils", "/councils/green-basket-members", "/councils/new", "/councils/green-basket-members/charter/new", "/notifications", "/notifications/settings"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
});
