// A discussion in a real browser, on a 360-pixel phone screen: a member comments and corrects it
// within the edit window ("edited" shows), another replies, and a facilitator hides a comment
// with a reason that every member then reads in its place.
import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const demo = (who: string) => `${who}@demo.plenum.coop`;

async function openAs(browser: Browser, who: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await signInAs(context.request, demo(who));
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${who}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${who}: ${e.message}`));
  return page;
}

test("comment, edit, reply, and hide with a stated reason", async ({ page, browser }) => {
  const errors: string[] = [];
  const title = `Compost bins ${Date.now().toString(36)}`;
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page.request, demo("jonas"));
  await page.goto("/councils/green-basket-members/proposals/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Proposal").fill("We put two compost bins behind the shop.");
  await page.getByRole("button", { name: "Submit for deliberation" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const url = page.url();

  await page.getByLabel("Add a comment").fill("Who emptys them?");
  await page.getByRole("button", { name: "Post comment" }).click();
  const mine = page.getByTestId("comment").filter({ hasText: "Who emptys them?" });
  await expect(mine).toBeVisible();
  await mine.getByText("Edit", { exact: true }).click();
  await expect(mine.getByText(/You can edit this until \d\d:\d\d UTC \(15 minutes after posting\)/)).toBeVisible();
  await mine.getByLabel("Your comment").fill("Who empties them?");
  await mine.getByRole("button", { name: "Save changes" }).click();
  const corrected = page.getByTestId("comment").filter({ hasText: "Who empties them?" });
  await expect(corrected.getByText("· edited")).toBeVisible();

  const kalinda = await openAs(browser, "kalinda", errors);
  await kalinda.goto(url);
  const thread = kalinda.getByTestId("comment").filter({ hasText: "Who empties them?" });
  await thread.getByText("Reply", { exact: true }).click();
  await thread.getByLabel("Your reply").fill("Only lazy people would ask that.");
  await thread.getByRole("button", { name: "Post reply" }).click();
  const reply = kalinda.getByRole("list", { name: "Replies" }).getByTestId("comment");
  await expect(reply).toContainText("Only lazy people would ask that.");
  await expect(reply.getByText("Hide", { exact: true })).toHaveCount(0); // members do not moderate

  // Inês facilitates Green Basket: she hides the reply, saying why.
  const ines = await openAs(browser, "ines", errors);
  await ines.goto(url);
  const rude = ines.getByTestId("comment").filter({ hasText: "Only lazy people" });
  await rude.getByText("Hide", { exact: true }).click();
  await rude.getByLabel("Reason for hiding (shown to every member)").fill("Please discuss the proposal, not each other.");
  await rude.getByRole("button", { name: "Hide comment" }).click();
  await expect(ines.getByTestId("comment-hidden")).toContainText("Reason: Please discuss the proposal, not each other.");

  await page.reload();
  await expect(page.getByTestId("comment-hidden")).toHaveText(/Hidden by Inês Duarte on .* Reason: Please discuss the proposal, not each other\./);
  await expect(page.getByText("Only lazy people")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Discussion (2)" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "page is wider than the phone screen").toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});
