// The voting flow by keyboard alone: find the vote from the dashboard, read it, cast a ballot and
// get the receipt, without touching the mouse. Focus must always be visible somewhere sensible.
import { expect, signInAs, tabTo, test } from "./fixtures";

test("a secret ballot cast by keyboard alone, from the council page to the receipt", async ({ page }) => {
  await signInAs(page.request, "hiro@demo.plenum.coop");
  await page.goto("/councils/green-basket-members");
  await tabTo(page, (el) => el.tag === "A" && el.text.startsWith("Pay shop staff the living wage"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /Pay shop staff/ })).toBeVisible();
  // The radio group: Tab into it, arrow to "No", Space selects.
  await tabTo(page, (el) => el.tag === "INPUT" && el.name === "choice");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: /^No/ })).toBeChecked();
  await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Cast secret ballot");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("receipt-ballot")).toHaveText("No");
  // The receipt's download is reachable by keyboard too.
  await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Download receipt");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/^plenum-receipt-[0-9a-f]{12}\.txt$/);
});
