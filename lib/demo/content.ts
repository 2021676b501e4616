// The demo's cast, councils and proposals: plain data, read by prisma/seed.ts, which makes them
// real through the domain services. Each closed proposal names the outcome its votes must produce.
import type { TCreateCouncil } from "../councils/schemas";
import type { FederationWeighting, Outcome, VoteChoice } from "../generated/prisma/enums";

/** Every demo account signs in with this password (it is printed in the README). */
export const DEMO_PASSWORD = "plenum-demo-pass";
export const DEMO_EMAIL_DOMAIN = "demo.plenum.coop";

export const demoEmail = (key: string) => `${key}@${DEMO_EMAIL_DOMAIN}`;

/** Keyed by the email's local part. */
export const DEMO_PEOPLE = {
  ada: "Ada Okafor",
  bruno: "Bruno Silva",
  chiara: "Chiara Romano",
  dev: "Dev Patel",
  elif: "Elif Yılmaz",
  femi: "Femi Adeyemi",
  greta: "Greta Lindqvist",
  hiro: "Hiro Tanaka",
  ines: "Inês Duarte",
  jonas: "Jonas Weber",
  kalinda: "Kalinda Moore",
  luis: "Luis Ortega",
} as const;

export type PersonKey = keyof typeof DEMO_PEOPLE;

/** Ada is where the README tells visitors to start: she facilitates the bakery and shops at the food co-op. */
export const DEMO_START_KEY: PersonKey = "ada";

export interface DemoCouncil extends Omit<TCreateCouncil, "description"> {
  description: string;
  founder: PersonKey;
  /** Admitted in this order, each through the council's own join policy. */
  members: PersonKey[];
  /** Asked to join an approval council; left waiting for a facilitator. */
  pending: PersonKey[];
  proposals: DemoProposal[];
}

export type DemoVotes = Partial<Record<PersonKey, VoteChoice>>;

export type DemoProposal = {
  title: string;
  author: PersonKey;
  body: string;
  /** Asks for a secret ballot (the Green Basket's charter lets the author choose). */
  secretBallot?: boolean;
} & (
  | { state: "deliberation" }
  | { state: "withdrawn" }
  /** Open now; `votingHours` longer than the charter's period shows the "extend" option at work. */
  | { state: "voting"; votes: DemoVotes; votingHours?: number }
  /** Voting ran in the past and closed `closedDaysAgo` days before the seed's `now`. */
  | { state: "closed"; votes: DemoVotes; closedDaysAgo: number; expected: Outcome }
);

