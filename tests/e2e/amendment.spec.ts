// Amendments in a real browser: a member proposes a motion, another proposes an amendment and sees
// it as a word diff, the amendment's own vote opens and passes, the deadline passes, and the motion
// shows the merged text and its version history. The main vote then opens. Along the way members
// discuss the motion, and the amendment vote holds the main vote back while it runs.
import { demo, expireVoting, expect, openAs, proposalIdFrom, signInAs, test, voteYes } from "./fixtures";




test("propose an amendment, vote it through, and read the merged text and its history", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  const title = `Longer Saturday hours ${Date.now().toString(36)}`;

  // Jonas, a member of Green Basket (simple majority, 30% quorum), puts a motion to deliberation.
  await signInAs(page.request, demo("jonas"));
  await page.goto("/councils/green-basket-members/proposals/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Proposal").fill("The shop opens on Saturdays from 9 to 13.\n\nTwo members staff each shift.");
  await page.getByRole("button", { name: "Submit for deliberation" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const motionUrl = page.url();
  const motionId = proposalIdFrom(page);

  // Discussion: Jonas comments; the comment says it can be edited for a while.
  await page.getByLabel("Add a comment").fill("Happy to hear **other hours** too.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByTestId("comment").locator("strong", { hasText: "other hours" })).toBeVisible();

  // Chiara proposes an amendment: she edits the current text, which the form starts from.
  const chiara = await openAs(browser, "chiara", errors);
  await chiara.goto(motionUrl);
  await chiara.getByText("Propose an amendment").click();
  await chiara.getByLabel("What the amendment changes").fill("Open until 15");
  const text = chiara.getByLabel("Amended text");
  await expect(text).toHaveValue(/from 9 to 13/);
  await text.fill("The shop opens on Saturdays from 9 to 15.\n\nTwo members staff each shift.");
  await chiara.getByRole("button", { name: "Propose amendment" }).click();
  await expect(chiara.getByRole("heading", { name: "What this amendment changes" })).toBeVisible();
  const diff = chiara.getByTestId("text-diff");
  await expect(diff.locator("del")).toContainText("13");
  await expect(diff.locator("ins")).toContainText("15");
  const amendmentUrl = chiara.url();
  const amendmentId = proposalIdFrom(chiara);

  // She opens its vote; while it runs the motion's own vote cannot open.
  await chiara.getByRole("button", { name: "Open voting" }).click();
  await expect(chiara.getByRole("heading", { name: "Voting is open" })).toBeVisible();
  await page.goto(motionUrl);
  await expect(page.getByRole("region", { name: "Amendments (1)" }).getByText("Voting open")).toBeVisible();
  await page.getByRole("button", { name: "Open voting" }).click();
  await expect(page.getByText(/An amendment is still being voted on/)).toBeVisible();

  // Three members vote yes (30% quorum of the council), and time passes.
  await voteYes(chiara, amendmentUrl);
  const greta = await openAs(browser, "greta", errors);
  await voteYes(greta, amendmentUrl);
  await voteYes(page, amendmentUrl);
  await expireVoting(page.request, amendmentId);

  // The amendment passed and was merged; the motion reads the new text, as version 2.
  await page.goto(amendmentUrl);
  await expect(page.getByTestId("outcome")).toHaveText("Passed");
  await expect(page.getByTestId("amendment-merged")).toHaveText(/became version 2/);
  await page.goto(motionUrl);
  await expect(page.getByRole("region", { name: "Proposal text" })).toContainText("from 9 to 15");
  await expect(page.getByTestId("text-version")).toHaveText(/Version 2/);
  const history = page.getByTestId("version-history");
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await history.getByText("Version 1", { exact: true }).click();
  await expect(history.getByRole("paragraph").filter({ hasText: "from 9 to 13" })).toBeVisible();
  await history.getByText("Version 2", { exact: true }).click();
  await expect(history.getByRole("link", { name: /Open until 15/ })).toBeVisible();

  // Now the motion's vote opens, and no more amendments can be proposed.
  await page.getByRole("button", { name: "Open voting" }).click();
  await expect(page.getByRole("heading", { name: "Voting is open" })).toBeVisible();
  await expect(page.getByText("Propose an amendment")).toHaveCount(0);
  expect(motionId).not.toBe(amendmentId);
  expect(errors).toEqual([]);
});
