// Notifications in the browser: the bell counts what is unread, the page lists it and marks it
// read, settings are kept, and the private calendar address serves the voting deadlines.
import { expect, signInAs, test } from "./fixtures";

test("Ada sees her notifications, marks them read, changes a setting and subscribes to her deadlines", async ({ page }) => {
  await signInAs(page.request, "ada@demo.plenum.coop");
  expect((await page.request.post("/api/e2e/notify")).ok()).toBeTruthy();
  await page.goto("/");
  const bell = page.getByRole("link", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  // Ada facilitates the bakery, where Luis has asked to join. Other browser tests may have given her
  // newer notifications since the demo was seeded, so look through the pages, newest first.
  const luis = page.getByRole("link", { name: "Luis Ortega asks to join Crumb & Co. Bakers" });
  for (let p = 2; p <= 10 && !(await luis.isVisible()); p++) await page.goto(`/notifications?page=${p}`);
  await expect(luis).toBeVisible();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText(/^Marked \d+ as read\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Settings and calendar" }).click();
  const byEmail = page.getByRole("checkbox", { name: "Voting opened: by email" });
  await expect(byEmail).toBeChecked();
  await byEmail.uncheck();
  await page.getByRole("checkbox", { name: /One email a day/ }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. New notifications follow these settings.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Voting opened: by email" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /One email a day/ })).toBeChecked();

  await page.getByRole("button", { name: "Create my calendar address" }).click();
  const address = page.getByLabel("Your private calendar address");
  await expect(address).toHaveValue(/\/api\/calendar\/[^/]+\.ics$/);
  const url = new URL(await address.inputValue());
  const feed = await page.request.get(url.pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const ics = await feed.text();
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics).toContain("BEGIN:VEVENT");
});