export const DEMO_COUNCILS: DemoCouncil[] = [
  {
    slug: "crumb-and-co-bakers",
    name: "Crumb & Co. Bakers",
    kind: "WORKERS",
    description:
      "The workers' council of Crumb & Co., a worker-owned sourdough bakery on Linden Street. " +
      "Five bakers, one deck oven, decisions by two-thirds. New bakers ask to join and a facilitator admits them.",
    joinPolicy: "APPROVAL",
    charter: { quorumPercent: 50, passThreshold: "TWO_THIRDS", votingPeriodHours: 24, liveResults: false },
    founder: "ada",
    members: ["bruno", "chiara", "dev", "elif"],
    pending: ["luis"],
    proposals: [
      {
        title: "Rotate the 4 a.m. opening shift every week",
        author: "chiara",
        state: "closed",
        closedDaysAgo: 9,
        expected: "PASSED",
        votes: { ada: "YES", bruno: "YES", chiara: "YES", dev: "YES", elif: "NO" },
        body: `## Why
Three of us have opened the bakery at 4 a.m. for most of the winter, while the others have never done it.
Early starts wear people down, and only the openers know how to fire the deck oven from cold.

## What changes
- The opening shift rotates weekly through everyone on the baking rota, in alphabetical order.
- Swaps are fine: post them in the kitchen chat by Thursday.
- Whoever opens on Monday also does the oven's weekly clean-out, so nobody gets it twice in a row.

## Cost
None. The early-start premium follows the shift, so the payroll stays the same.

A fair rota is democratic member control in practice: see the
[ICA's cooperative principles](https://ica.coop/en/cooperatives/cooperative-identity).`,
      },
      {
        title: "Start a weekly sourdough subscription for neighbours",
        author: "bruno",
        state: "voting",
        votingHours: 48,
        // Ada has not voted yet, so whoever signs in as her can try it.
        votes: { bruno: "YES", chiara: "YES", dev: "NO" },
        body: `## The idea
Neighbours keep asking us to hold a loaf for them. A subscription lets them pay monthly and pick up a
fresh sourdough every Friday, and tells us on Thursday exactly how much dough to mix.

## Details
1. **Price:** €18 a month for one 800 g loaf a week, paid in advance.
2. **Pick-up:** Fridays 7–11 a.m. at the side counter; loaves not collected go to the food bank at closing.
3. **Cap:** 60 subscribers to start, so the Friday bake fits into one extra oven load.
4. **Review:** we look at waste and workload again after three months.

## Open questions
- Do we offer a rye loaf from the start, or add it later?
- Who keeps the subscriber list? Bruno volunteers for the first three months.

It is the [community-supported agriculture](https://en.wikipedia.org/wiki/Community-supported_agriculture)
model, applied to bread.`,
      },
      {
        title: "Switch to the cheaper white flour from Valdez Mills",
        author: "dev",
        state: "withdrawn",
        body: `## Proposal
Move our white flour order from Hartmann's organic mill to Valdez Mills, which quoted **22% less** per tonne.

## Trade-offs
- Saves roughly €340 a month at our current volume.
- Not organic: we would have to change the labels, the menu board and the website.
- Delivery is fortnightly instead of weekly, so we would need more dry storage.

More on why millers' prices differ so much: [flour on Wikipedia](https://en.wikipedia.org/wiki/Flour).`,
      },
      {
        title: "Close for a summer break in the first week of August",
        author: "elif",
        state: "deliberation",
        body: `## Proposal
Close the shop from **Monday 3 to Sunday 9 August** and take the week off together, paid from the holiday reserve.

## Why all at once
- Staggered holidays leave the rest of us covering double shifts all summer.
- August is our quietest month: last year's takings that week were 40% below average.
- The deck oven is due its five-yearly service, and the engineer needs it cold for two days.

## Before we vote
- Check with the café on the corner, who buy our bread wholesale.
- Put a notice in the window by the end of June.

Anyone who would rather work that week can help with the oven service instead.`,
      },
    ],
  },
  {
    slug: "spoke-and-chain",
    name: "Spoke & Chain Repair Co-op",
    kind: "WORKERS",
    description:
      "The workers' council of Spoke & Chain, a cooperative bicycle repair workshop under the railway arches. " +
      "Four mechanics who decide by consensus: one objection blocks. Membership is by invitation after a trial month.",
    joinPolicy: "INVITE_ONLY",
    charter: { quorumPercent: 60, passThreshold: "UNANIMITY", votingPeriodHours: 72, liveResults: false },
    founder: "femi",
    members: ["greta", "hiro", "kalinda"],
    pending: [],
    proposals: [
      {
        title: "Buy a second truing stand",
        author: "greta",
        state: "closed",
        closedDaysAgo: 20,
        expected: "PASSED",
        votes: { femi: "YES", greta: "YES", hiro: "YES", kalinda: "ABSTAIN" },
        body: `## The bottleneck
Wheel work is a third of our jobs and we have one truing stand. On Saturdays wheels queue for it
while the rest of the bench sits idle.

## Proposal
- Buy a second professional truing stand (about €420) from the tools budget.
- Put it on the back bench next to the spoke cutter, so two people can build wheels at once.
- Greta runs two evening sessions so everyone can true a wheel to the shop standard.

Our reference for the shop standard: [Sheldon Brown on wheelbuilding](https://www.sheldonbrown.com/wheelbuild.html).`,
      },
      {
        title: "Open on Sundays from April to September",
        author: "hiro",
        state: "closed",
        closedDaysAgo: 6,
        expected: "REJECTED",
        votes: { femi: "YES", greta: "NO", hiro: "YES", kalinda: "YES" },
        body: `## Proposal
Open the workshop on **Sundays, 10 a.m. to 4 p.m.**, from April to September, staffed by two of us on a rota.

## For
- Sunday is when commuters actually have time to bring their bikes in.
- The bike shop on Market Street closed last year; nobody else nearby does repairs.

## Against (raised at the last meeting)
- Six-day weeks for two people at a time.
- Sunday rates would eat most of the extra takings.

We decide by unanimity, so a single objection means we look for another way.`,
      },
      {
        title: "Free monthly repair workshops for kids",
        author: "femi",
        state: "deliberation",
        body: `## Idea
Once a month, on a Saturday morning, a free workshop where kids aged 8–14 learn to fix a puncture,
adjust their brakes and oil a chain, on their own bikes.

## What we need
1. Two of us for three hours, paid as normal shifts.
2. A box of inner tubes and patches (the recycling centre has offered some).
3. A consent form signed by a parent for each child.

## Why
Half of us learned this way. Kids who can fix their bikes keep riding them, and they come back as customers.
Plenty of [bicycle cooperatives](https://en.wikipedia.org/wiki/Bicycle_cooperative) already do this.`,
      },
    ],
  },
  {
    slug: "green-basket-members",
    name: "Green Basket Food Co-op Members",
    kind: "CONSUMERS",
    description:
      "The consumers' council of Green Basket, the member-owned grocery on Alder Road. " +
      "Anyone who shops with us can join; decisions by simple majority, and the tally is shown while a vote runs. " +
      "Whoever proposes something chooses an open or a secret ballot.",
    joinPolicy: "OPEN",
    charter: { quorumPercent: 30, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 48, liveResults: true, ballotSecrecy: "AUTHOR_CHOOSES" },
    founder: "ines",
    members: ["jonas", "kalinda", "luis", "ada", "chiara", "greta", "hiro"],
    pending: [],
    proposals: [
      {
        title: "Join the city's surplus food pick-up",
        author: "ines",
        state: "closed",
        closedDaysAgo: 14,
        expected: "PASSED",
        votes: { ines: "YES", jonas: "YES", kalinda: "YES", ada: "YES", chiara: "YES", luis: "NO", hiro: "ABSTAIN" },
        body: `## Proposal
Sign up to the city's **surplus food pick-up**: twice a week a volunteer driver collects what we can
no longer sell and takes it to the community fridge on Alder Road.

## What changes for us
1. Short-dated produce goes into the green crates in the cold room by 6 p.m. on Tuesdays and Fridays.
2. Whoever closes that evening signs the collection sheet.
3. We stop composting food that is still good to eat.

More about how [community fridges](https://en.wikipedia.org/wiki/Community_fridge) work.`,
      },
      {
        title: "Stop printing the monthly newsletter",
        author: "luis",
        state: "closed",
        closedDaysAgo: 2,
        expected: "REJECTED",
        votes: { luis: "YES", jonas: "YES", ines: "NO", kalinda: "NO", chiara: "NO", greta: "NO", hiro: "ABSTAIN" },
        body: `## Proposal
Send the monthly newsletter by email only, and stop printing the 300 paper copies.

## For
- Saves about €90 a month in printing.
- Most members already read it online.

## Against
- Older members rely on the paper copy at the till.
- The paper copy is how new shoppers find out they can join.`,
      },
      {
        title: "Extend Saturday opening to 8 p.m.",
        author: "jonas",
        state: "closed",
        closedDaysAgo: 4,
        expected: "NO_QUORUM",
        votes: { jonas: "YES", hiro: "NO" },
        body: `## Proposal
Stay open until **8 p.m. on Saturdays** instead of 5 p.m., as a three-month trial.

## Reasons
- Members who work weekend day shifts cannot shop with us at all.
- An evening slot would ease the Saturday-morning queue.

## Staffing
- Volunteer shifts of two, signed up on the rota.
- If a shift stays empty, we close at 5 p.m. as now.`,
      },
      {
        title: "Move the co-op's accounts to the Alder Credit Union",
        author: "kalinda",
        state: "closed",
        closedDaysAgo: 4,
        expected: "PASSED",
        secretBallot: true,
        votes: { kalinda: "YES", ines: "YES", jonas: "YES", greta: "YES", luis: "NO", hiro: "ABSTAIN" },
        body: `## Proposal
Move our current account and savings from the high-street bank to the **Alder Credit Union**.

## Why a secret ballot
Two of our members work at the bank branch on Alder Road. Nobody should have to vote on their
colleagues' business in front of everyone: who took part is published, how each of us voted is not.

## Details
- The credit union charges no monthly fee; the bank charges €9.
- The switch takes about three weeks; direct debits move automatically.`,
      },
      {
        title: "Pay shop staff the living wage before any member dividend",
        author: "greta",
        state: "voting",
        secretBallot: true,
        // Ada has not voted: sign in as her to cast a secret ballot and get a receipt.
        votes: { greta: "YES", jonas: "YES", luis: "NO" },
        body: `## Proposal
From next quarter, the three paid shop staff earn at least the **living wage** before any surplus is
paid out to members as a dividend.

## Cost
About €4,100 a year at current hours, which is a third of last year's dividend.

This vote is by **secret ballot**: you cannot change your ballot once cast, and you get a receipt
with a tracking code to check on the ballot board after the close.`,
      },
      {
        title: "Stock oats, lentils and rice in refill dispensers",
        author: "ines",
        state: "voting",
        // Ada has not voted yet; with live results on, her vote moves the tally she sees.
        votes: { ines: "YES", jonas: "YES", luis: "YES", kalinda: "NO", greta: "ABSTAIN" },
        body: `## Proposal
Replace the pre-packed oats, red lentils and brown rice with **gravity refill dispensers**, so members
bring their own jars or use our returnable ones.

## What it involves
- Six dispensers on the east wall (about €1,100 from the equipment reserve).
- Returnable one-litre jars with a €2 deposit.
- A weekly hygiene check on the rota, logged on the clipboard by the scales.

## Why now
- Our wholesaler sells the same goods in 25 kg sacks for about 15% less.
- It saves roughly 4,000 plastic bags a year.

Background: [bulk retail and zero waste](https://en.wikipedia.org/wiki/Zero_waste).`,
      },
      {
        title: "A sliding-scale membership fee",
        author: "kalinda",
        state: "deliberation",
        body: `## Proposal
Replace the flat €40 yearly fee with a sliding scale from **€10 to €80**, chosen by each member,
with no proof of income asked.

## Why
- The flat fee keeps out exactly the neighbours a food co-op should serve.
- Co-ops that made this change report that the average fee chosen stays close to the old flat fee.

## Questions for the discussion
- Do we suggest amounts by income band, or leave the choice entirely open?
- Do we review it after one year?

See principle 1, voluntary and open membership, in the
[ICA statement on the cooperative identity](https://ica.coop/en/cooperatives/cooperative-identity).`,
      },
    ],
  },
];

