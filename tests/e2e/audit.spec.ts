// The council's audit log: members see its entries and the chain's verification; others get a 403.
import { expect, signInAs, test } from "./fixtures";

test("a member reads the audit log with its verification; a non-member gets a 403", async ({ page, consoleErrors }) => {
  await signInAs(page.request, "ada@demo.plenum.coop");
  await page.goto("/councils/crumb-and-co-bakers");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByTestId("audit-verification")).toContainText(/Chain intact up to entry \d+\./);
  await expect(page.getByTestId("audit-entry").first()).toBeVisible();
  await expect(page.getByTestId("audit-entry").first()).toContainText(/#\d+ · [0-9a-f]{12}/);
  await page.context().clearCookies();

  await signInAs(page.request, "jonas@demo.plenum.coop");
  const response = await page.goto("/councils/crumb-and-co-bakers/log");
  expect(response?.status()).toBe(403);
  expect(consoleErrors.splice(0)).toEqual(["Failed to load resource: the server responded with a status of 403 (Forbidden)"]);
});
