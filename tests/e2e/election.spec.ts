// An election in a real browser: a member calls it for a new two-seat role, members nominate and
// answer their nominations, voting opens, five members rank candidates on the ranked ballot, and
// after the close the result shows the winners and the count stage by stage.
import type { Page } from "@playwright/test";
import { demo, expectNoSidewaysScroll, expireVoting, expect, openAs, proposalIdFrom, signInAs, tabTo, test } from "./fixtures";



async function nominate(page: Page, option: string, shown: string) {
  await page.getByLabel("Nominate a member").selectOption({ label: option });
  await page.getByRole("button", { name: "Nominate" }).click();
  // Waiting for the list (not the message, which may be the last one's) also waits for the refresh.
  await expect(page.getByRole("list", { name: "Nominees" }).getByTestId("nomination").filter({ hasText: shown })).toBeVisible();
}

/** The same ballot by keyboard alone: from the top of the page to each candidate's box, then the button. */
async function castBallotByKeyboard(page: Page, ranks: Record<string, string>) {
  await page.locator("body").focus();
  for (const [name, rank] of Object.entries(ranks)) {
    await tabTo(page, (el) => el.tag === "INPUT" && el.label === name);
    await page.keyboard.type(rank);
  }
  await tabTo(page, (el) => el.tag === "BUTTON" && /^(Cast|Change) ballot$/.test(el.text));
  await page.keyboard.press("Enter");
  const n = Object.keys(ranks).length;
  await expect(page.getByText(`Your ballot is recorded, ranking ${n} candidate${n === 1 ? "" : "s"}.`)).toBeVisible();
}

async function castBallot(page: Page, ranks: Record<string, string>) {
  for (const [name, rank] of Object.entries(ranks)) await page.getByLabel(name, { exact: true }).fill(rank);
  await page.getByRole("button", { name: /Cast ballot|Change ballot/ }).click();
  const n = Object.keys(ranks).length;
  await expect(page.getByText(`Your ballot is recorded, ranking ${n} candidate${n === 1 ? "" : "s"}.`)).toBeVisible();
}