// ── Delegations and federations ────────────────────────────────────────────────────────────────
// Added after the councils above exist, in the order below: the federation and its admissions, the
// elections, the recall, and last the federation question still being decided.

/** A council's slug, as in DEMO_COUNCILS. */
export type CouncilSlug = "crumb-and-co-bakers" | "spoke-and-chain" | "green-basket-members";

export interface DemoFederation {
  slug: string;
  name: string;
  description: string;
  charter: TCreateCouncil["charter"] & { weighting: FederationWeighting };
  /** A facilitator of the founding council. */
  founder: PersonKey;
  foundingCouncil: CouncilSlug;
  /** Each asked to join (filed by a facilitator) and was admitted by the member councils' mandate votes. */
  admissions: { council: CouncilSlug; filedBy: PersonKey; closedDaysAgo: number; votes: Partial<Record<CouncilSlug, DemoVotes>> }[];
  /** A question to the federation with voting open now; some members have voted in their councils. */
  motion: { title: string; author: PersonKey; body: string; votes: Partial<Record<CouncilSlug, DemoVotes>> };
}

export interface DemoElection {
  council: CouncilSlug;
  role: string;
  seats: number;
  termMonths: number;
  author: PersonKey;
  body: string;
  /** Made in this order; a self-nomination is accepted at once, others accept unless they decline. */
  nominations: { nominee: PersonKey; by: PersonKey; declines?: boolean }[];
  /** Ranked ballots, most preferred first. */
  ballots: Partial<Record<PersonKey, PersonKey[]>>;
  closedDaysAgo: number;
  /** The count must elect exactly these, in this order. */
  expectedWinners: PersonKey[];
}

