// A newcomer's first steps, where every list is still empty: each empty list says what to do
// next and offers the action, at a phone's width, and the action takes them there.
import { expect, test, uniqueEmail } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("empty lists say what to do next, and their actions lead on", async ({ page }) => {
  const slug = `empty-${Date.now().toString(36)}`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nell Newcomer");
  await page.getByLabel("Email").fill(uniqueEmail("nell"));
  await page.getByLabel("Password").fill("a long newcomer password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Nell Newcomer")).toBeVisible();

  // The dashboard: no councils yet, so nothing to vote on, and the way in.
  await page.goto("/");
  await expect(page.getByText("Nothing to vote on right now.")).toBeVisible();
  await expect(page.getByText("You are not in any council yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Find a council to join" })).toHaveAttribute("href", "/councils");
  await expect(page.getByRole("link", { name: "Found a council" }).first()).toHaveAttribute("href", "/councils/new");

  await page.goto("/notifications");
  await expect(page.getByText("No notifications yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Choose what you are told about" })).toHaveAttribute("href", "/notifications/settings");

  // A new council has no proposals: the empty list offers to write the first.
  await page.goto("/councils/new");
  await page.getByLabel("Name").fill("Empty Hall Assembly");
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("How people join").selectOption("APPROVAL");
  await page.getByRole("button", { name: "Found council" }).click();
  await expect(page).toHaveURL(new RegExp(`/councils/${slug}$`));
  await expect(page.getByText("No proposals yet.")).toBeVisible();
  await expect(page.getByTestId("no-requests")).toBeVisible();
  await page.getByRole("link", { name: "Write the first proposal" }).click();
  await expect(page).toHaveURL(new RegExp(`/councils/${slug}/proposals/new$`));

  // A new proposal has no comments: the discussion points to the box below.
  await page.getByLabel("Title").fill("Paint the hall green");
  await page.getByLabel("Proposal").fill("Two coats, on a Saturday.");
  await page.getByRole("button", { name: "Submit for deliberation" }).click();
  await expect(page.getByRole("heading", { name: "Paint the hall green" })).toBeVisible();
  await expect(page.getByText("No comments yet.")).toBeVisible();
  await expect(page.getByLabel("Add a comment")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