test("elect two members by ranked ballots and read the count round by round", async ({ page, browser }) => {
  test.setTimeout(120_000); // six people take turns in their own browsers
  const others: Page[] = [];
  const errors: string[] = [];
  const person = async (who: string) => { const p = await openAs(browser, who, errors); others.push(p); return p; };
  const role = `Purchasing team ${Date.now().toString(36)}`;

  // Jonas, a member of the open Green Basket council, calls an election for a new two-seat role.
  await signInAs(page.request, demo("jonas"));
  await page.goto("/councils/green-basket-members");
  await page.getByRole("link", { name: "New election" }).click();
  await page.getByLabel("Role name").fill(role);
  await page.getByLabel("Seats").fill("2");
  await page.getByLabel("Term in months").fill("6");
  await page.getByRole("button", { name: "Call the election" }).click();
  await expect(page.getByRole("heading", { name: `Election: ${role} (2 seats)` })).toBeVisible();
  const electionId = proposalIdFrom(page);
  const election = `/proposals/${electionId}`;

  // Nominations: Jonas stands himself (accepted at once) and nominates three others.
  await nominate(page, "Jonas Weber (you)", "Jonas Weber (you)");
  await nominate(page, "Kalinda Moore", "Kalinda Moore");
  await nominate(page, "Greta Lindqvist", "Greta Lindqvist");
  await nominate(page, "Hiro Tanaka", "Hiro Tanaka");

  // Each nominee answers for themselves; Luis nominates himself.
  for (const [who, answer, confirmation] of [
    ["kalinda", "Accept nomination", "Recorded: you stand as a candidate."],
    ["greta", "Accept nomination", "Recorded: you stand as a candidate."],
    ["hiro", "Decline nomination", "Recorded: you do not stand."],
  ] as const) {
    const nominee = await person(who);
    await nominee.goto(election);
    await nominee.getByRole("button", { name: answer }).click();
    await expect(nominee.getByText(confirmation)).toBeVisible();
  }
  const luis = await person("luis");
  await luis.goto(election);
  await nominate(luis, "Luis Ortega (you)", "Luis Ortega (you)");

  await page.reload();
  const nominees = page.getByRole("list", { name: "Nominees" });
  for (const name of ["Greta Lindqvist", "Jonas Weber (you)", "Kalinda Moore", "Luis Ortega"]) {
    await expect(nominees.getByTestId("nomination").filter({ hasText: name })).toContainText("Stands");
  }
  await expect(nominees.getByTestId("nomination").filter({ hasText: "Hiro Tanaka" })).toContainText("Declined");

  // Voting opens; the ballot lists the four who stand.
  await page.getByRole("button", { name: "Open voting" }).click();
  await expect(page.getByRole("heading", { name: "Voting is open" })).toBeVisible();
  const ballot = page.getByRole("form", { name: "Ranked ballot" });
  await expect(ballot.getByRole("spinbutton")).toHaveCount(4);
  await expect(ballot.getByLabel("Hiro Tanaka")).toHaveCount(0);

  // A ballot giving two candidates the same rank is refused beside the form and keeps what was typed.
  await page.getByLabel("Jonas Weber", { exact: true }).fill("1");
  await page.getByLabel("Kalinda Moore", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Cast ballot" }).click();
  await expect(ballot.getByText("Two candidates have rank 1; give each a different rank.")).toBeVisible();
  await expect(page.getByLabel("Kalinda Moore", { exact: true })).toHaveValue("1");

  // Five ballots (J = Jonas, K = Kalinda, G = Greta, L = Luis):
  //   Jonas: J, K    Inês: J, K    Kalinda: J, G    Greta: G    Luis: L
  await castBallot(page, { "Jonas Weber": "1", "Kalinda Moore": "2" });
  await page.reload();
  await expect(page.getByLabel("Kalinda Moore", { exact: true })).toHaveValue("2"); // the ballot on record is shown
  await expect(page.getByTestId("turnout")).toHaveText("1 of 8");
  for (const [who, ranks] of [
    ["ines", { "Jonas Weber": "1", "Kalinda Moore": "2" }],
    ["kalinda", { "Jonas Weber": "1", "Greta Lindqvist": "2" }],
    ["greta", { "Greta Lindqvist": "1" }],
  ] as const) {
    const voter = await person(who);
    await voter.goto(election);
    // Kalinda ranks by keyboard alone (issue 8): Tab to each box, type the rank, Enter on the button.
    if (who === "kalinda") await castBallotByKeyboard(voter, ranks);
    else await castBallot(voter, ranks);
  }
  await luis.goto(election);
  await castBallot(luis, { "Luis Ortega": "1" });

  // The count by hand (Scottish STV, five decimal places, transfers truncated):
  //   5 valid ballots, 2 seats: quota = floor(5 / 3) + 1 = 2.
  //   Stage 1, first preferences: J 3, G 1, L 1, K 0. J reaches the quota: elected, surplus 3 − 2 = 1.
  //   Stage 2, J's surplus: his 3 papers move on at 1 × 100000 / 3 = 0.33333 each (truncated):
  //     two go to K (J, K ×2): K 0.66666; one to G (J, G): G 1.33333. 0.00001 is lost to truncation.
  //   Stage 3, nobody else has the quota; K is lowest (0.66666) and excluded. Her papers (J, K) rank
  //     no one after her: 0.66666 becomes non-transferable.
  //   Stage 4, L (1) is lower than G (1.33333) and excluded; his paper (L) is non-transferable too,
  //     1.66666 in all. G is then the only continuing candidate for the one seat left: elected
  //     without reaching the quota (rule 52).
  //   Winners, in order: Jonas Weber, Greta Lindqvist. Turnout 5 of 8; quorum 30% needs 3: met.
  await expireVoting(page.request, electionId);
  await page.reload();
  await expect(page.getByTestId("outcome")).toHaveText("Elected");
  await expect(page.getByTestId("winners").getByRole("listitem")).toHaveText([/Jonas Weber/, /Greta Lindqvist/]);
  await expect(page.getByTestId("quota")).toHaveText("2.00000");
  await expect(page.getByTestId("rule")).toHaveText("Scottish STV (SSI 2007/42, rules 45–52)");
  await expect(page.getByTestId("turnout")).toHaveText("5 of 8");

  const table = page.getByTestId("stage-table");
  await expect(table.getByRole("columnheader")).toHaveText([
    "Candidate",
    /Stage 1\s*First preferences/,
    /Stage 2\s*Surplus of Jonas Weber \(1\.00000\) transferred/,
    /Stage 3\s*Kalinda Moore excluded/,
    /Stage 4\s*Luis Ortega excluded/,
  ]);
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) }).getByRole("cell");
  await expect(row("Jonas Weber")).toHaveText([/^3\.00000\s*Elected$/, /−1\.00000\s*2\.00000/, "2.00000", "2.00000"]);
  await expect(row("Greta Lindqvist")).toHaveText(["1.00000", /\+0\.33333\s*1\.33333/, "1.33333", /^1\.33333\s*Elected$/]);
  await expect(row("Kalinda Moore")).toHaveText(["0.00000", /\+0\.66666\s*0\.66666/, /−0\.66666\s*0\.00000\s*Excluded/, /excluded earlier/]);
  await expect(row("Luis Ortega")).toHaveText(["1.00000", "1.00000", "1.00000", /−1\.00000\s*0\.00000\s*Excluded/]);
  await expect(row("Non-transferable")).toHaveText(["0.00000", "0.00000", /\+0\.66666\s*0\.66666/, /\+1\.00000\s*1\.66666/]);
  await expect(row("Lost to truncation")).toHaveText(["0.00000", "0.00001", "0.00001", "0.00001"]);
  await expect(page.getByRole("form", { name: "Ranked ballot" })).toHaveCount(0);
  await expectNoSidewaysScroll(page);

  // The winners now hold the role, and the delegations page says which election put them there.
  await page.goto("/councils/green-basket-members/delegations");
  const holders = page.getByTestId("delegation").filter({ hasText: role });
  await expect(holders).toHaveCount(2);
  await expect(holders.filter({ hasText: "Greta Lindqvist" }).getByRole("link", { name: `Election: ${role} (2 seats)` })).toHaveAttribute("href", election);

  for (const p of others) await p.context().close();
  expect(errors, "console errors in the other members' browsers").toEqual([]);
});
