// The demo data: twelve people, three councils and proposals in every state, a federation of the
// three, elections, delegations and a recall, a discussion and an amendment, made through the same
// domain services the app uses, so the demo obeys every rule a real council does. Content: lib/demo/content.ts.
import type { PrismaClient } from "../lib/db/connection";
import { createAccount } from "../lib/auth/accounts";
import { acceptInvite, createCouncil, createInvite, decideMembership, joinCouncil } from "../lib/councils/service";
import { closeProposal, createProposal, openVoting, withdrawProposal } from "../lib/proposals/service";
import { castVote } from "../lib/voting/service";
import { castRankedVote, createElection, nominate, respondToNomination } from "../lib/elections/service";
import { startRecall } from "../lib/delegations/service";
import { createFederation, createFederationMotion, requestToJoinFederation } from "../lib/federations/service";
import { postComment } from "../lib/comments/service";
import { proposeAmendment } from "../lib/amendments/service";
import {
  DEMO_COUNCILS, DEMO_DISCUSSION, DEMO_ELECTIONS, DEMO_FEDERATION, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_RECALL, DEMO_START_KEY, demoEmail,
  type CouncilSlug, type DemoCouncil, type DemoElection, type DemoProposal, type DemoVotes, type PersonKey,
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
  const councils = {} as Record<CouncilSlug, string>;
  for (const spec of DEMO_COUNCILS) {
    const councilId = await seedCouncil(db, spec, people);
    councils[spec.slug as CouncilSlug] = councilId;
    for (const proposal of spec.proposals) {
      await seedProposal(db, councilId, proposal, people, now);
      proposals++;
    }
  }
  proposals += await seedDelegationsAndFederation(db, councils, people, now);
  proposals += await seedDiscussion(db, people);
  return { users: Object.keys(people).length, councils: DEMO_COUNCILS.length + 1, proposals };
}

/** Comments with a reply, and an amendment in deliberation; returns how many proposals it made. */
async function seedDiscussion(db: PrismaClient, people: Record<PersonKey, string>) {
  const spec = DEMO_DISCUSSION;
  const proposal = await db.proposal.findFirstOrThrow({ where: { title: spec.proposalTitle } });
  for (const comment of spec.comments) {
    const { id } = await postComment(db, { proposalId: proposal.id, authorId: people[comment.author], body: comment.body });
    for (const reply of comment.replies ?? []) await postComment(db, { proposalId: proposal.id, parentId: id, authorId: people[reply.author], body: reply.body });
  }
  const [from, to] = spec.amendment.replace;
  if (!proposal.body.includes(from)) throw new Error(`Demo: the amendment's text "${from}" is not in "${proposal.title}"`);
  await proposeAmendment(db, { proposalId: proposal.id, authorId: people[spec.amendment.author], summary: spec.amendment.summary, body: proposal.body.replace(from, to) });
  return 1;
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
  const { id: proposalId } = await createProposal(db, { councilId, authorId, title: spec.title, body: spec.body, secretBallot: spec.secretBallot ?? false });
  if (spec.state === "deliberation") return;
  if (spec.state === "withdrawn") {
    await withdrawProposal(db, { proposalId, actorId: authorId });
    return;
  }

  await openVoting(db, {
    proposalId,
    actorId: authorId,
    votingHours: spec.state === "voting" ? spec.votingHours : undefined,
  });
  for (const key of Object.keys(spec.votes) as PersonKey[]) {
    await castVote(db, { proposalId, userId: people[key], choice: spec.votes[key]! });
  }
  if (spec.state === "voting") return;

  await moveIntoThePast(db, [proposalId], spec.closedDaysAgo, now);
  const result = await closeProposal(db, proposalId);
  if (result?.outcome !== spec.expected) {
    throw new Error(`Demo: "${spec.title}" should have ${spec.expected}, but came out ${result?.outcome ?? "not closed"}`);
  }
}

/**
 * The one direct write of the seed. A closed vote needs its deadline in the past, but the services
 * only ever open a vote from the present and refuse ballots after the deadline; so the vote runs
 * now, and its window (with the proposal's creation) is then moved back in time, unchanged in length.
 * A federation motion moves together with its councils' mandate votes, which share its window.
 */
async function moveIntoThePast(db: PrismaClient, proposalIds: string[], closedDaysAgo: number, now: Date) {
  const opened = await db.proposal.findUniqueOrThrow({ where: { id: proposalIds[0]! } });
  const length = opened.votingClosesAt!.getTime() - opened.votingOpenedAt!.getTime();
  const votingClosesAt = new Date(now.getTime() - closedDaysAgo * DAY);
  const votingOpenedAt = new Date(votingClosesAt.getTime() - length);
  const createdAt = new Date(votingOpenedAt.getTime() - DELIBERATION_DAYS * DAY);
  await db.proposal.updateMany({ where: { id: { in: proposalIds } }, data: { createdAt, votingOpenedAt, votingClosesAt } });
}