export interface DemoRecall {
  council: CouncilSlug;
  role: string;
  holder: PersonKey;
  author: PersonKey;
  /** The reason given for the recall. */
  body: string;
  votes: DemoVotes;
  closedDaysAgo: number;
  /** Made in the by-election the passed recall opens (left in deliberation). */
  byElectionNominations: { nominee: PersonKey; by: PersonKey }[];
}

export const DEMO_FEDERATION: DemoFederation = {
  slug: "linden-street-federation",
  name: "Linden Street Co-operative Federation",
  description:
    "The co-operatives of Linden Street and the arches, federated: the bakery, the bike workshop and the food co-op. " +
    "Each member council decides every question under its own charter; its decision is the mandate its delegates carry. " +
    "One council, one vote.",
  charter: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 72, liveResults: false, weighting: "EQUAL" },
  founder: "ada",
  foundingCouncil: "crumb-and-co-bakers",
  admissions: [
    {
      council: "green-basket-members",
      filedBy: "ines",
      closedDaysAgo: 18,
      votes: { "crumb-and-co-bakers": { ada: "YES", bruno: "YES", chiara: "YES", dev: "YES", elif: "ABSTAIN" } },
    },
    {
      council: "spoke-and-chain",
      filedBy: "femi",
      closedDaysAgo: 12,
      votes: {
        "crumb-and-co-bakers": { ada: "YES", bruno: "YES", dev: "YES", elif: "YES" },
        "green-basket-members": { ines: "YES", jonas: "YES", kalinda: "YES", ada: "YES", luis: "NO" },
      },
    },
  ],
  motion: {
    title: "Share one cargo bike for deliveries along Linden Street",
    author: "greta",
    // Ada has voted in neither of her councils' mandate votes, so whoever signs in as her can.
    votes: {
      "crumb-and-co-bakers": { bruno: "YES", chiara: "YES", dev: "NO" },
      "green-basket-members": { ines: "YES", jonas: "YES", luis: "NO" },
      "spoke-and-chain": { femi: "YES", hiro: "YES" },
    },
    body: `## Proposal
The federation buys **one electric cargo bike** (about €6,500) and the three co-ops share it for
deliveries: the bakery's Friday subscription loaves, Green Basket's veg boxes, and parts runs for
Spoke & Chain.

## How it would work
1. Cost split by use, reviewed every quarter; Spoke & Chain maintains it in return for its share.
2. A shared booking sheet; the bakery has it first thing on Fridays.
3. It lives under the railway arches overnight, locked to the workshop's anchor.

## What each council is deciding
Each council votes under its own charter. Its outcome is the mandate its delegates carry:
yes, no, or abstain if it reaches no decision by the deadline.

Background: [cargo bikes for city logistics](https://en.wikipedia.org/wiki/Freight_bicycle).`,
  },
};

