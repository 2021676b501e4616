// The whole story in a real browser: sign up, found a council, a second person asks to join and
// is admitted, a proposal is put to a vote, both vote, and the result appears after the close.
import { expectNoSidewaysScroll, expireVoting, expect, proposalIdFrom, test, uniqueEmail } from "./fixtures";

test("found a council, admit a member, vote, and see the result", async ({ page, browser }) => {
  const slug = `allotment-${Date.now().toString(36)}`;
  const founder = { name: "Rosa Founder", email: uniqueEmail("rosa"), password: "a long founder password" };
  const joiner = { name: "Sam Joiner", email: uniqueEmail("sam"), password: "another long password" };

  // Sign up through the form.
  await page.goto("/signup");
  await page.getByLabel("Name").fill(founder.name);
  await page.getByLabel("Email").fill(founder.email);
  await page.getByLabel("Password").fill(founder.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`Signed in as ${founder.name}`)).toBeVisible();

  // Found a council whose joiners need approval.
  await page.goto("/councils/new");
  await page.getByLabel("Name").fill("Allotment Assembly");
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("Kind").selectOption("ASSEMBLY");
  await page.getByLabel("How people join").selectOption("APPROVAL");
  await page.getByLabel("Quorum (% who must take part)").fill("50");
  await page.getByLabel("Pass threshold").selectOption("SIMPLE_MAJORITY");
  await page.getByLabel("Default voting period (hours)").fill("24");
  await page.getByRole("button", { name: "Found council" }).click();
  await expect(page).toHaveURL(new RegExp(`/councils/${slug}$`));
  await expect(page.getByRole("heading", { name: "Allotment Assembly" })).toBeVisible();
  await expect(page.getByText("You are a facilitator")).toBeVisible();

  // A second person signs up in their own browser and asks to join.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(`/councils/${slug}`);
  await page2.getByRole("link", { name: "Sign in to join" }).click();
  await page2.getByRole("link", { name: "Create an account" }).click();
  await page2.getByLabel("Name").fill(joiner.name);
  await page2.getByLabel("Email").fill(joiner.email);
  await page2.getByLabel("Password").fill(joiner.password);
  await page2.getByRole("button", { name: "Create account" }).click();
  await expect(page2).toHaveURL(new RegExp(`/councils/${slug}$`)); // came back to the council
  await page2.getByRole("button", { name: "Ask to join" }).click();
  await expect(page2.getByText("Your request to join is waiting for a facilitator.")).toBeVisible();

  // The founder admits them.
  await page.reload();
  await page.getByRole("button", { name: `Admit ${joiner.name}` }).click();
  await expect(page.getByRole("region", { name: "Members" }).getByText(joiner.name)).toBeVisible();

  // The founder proposes and opens voting.
  await page.getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Title").fill("Plant a shared herb bed");
  await page.getByLabel("Proposal").fill("We plant **thyme, sage and mint** by the gate.\n\n- costs £40\n- everyone may pick");
  await page.getByRole("button", { name: "Submit for deliberation" }).click();
  await expect(page.getByRole("heading", { name: "Plant a shared herb bed" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "thyme, sage and mint" })).toBeVisible();
  await page.getByRole("button", { name: "Open voting" }).click();
  await expect(page.getByRole("heading", { name: "Voting is open" })).toBeVisible();
  const proposalId = proposalIdFrom(page);

  // Both vote; the tally stays hidden while voting is open, turnout does not.
  await page.getByRole("radio", { name: /^Yes/ }).check();
  await page.getByRole("button", { name: "Cast vote" }).click();
  await expect(page.getByText("Your vote “yes” is recorded.")).toBeVisible();
  // The page is not reloaded after a vote: the parts that show it update in place.
  await expect(page.getByRole("link", { name: "You have voted · change your vote ↓" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Change vote" })).toBeVisible();
  await expect(page.getByTestId("turnout")).toHaveText("1 of 2");
  await page2.goto(`/proposals/${proposalId}`);
  await expect(page2.getByTestId("turnout")).toHaveText("1 of 2");
  await expect(page2.getByText("The tally is shown when voting closes.")).toBeVisible();
  await page2.getByRole("radio", { name: /^No/ }).check();
  await page2.getByRole("button", { name: "Cast vote" }).click();
  await expect(page2.getByText("Your vote “no” is recorded.")).toBeVisible();
  // Changing one's mind replaces the vote rather than adding one.
  await page2.getByRole("radio", { name: /^Yes/ }).check();
  await page2.getByRole("button", { name: "Change vote" }).click();
  await expect(page2.getByText("Your vote “yes” is recorded.")).toBeVisible();

  // Time passes: the deadline is moved into the past, and the result shows without anyone closing the vote.
  await expireVoting(page.request, proposalId);
  await page.reload();
  await expect(page.getByTestId("outcome")).toHaveText("Passed");
  await expectNoSidewaysScroll(page);
  await expect(page.getByTestId("tally-yes")).toContainText("2");
  await expect(page.getByTestId("tally-no")).toContainText("0");
  await expect(page.getByTestId("turnout")).toHaveText("2 of 2");
  await expect(page.getByRole("button", { name: /Cast vote|Change vote/ })).toHaveCount(0);
  await other.close();
});