/** Casts each council's votes in the mandate votes of a federation motion. */
async function castMandateVotes(
  db: PrismaClient, motionId: string, votes: Partial<Record<CouncilSlug, DemoVotes>>,
  councils: Record<CouncilSlug, string>, people: Record<PersonKey, string>,
) {
  const mandates = await db.proposal.findMany({ where: { parentId: motionId }, select: { id: true, councilId: true } });
  for (const [slug, councilVotes] of Object.entries(votes) as [CouncilSlug, DemoVotes][]) {
    const mandate = mandates.find((m) => m.councilId === councils[slug]);
    if (!mandate) throw new Error(`Demo: ${slug} has no mandate vote on this federation motion`);
    for (const [key, choice] of Object.entries(councilVotes) as [PersonKey, DemoVotes[PersonKey]][]) {
      await castVote(db, { proposalId: mandate.id, userId: people[key], choice: choice! });
    }
  }
  return mandates.map((m) => m.id);
}

/** The federation of the three councils, elections and delegations, a recall, and an open federation vote. */
async function seedDelegationsAndFederation(
  db: PrismaClient, councils: Record<CouncilSlug, string>, people: Record<PersonKey, string>, now: Date,
): Promise<number> {
  let proposals = 0;
  const fed = DEMO_FEDERATION;
  const federation = await createFederation(db, {
    name: fed.name, slug: fed.slug, description: fed.description, charter: fed.charter,
    founderId: people[fed.founder], foundingCouncilId: councils[fed.foundingCouncil],
  });
  for (const admission of fed.admissions) {
    const motion = await requestToJoinFederation(db, { federationId: federation.id, councilId: councils[admission.council], actorId: people[admission.filedBy] });
    const mandates = await castMandateVotes(db, motion.id, admission.votes, councils, people);
    proposals += 1 + mandates.length;
    await moveIntoThePast(db, [motion.id, ...mandates], admission.closedDaysAgo, now);
    const result = await closeProposal(db, motion.id);
    if (result?.outcome !== "PASSED") throw new Error(`Demo: ${admission.council} should have been admitted, but the vote came out ${result?.outcome}`);
  }

  for (const election of DEMO_ELECTIONS) {
    await seedElection(db, election, councils, people, now);
    proposals++;
  }

  const recall = DEMO_RECALL;
  const delegation = await db.delegation.findFirstOrThrow({
    where: { councilId: councils[recall.council], holderId: people[recall.holder], role: { name: recall.role }, endedAt: null },
  });
  const { id: recallId } = await startRecall(db, { delegationId: delegation.id, actorId: people[recall.author], reason: recall.body });
  await openVoting(db, { proposalId: recallId, actorId: people[recall.author] });
  for (const [key, choice] of Object.entries(recall.votes) as [PersonKey, DemoVotes[PersonKey]][]) {
    await castVote(db, { proposalId: recallId, userId: people[key], choice: choice! });
  }
  await moveIntoThePast(db, [recallId], recall.closedDaysAgo, now);
  const recalled = await closeProposal(db, recallId);
  if (recalled?.outcome !== "PASSED") throw new Error(`Demo: the recall should have passed, but came out ${recalled?.outcome}`);
  const byElection = await db.proposal.findFirstOrThrow({ where: { councilId: councils[recall.council], kind: "ELECTION", byElection: true } });
  for (const n of recall.byElectionNominations) {
    await nominate(db, { proposalId: byElection.id, nomineeId: people[n.nominee], actorId: people[n.by] });
  }
  proposals += 2;

  const motion = await createFederationMotion(db, { federationId: federation.id, authorId: people[fed.motion.author], title: fed.motion.title, body: fed.motion.body });
  await openVoting(db, { proposalId: motion.id, actorId: people[fed.motion.author] });
  proposals += 1 + (await castMandateVotes(db, motion.id, fed.motion.votes, councils, people)).length;
  return proposals;
}

async function seedElection(
  db: PrismaClient, spec: DemoElection, councils: Record<CouncilSlug, string>, people: Record<PersonKey, string>, now: Date,
) {
  const { id: proposalId } = await createElection(db, {
    councilId: councils[spec.council], authorId: people[spec.author], roleName: spec.role, seats: spec.seats, termMonths: spec.termMonths, body: spec.body,
  });
  for (const n of spec.nominations) {
    await nominate(db, { proposalId, nomineeId: people[n.nominee], actorId: people[n.by] });
    if (n.nominee !== n.by) await respondToNomination(db, { proposalId, nomineeId: people[n.nominee], accept: !n.declines });
  }
  await openVoting(db, { proposalId, actorId: people[spec.author] });
  for (const [key, ranking] of Object.entries(spec.ballots) as [PersonKey, PersonKey[]][]) {
    await castRankedVote(db, { proposalId, userId: people[key], ranking: ranking.map((k) => people[k]) });
  }
  await moveIntoThePast(db, [proposalId], spec.closedDaysAgo, now);
  const result = await closeProposal(db, proposalId);
  const expected = spec.expectedWinners.map((k) => people[k]);
  if (result?.outcome !== "ELECTED" || result.winners.join() !== expected.join()) {
    throw new Error(`Demo: the ${spec.role} election should have elected ${spec.expectedWinners.join(", ")}, but came out ${result?.outcome}`);
  }
}
