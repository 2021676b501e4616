// The charter changes only by vote, in a real browser: a member of Spoke & Chain proposes a longer
// voting period, opens voting and watches turnout rise without reloading while the others vote;
// the live endpoint answers members only; after the close the new charter version is on the
// council page, linked to the proposal that made it.
import { demo, expireVoting, expect, openAs, proposalIdFrom, signInAs, test, voteYes } from "./fixtures";




test("propose a charter change, watch turnout live, and see the new charter version after it passes", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  const title = `Give every vote four days ${Date.now().toString(36)}`;

  // Femi proposes: the form shows today's rules; he changes the voting period only.
  await signInAs(page.request, demo("femi"));
  await page.goto("/councils/spoke-and-chain");
  await expect(page.getByTestId("charter-version")).toHaveText("1");
  await page.getByRole("link", { name: "Propose a charter change" }).click();
  await expect(page.getByLabel("Default voting period (hours)")).toHaveValue("72");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Why").fill("Three days is too short when two of us are at the trade fair.");
  await page.getByLabel("Default voting period (hours)").fill("96");
  await page.getByRole("button", { name: "Propose this change" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const change = page.getByRole("region", { name: "Charter change" });
  await expect(change.getByRole("list", { name: "What changes" })).toHaveText("Voting period: 72 hours → 96 hours");
  await expect(change).toContainText("Charter changes need: two-thirds");
  const proposalId = proposalIdFrom(page);
  const proposalPath = `/proposals/${proposalId}`;

  await page.getByRole("button", { name: "Open voting" }).click();
  await expect(page.getByRole("heading", { name: "Voting is open" })).toBeVisible();
  await expect(page.getByTestId("turnout")).toHaveText("0 of 4");

  // Greta votes in her own browser; Femi's page shows it without a reload.
  const greta = await openAs(browser, "greta", errors);
  await voteYes(greta, proposalPath);
  await expect(page.getByTestId("turnout")).toHaveText("1 of 4", { timeout: 15_000 });

  // The live endpoint: members get turnout (no tally: this charter shows it after the close) ...
  const live = await page.request.get(`/api/proposals/${proposalId}/live`);
  expect(live.status()).toBe(200);
  expect(live.headers()["cache-control"]).toContain("no-store");
  const body = (await live.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status: "voting", turnout: 1, electorate: 4, quorumNeeded: 3 });
  expect(body).not.toHaveProperty("tally");
  // ... a signed-out request and a non-member are refused.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/proposals/${proposalId}/live`)).status()).toBe(401);
  const outsider = await browser.newContext();
  await signInAs(outsider.request, demo("ada")); // not a member of Spoke & Chain
  const refused = await outsider.request.get(`/api/proposals/${proposalId}/live`);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "Only members of this council can do that." });

  for (const who of ["hiro", "kalinda"]) await voteYes(await openAs(browser, who, errors), proposalPath);
  await expect(page.getByTestId("turnout")).toHaveText("3 of 4", { timeout: 15_000 });
  await voteYes(page, proposalPath);

  // Time passes: the open page notices the close by itself and shows the result.
  await expireVoting(page.request, proposalId);
  await expect(page.getByTestId("outcome")).toHaveText("Passed", { timeout: 15_000 });
  await expect(page.getByTestId("charter-made")).toContainText("charter version 2");

  // The council page shows version 2 and its history, linked to the proposal that made it.
  await page.getByRole("link", { name: "charter version 2" }).click();
  await expect(page.getByTestId("charter-version")).toHaveText("2");
  await expect(page.getByText("96 hours by default")).toBeVisible();
  const versions = page.getByRole("list", { name: "Charter versions" }).getByTestId("charter-history-version");
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText("Version 2");
  await expect(versions.first()).toContainText("Voting period: 72 hours → 96 hours");
  await expect(versions.last()).toContainText("the founding charter");
  await versions.first().getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  expect(errors).toEqual([]);
});