export const DEMO_ELECTIONS: DemoElection[] = [
  {
    council: "crumb-and-co-bakers",
    role: "Shift coordinator",
    seats: 1,
    termMonths: 6,
    author: "ada",
    closedDaysAgo: 8,
    body: `## The role
The shift coordinator keeps the rota, arranges swaps and cover, and opens the Monday meeting.
It is a six-month term, and it rotates: whoever holds it is not paid more and can be recalled.

## How we count
Rank as many candidates as you like. With one seat this is an instant run-off: the candidate with
fewest votes is excluded and their ballots go to the next choice, until someone has a majority.`,
    nominations: [
      { nominee: "chiara", by: "chiara" },
      { nominee: "dev", by: "ada" },
      { nominee: "elif", by: "bruno" },
      { nominee: "bruno", by: "elif", declines: true },
    ],
    ballots: {
      ada: ["dev", "chiara"],
      bruno: ["elif", "dev"],
      chiara: ["chiara", "dev"],
      dev: ["dev"],
      elif: ["elif", "chiara"],
    },
    expectedWinners: ["dev"],
  },
  {
    council: "green-basket-members",
    role: "Purchasing committee",
    seats: 3,
    termMonths: 12,
    author: "ines",
    closedDaysAgo: 10,
    body: `## The committee
Three members choose suppliers, place the weekly wholesale order and report the accounts to every
general meeting. They follow the sourcing policy the members voted; they do not make it.

## How we count
Scottish STV for three seats: the quota is a quarter of the ballots plus one; surpluses and the
ballots of excluded candidates move to next choices at their current value.`,
    nominations: [
      { nominee: "kalinda", by: "kalinda" },
      { nominee: "jonas", by: "ines" },
      { nominee: "greta", by: "hiro" },
      { nominee: "chiara", by: "chiara" },
      { nominee: "luis", by: "luis" },
    ],
    ballots: {
      ines: ["kalinda", "jonas"],
      hiro: ["kalinda", "greta"],
      kalinda: ["kalinda", "jonas"],
      ada: ["kalinda", "chiara"],
      jonas: ["jonas", "luis"],
      greta: ["greta", "kalinda"],
      luis: ["greta", "jonas"],
      chiara: ["chiara", "greta"],
    },
    expectedWinners: ["kalinda", "greta", "jonas"],
  },
];

