// A secret ballot in a real browser: the author asks for one (the Green Basket's charter lets them),
// a member casts it and gets a receipt shown once and downloadable, cannot cast again, and after the
// close finds their tracking code on the board, and their name among those who took part.
import { readFile } from "node:fs/promises";
import { expireVoting, expect, proposalIdFrom, signInAs, test } from "./fixtures";

test("cast a secret ballot, keep the receipt, and find it on the board after the close", async ({ page }) => {
  await signInAs(page.request, "ada@demo.plenum.coop");
  await page.goto("/councils/green-basket-members");
  await expect(page.getByTestId("ballot-secrecy")).toHaveText(/author of each proposal chooses/);
  await page.getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Title").fill("Buy a cargo bike for deliveries");
  await page.getByLabel("Proposal").fill("A cargo bike lets us deliver to members who cannot carry heavy shopping home.");
  await page.getByLabel(/^Secret ballot/).check();
  await page.getByRole("button", { name: "Submit for deliberation" }).click();
  await page.getByRole("button", { name: "Open voting" }).click();
  await expect(page.getByTestId("secret-notice")).toBeVisible();
  const proposalId = proposalIdFrom(page);

  await page.getByText("I support this proposal").click();
  await page.getByRole("button", { name: "Cast secret ballot" }).click();
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toContainText("Your secret ballot is cast");
  await expect(page.getByTestId("receipt-ballot")).toHaveText("Yes");
  const code = await page.getByTestId("tracking-code").getAttribute("data-code");
  expect(code).toMatch(/^[0-9a-f]{64}$/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download receipt" }).click()]);
  const text = await readFile((await download.path())!, "utf8");
  expect(text).toContain(`Tracking code: ${code}`);
  expect(text).toContain("Your ballot:   Yes");

  // Shown once: after a reload the page knows only that Ada voted.
  await page.reload();
  await expect(page.getByTestId("secret-cast")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cast secret ballot" })).toHaveCount(0);
  await expect(page.getByText(code!.slice(0, 4) + " " + code!.slice(4, 8))).toHaveCount(0);

  await expireVoting(page.request, proposalId);
  await page.reload();
  // One of eight members took part, under a 30% quorum: no decision, but the ballot is on the board.
  await expect(page.getByTestId("outcome")).toHaveText("No quorum");
  await expect(page.getByTestId("participants")).toContainText("Ada Okafor");
  await page.getByLabel("Check your tracking code").fill(code!.toUpperCase().replace(/(.{4})/g, "$1 "));
  await page.getByRole("button", { name: "Find my ballot" }).click();
  await expect(page.getByTestId("tracking-check")).toContainText("Found on the board: this ballot says Yes");

  const board = await (await page.request.get(`/api/proposals/${proposalId}/board.json`)).json() as { secretBallot: boolean; ballots: { tracking: string }[] };
  expect(board.secretBallot).toBe(true);
  expect(board.ballots.map((b) => b.tracking)).toEqual([code]);
});
