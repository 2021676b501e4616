// The demo data: twelve people, three councils and proposals in every state, made through the same
// domain services the app uses, so the demo obeys every rule a real council does. Content: lib/demo/content.ts.
import type { PrismaClient } from "../lib/db/connection";
import { createAccount } from "../lib/auth/accounts";
import { acceptInvite, createCouncil, createInvite, decideMembership, joinCouncil } from "../lib/councils/service";
import { closeProposal, createProposal, openVoting, withdrawProposal } from "../lib/proposals/service";
import { castVote } from "../lib/voting/service";
import {
  DEMO_COUNCILS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_START_KEY, demoEmail,
  type DemoCouncil, type DemoProposal, type PersonKey,
} from "../lib/demo/content";

export { DEMO_PASSWORD, DEMO_START_KEY, demoEmail };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long a closed proposal was discussed before its vote opened. */
const DELIBERATION_DAYS = 3;

/** True when nobody has signed up and no council exists: the only time the demo may be seeded. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  const [user, council] = await Promise.all([
    db.user.findFirst({ select: { id: true } }),
    db.council.findFirst({ select: { id: true } }),
  ]);
  return !user && !council;
}

/**
 * Seeds the demo. `now` anchors the history: closed votes end a few days before it. The services
 * stamp everything else (memberships, open votes) with the real clock, so `now` may not be later.
 */
export async function seedDemo(
  db: PrismaClient,
  options: { now?: Date } = {},
): Promise<{ users: number; councils: number; proposals: number }> {
  const now = options.now ?? new Date();
  if (now.getTime() > Date.now() + 60_000) {
    throw new RangeError("seedDemo: `now` cannot be in the future; the votes it closes must already be over.");
  }
  if (await db.user.findUnique({ where: { email: demoEmail(DEMO_START_KEY) }, select: { id: true } })) {
    throw new Error("The demo data is already in this database.");
  }

  const people = {} as Record<PersonKey, string>;
  for (const [key, name] of Object.entries(DEMO_PEOPLE) as [PersonKey, string][]) {
    // createAccount hashes each password itself (Argon2id, ~50 ms each): slower, but no side door.
    const user = await createAccount(db, { name, email: demoEmail(key), password: DEMO_PASSWORD });
    people[key] = user.id;
  }

  let proposals = 0;
  for (const spec of DEMO_COUNCILS) {
    const councilId = await seedCouncil(db, spec, people);
    for (const proposal of spec.proposals) {
      await seedProposal(db, councilId, proposal, people, now);
      proposals++;
    }
  }
  return { users: Object.keys(people).length, councils: DEMO_COUNCILS.length, proposals };
}

/** Founds the council and brings its members in the way its join policy demands. */
async function seedCouncil(db: PrismaClient, spec: DemoCouncil, people: Record<PersonKey, string>) {
  const facilitatorId = people[spec.founder];
  const { name, slug, kind, description, joinPolicy, charter } = spec;
  const council = await createCouncil(db, { name, slug, kind, description, joinPolicy, charter, founderId: facilitatorId });

  for (const key of spec.members) {
    const userId = people[key];
    if (spec.joinPolicy === "INVITE_ONLY") {
      const { token } = await createInvite(db, { councilId: council.id, actorId: facilitatorId });
      await acceptInvite(db, { token, userId });
    } else {
      const membership = await joinCouncil(db, { councilId: council.id, userId });
      if (membership.status === "PENDING") {
        await decideMembership(db, { councilId: council.id, membershipId: membership.id, actorId: facilitatorId, decision: "admit" });
      }
    }
  }
  for (const key of spec.pending) {
    const request = await joinCouncil(db, { councilId: council.id, userId: people[key] });
    if (request.status !== "PENDING") throw new Error(`Demo: ${key}'s request to join ${spec.slug} did not wait for approval`);
  }
  return council.id;
}

async function seedProposal(
  db: PrismaClient,
  councilId: string,
  spec: DemoProposal,
  people: Record<PersonKey, string>,
  now: Date,
) {
  const authorId = people[spec.author];
  const { id: proposalId } = await createProposal(db, { councilId, authorId, title: spec.title, body: spec.body });
  if (spec.state === "deliberation") return;
  if (spec.state === "withdrawn") {
    await withdrawProposal(db, { proposalId, actorId: authorId });
    return;
  }

  const opened = await openVoting(db, {
    proposalId,
    actorId: authorId,
    votingHours: spec.state === "voting" ? spec.votingHours : undefined,
  });
  for (const key of Object.keys(spec.votes) as PersonKey[]) {
    await castVote(db, { proposalId, userId: people[key], choice: spec.votes[key]! });
  }
  if (spec.state === "voting") return;

  // The one direct write of the seed. A closed vote needs its deadline in the past, but the services
  // only ever open a vote from the present and refuse ballots after the deadline; so the vote runs
  // now, and its window (with the proposal's creation) is then moved back in time, unchanged in length.
  const length = opened.votingClosesAt!.getTime() - opened.votingOpenedAt!.getTime();
  const votingClosesAt = new Date(now.getTime() - spec.closedDaysAgo * DAY);
  const votingOpenedAt = new Date(votingClosesAt.getTime() - length);
  const createdAt = new Date(votingOpenedAt.getTime() - DELIBERATION_DAYS * DAY);
  await db.proposal.update({ where: { id: proposalId }, data: { createdAt, votingOpenedAt, votingClosesAt } });

  const result = await closeProposal(db, proposalId);
  if (result?.outcome !== spec.expected) {
    throw new Error(`Demo: "${spec.title}" should have ${spec.expected}, but came out ${result?.outcome ?? "not closed"}`);
  }
}