export const DEMO_RECALL: DemoRecall = {
  council: "green-basket-members",
  role: "Purchasing committee",
  holder: "jonas",
  author: "chiara",
  closedDaysAgo: 3,
  votes: { ines: "YES", kalinda: "YES", ada: "YES", chiara: "YES", hiro: "YES", jonas: "NO", luis: "NO", greta: "ABSTAIN" },
  body: `## Why recall
Jonas placed the autumn bulk order with Norde Wholesale, the supplier the members voted in
September to stop using over its treatment of its warehouse staff.

## What happens if this passes
Jonas leaves the purchasing committee at once, and a by-election fills his seat for a full term.
The other two members of the committee stay.`,
  byElectionNominations: [
    { nominee: "chiara", by: "chiara" },
    { nominee: "luis", by: "ines" }, // waiting for Luis to accept
  ],
};

/** A discussion and an amendment on a motion in deliberation, to show both off. */
export interface DemoDiscussion {
  proposalTitle: string;
  comments: { author: PersonKey; body: string; replies?: { author: PersonKey; body: string }[] }[];
  amendment: { author: PersonKey; summary: string; replace: [string, string] };
}

export const DEMO_DISCUSSION: DemoDiscussion = {
  proposalTitle: "Close for a summer break in the first week of August",
  comments: [
    {
      author: "bruno",
      body: "I like closing all together. The café on the corner said the **first** week of August is their busiest, though.",
      replies: [{ author: "ada", body: "Then the second week would suit them better. Dev, want to propose an amendment?" }],
    },
    { author: "chiara", body: "Can we put the notice up in May rather than June? Regulars plan their holidays early." },
  ],
  amendment: { author: "dev", summary: "Move the break to the second week", replace: ["**Monday 3 to Sunday 9 August**", "**Monday 10 to Sunday 16 August**"] },
};
