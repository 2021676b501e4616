// Proposals from submission to result: submit, withdraw, open voting, close and count.
import type { PrismaClient } from "../db/connection";
import type { Tx } from "../db/types";
import { DomainError, refusal } from "../errors";
import { requireMember } from "../councils/access";
import { roleMay } from "../councils/membership";
import { currentCharter } from "../councils/service";
import { closeMotionInTx } from "../voting/close-motion";
import { OPEN_VOTING_TRANSACTION, recordElectorate } from "../voting/electorate";
import { closeElectionInTx, listCandidates } from "../elections/service";
import { closeFederationMotionInTx, findFederationVoice, openFederationVoting } from "../federations/service";
import { proposalStatus, votingDeadline } from "./lifecycle";
import { appendAudit } from "../audit/log";
import { ballotIsSecret } from "../voting/secrecy";
import {
  checkAmendmentMayOpen, findAmendmentDetails, findAmendmentsOf, findAmendmentTargetId, findUncountedAmendments, lapseAmendmentsOfWithdrawn,
  settleAmendmentsBeforeVoting,
} from "../amendments/service";
import { findCharterChangeView } from "../charters/service";
import type { TCreateProposal } from "./schemas";

export const PROPOSALS_PER_PAGE = 20;

export async function createProposal(db: PrismaClient, input: TCreateProposal & { authorId: string }) {
  await requireMember(db, input.councilId, input.authorId);
  const council = await db.council.findUniqueOrThrow({ where: { id: input.councilId }, select: { kind: true } });
  if (council.kind === "FEDERATION") throw refusal("INVALID", "federationQuestionsAreMotions");
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({
      data: { councilId: input.councilId, authorId: input.authorId, title: input.title, body: input.body, secretBallot: input.secretBallot ?? false },
    });
    await appendAudit(tx, { councilId: proposal.councilId, actorId: input.authorId, action: "proposal.submitted", subjectId: proposal.id, data: { proposalId: proposal.id, kind: proposal.kind } });
    return proposal;
  });
}

/** Locks the proposal row for the rest of the transaction (voting takes a shared lock on it). */
async function lockProposal(tx: Tx, proposalId: string) {
  await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${proposalId} FOR UPDATE`;
  const proposal = await tx.proposal.findUnique({ where: { id: proposalId } });
  if (!proposal) throw refusal("NOT_FOUND", "noSuchProposal");
  return proposal;
}

export async function withdrawProposal(db: PrismaClient, { proposalId, actorId }: { proposalId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, proposalId);
    if (proposal.kind === "FEDERATION_MOTION") {
      // A federation has councils, not people, as members: the author needs a voice through one.
      if (!(await findFederationVoice(tx, proposal.councilId, actorId))) {
        throw refusal("FORBIDDEN", "federationMembersOnly");
      }
    } else {
      await requireMember(tx, proposal.councilId, actorId);
    }
    if (proposal.authorId !== actorId) throw refusal("FORBIDDEN", "onlyAuthorWithdraws");
    if (proposal.openedByRecallId) {
      throw refusal("FORBIDDEN", "byElectionNotWithdrawn");
    }
    if (proposalStatus(proposal) !== "deliberation") {
      throw refusal("CLOSED", "withdrawBeforeVoting");
    }
    await appendAudit(tx, { councilId: proposal.councilId, actorId, action: "proposal.withdrawn", subjectId: proposalId, data: { proposalId, kind: proposal.kind } });
    const now = new Date();
    if (proposal.kind === "MOTION") await lapseAmendmentsOfWithdrawn(tx, { targetId: proposalId, actorId, councilId: proposal.councilId, now });
    return tx.proposal.update({ where: { id: proposalId }, data: { withdrawnAt: now } });
  });
}

/**
 * Opens voting under the council's current charter and records the electorate: the active members
 * at this moment. Later joiners cannot vote on it; the electorate size is fixed for quorum.
 * Federation motions open in every member council at once (lib/federations/service.ts).
 */
export async function openVoting(
  db: PrismaClient,
  { proposalId, actorId, votingHours }: { proposalId: string; actorId: string; votingHours?: number | undefined },
) {
  const kind = (await db.proposal.findUnique({ where: { id: proposalId }, select: { kind: true } }))?.kind;
  if (kind === "FEDERATION_MOTION") return openFederationVoting(db, { proposalId, actorId, votingHours });
  const amends = kind === "AMENDMENT" ? await findAmendmentTargetId(db, proposalId) : null;
  return db.$transaction(async (tx) => {
    // A motion before its amendments, always (lib/amendments/service.ts): the order closing takes too.
    if (amends) await lockProposal(tx, amends);
    const proposal = await lockProposal(tx, proposalId);
    if (proposal.kind === "MANDATE") throw refusal("FORBIDDEN", "mandateOpensWithFederation");
    const actor = await requireMember(tx, proposal.councilId, actorId);
    if (proposal.authorId !== actorId && !roleMay(actor.role, "open-any-vote")) {
      throw refusal("FORBIDDEN", "authorOrFacilitatorOpens");
    }
    if (proposalStatus(proposal) !== "deliberation") {
      throw refusal("CLOSED", "proposalNotInDeliberation");
    }
    if (proposal.kind === "ELECTION" && (await listCandidates(tx, proposalId, { stillMembers: true })).length === 0) {
      throw refusal("INVALID", "noCandidates");
    }
    if (proposal.kind === "RECALL") {
      const delegation = proposal.delegationId ? await tx.delegation.findUnique({ where: { id: proposal.delegationId } }) : null;
      if (!delegation || delegation.endedAt || delegation.endsAt <= new Date()) {
        throw refusal("CLOSED", "delegationEnded");
      }
    }
    // A charter change that passed at its deadline governs votes opened after it, counted or not yet.
    await closeLapsedCharterChanges(tx, proposal.councilId, new Date());
    if (proposal.kind === "AMENDMENT") await checkAmendmentMayOpen(tx, proposal.id);
    if (proposal.kind === "MOTION") {
      // Amendments whose vote ended are counted (and merged) first; a running one keeps this closed.
      const now = new Date();
      for (const due of await findUncountedAmendments(tx, proposal.id, undefined, now)) await closeInTx(tx, await lockProposal(tx, due.id));
      await settleAmendmentsBeforeVoting(tx, { targetId: proposal.id, actorId, councilId: proposal.councilId, now });
    }
    const charter = await currentCharter(tx, proposal.councilId);
    if (votingHours !== undefined && votingHours < charter.votingPeriodHours) {
      throw refusal("INVALID", "votingTooShort", { hours: charter.votingPeriodHours }, { votingHours: "votingTooShortField" });
    }
    const openedAt = new Date();
    const closesAt = votingDeadline(openedAt, charter.votingPeriodHours, votingHours);
    const electorate = await recordElectorate(tx, { proposalId, councilId: proposal.councilId, openedAt });
    // The charter in force when voting opens decides open or secret; the author's wish counts only where it lets them choose.
    const secretBallot = ballotIsSecret(charter.ballotSecrecy, proposal.secretBallot);
    await appendAudit(tx, {
      councilId: proposal.councilId, actorId, action: "voting.opened", subjectId: proposalId,
      data: { proposalId, kind: proposal.kind, closesAt: closesAt.toISOString(), electorateSize: electorate.electorateSize, secretBallot },
    });
    return tx.proposal.update({
      where: { id: proposalId },
      data: { votingOpenedAt: openedAt, votingClosesAt: closesAt, charterId: charter.id, secretBallot, ...electorate },
    });
  }, OPEN_VOTING_TRANSACTION);
}

/**
 * Counts a proposal whose deadline has passed and stores the result, once. Safe to call from any
 * number of readers at once: the row lock makes the first one count and the rest read its result.
 * The count depends on the kind: motion-like votes, elections, or federation motions.
 */
export async function closeProposal(db: PrismaClient, proposalId: string) {
  return db.$transaction(async (tx) => {
    const amends = await findAmendmentTargetId(tx, proposalId);
    if (amends) await lockProposal(tx, amends); // the motion before its amendment: its text may change
    const proposal = await lockProposal(tx, proposalId);
    if (proposalStatus(proposal) !== "closed") return null;
    return closeInTx(tx, proposal);
  }, CLOSE_TRANSACTION);
}

/**
 * Counting a million ranked ballots takes seconds (grouping them in SQL, then the count): more than
 * Prisma's 5 s default on a busy machine. Votes after the deadline are refused anyway, so holding
 * the proposal's lock longer delays no one (docs/decisions/011-performance.md).
 */
const CLOSE_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

type LockedProposal = Awaited<ReturnType<typeof lockProposal>>;

async function closeInTx(tx: Tx, proposal: LockedProposal) {
  await closeEarlierOnSameRole(tx, proposal);
  await closeEarlierAmendments(tx, proposal);
  if (proposal.kind === "CHARTER_CHANGE") await closeLapsedCharterChanges(tx, proposal.councilId, proposal.votingClosesAt!);
  // What a result sets in motion (a recall, an admission) takes effect at the deadline, like an
  // election's terms, not whenever the first reader or the sweep happens to count it.
  const now = proposal.votingClosesAt!;
  switch (proposal.kind) {
    case "ELECTION":
      return closeElectionInTx(tx, proposal);
    case "FEDERATION_MOTION":
      return closeFederationMotionInTx(tx, proposal, now);
    default:
      return closeMotionInTx(tx, proposal, now);
  }
}

/**
 * Elections and recalls on the same role must take effect in deadline order, whichever is read
 * first: a recall must not end a seat an earlier election already replaced, nor an election
 * overlook a recall that passed before it. So before counting one, count the uncounted ones due
 * earlier (locks go from later to earlier deadlines, so two closers cannot deadlock).
 */
async function closeEarlierOnSameRole(tx: Tx, proposal: LockedProposal) {
  if (!proposal.votingClosesAt || (proposal.kind !== "ELECTION" && proposal.kind !== "RECALL")) return;
  const roleId = proposal.kind === "ELECTION"
    ? proposal.roleId
    : proposal.delegationId ? (await tx.delegation.findUnique({ where: { id: proposal.delegationId }, select: { roleId: true } }))?.roleId : null;
  if (!roleId) return;
  const latest = await tx.proposal.findFirst({
    where: {
      id: { not: proposal.id }, withdrawnAt: null, result: null,
      votingClosesAt: { lt: proposal.votingClosesAt },
      OR: [{ kind: "ELECTION", roleId }, { kind: "RECALL", delegation: { roleId } }],
    },
    orderBy: { votingClosesAt: "desc" },
    select: { id: true },
  });
  if (!latest) return;
  // The latest of them first counts the ones before it (recursively), so effects land in deadline order.
  const locked = await lockProposal(tx, latest.id);
  if (!(await tx.result.findUnique({ where: { proposalId: latest.id }, select: { proposalId: true } }))) await closeInTx(tx, locked);
}

/**
 * Passed amendments are merged in deadline order (ties by id), whichever is read first: before one
 * is counted, the uncounted amendments of the same motion that closed earlier are counted. The
 * caller holds the motion's lock, so two closers take turns.
 */
async function closeEarlierAmendments(tx: Tx, proposal: LockedProposal) {
  if (proposal.kind !== "AMENDMENT" || !proposal.votingClosesAt) return;
  const targetId = await findAmendmentTargetId(tx, proposal.id);
  if (!targetId) return;
  for (const earlier of await findUncountedAmendments(tx, targetId, { closesAt: proposal.votingClosesAt, id: proposal.id })) {
    const locked = await lockProposal(tx, earlier.id);
    if (!(await tx.result.findUnique({ where: { proposalId: earlier.id }, select: { proposalId: true } }))) await closeInTx(tx, locked);
  }
}

/**
 * Charter changes take effect in deadline order, whichever is read first, each on top of the
 * version the earlier ones made: so before counting one (or opening a vote under the current
 * charter), count the uncounted ones of the council due before it — the latest first, which in
 * turn counts those before itself.
 */
async function closeLapsedCharterChanges(tx: Tx, councilId: string, before: Date) {
  const latest = await tx.proposal.findFirst({
    where: { councilId, kind: "CHARTER_CHANGE", withdrawnAt: null, result: null, votingClosesAt: { lt: before } },
    orderBy: { votingClosesAt: "desc" },
    select: { id: true },
  });
  if (!latest) return;
  const locked = await lockProposal(tx, latest.id);
  if (proposalStatus(locked) === "closed" && !(await tx.result.findUnique({ where: { proposalId: latest.id }, select: { proposalId: true } }))) {
    await closeInTx(tx, locked);
  }
}

/** The scheduled side of closing: counts every proposal whose deadline passed without a reader. */
export async function closeDueProposals(db: PrismaClient, now = new Date()) {
  const due = await db.proposal.findMany({
    where: { votingClosesAt: { lte: now }, withdrawnAt: null, result: null },
    orderBy: { votingClosesAt: "asc" }, // effects on the same role must apply in deadline order
    select: { id: true },
    take: 500,
  });
  for (const { id } of due) await closeProposal(db, id);
  return due.length;
}

export async function listCouncilProposals(
  db: PrismaClient,
  { councilId, page = 1 }: { councilId: string; page?: number },
) {
  const [total, proposals] = await Promise.all([
    db.proposal.count({ where: { councilId } }),
    db.proposal.findMany({
      where: { councilId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PROPOSALS_PER_PAGE,
      take: PROPOSALS_PER_PAGE,
      select: {
        id: true, title: true, createdAt: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true,
        author: { select: { name: true } },
        result: { select: { outcome: true } },
      },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / PROPOSALS_PER_PAGE)), proposals };
}

/**
 * Everything the proposal page shows, for an active member of its council; null if there is no
 * such proposal. A closed vote is counted here if no one has counted it yet.
 */
export async function findProposalPage(db: PrismaClient, { proposalId, viewerId }: { proposalId: string; viewerId: string }) {
  // Amendments whose vote ended are counted first, so a motion shows the text they produced.
  for (const due of await findUncountedAmendments(db, proposalId)) await closeProposal(db, due.id);
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: {
      council: { select: { id: true, slug: true, name: true, kind: true } },
      author: { select: { id: true, name: true } },
      charter: true,
      result: true,
    },
  });
  if (!proposal) return null;
  // A federation's motions are seen by the members of its member councils; all else by members.
  const viewer =
    proposal.kind === "FEDERATION_MOTION"
      ? (await findFederationVoice(db, proposal.councilId, viewerId))
        ? { role: "MEMBER" as const, status: "ACTIVE" as const, councilId: proposal.councilId }
        : await requireMember(db, proposal.councilId, viewerId)
      : await requireMember(db, proposal.councilId, viewerId);
  const status = proposalStatus(proposal);
  const result = status === "closed" ? (proposal.result ?? (await closeProposal(db, proposalId))) : null;
  const charter = proposal.charter ?? (await currentCharter(db, proposal.councilId));
  const [myVote, eligible, participation] = await Promise.all([
    db.vote.findUnique({ where: { proposalId_userId: { proposalId, userId: viewerId } }, select: { choice: true, updatedAt: true } }),
    db.electorateEntry.findUnique({ where: { proposalId_userId: { proposalId, userId: viewerId } }, select: { userId: true } }),
    db.participation.findUnique({ where: { proposalId_userId: { proposalId, userId: viewerId } }, select: { userId: true } }),
  ]);
  return {
    proposal, status, result, charter, viewer, myVote, eligible: Boolean(eligible),
    /** Secret ballots: that this member has cast theirs (what it says is not known here). */
    castSecretBallot: Boolean(participation),
    ...(await findKindDetails(db, proposal, viewerId, status)),
  };
}

/** What each kind of proposal shows beyond a motion's: candidates, the delegation, the mandates. */
async function findKindDetails(db: PrismaClient, proposal: { id: string; kind: string; councilId: string; body: string; createdAt: Date; charterChange: unknown; roleId: string | null; delegationId: string | null; parentId: string | null; admitsCouncilId: string | null }, viewerId: string, status: ReturnType<typeof proposalStatus>) {
  switch (proposal.kind) {
    case "MOTION":
      return { amendable: await findAmendmentsOf(db, proposal) };
    case "AMENDMENT":
      return { amendmentOf: await findAmendmentDetails(db, proposal.id) };
    case "ELECTION": {
      const [role, nominations, myRanking, members] = await Promise.all([
        db.role.findUniqueOrThrow({ where: { id: proposal.roleId! } }),
        db.nomination.findMany({
          where: { proposalId: proposal.id },
          include: { nominee: { select: { id: true, name: true } }, nominatedBy: { select: { id: true, name: true } } },
          orderBy: { nominee: { name: "asc" } },
        }),
        db.rankedVote.findUnique({ where: { proposalId_userId: { proposalId: proposal.id, userId: viewerId } }, select: { ranking: true } }),
        // Who can be nominated: only asked while nominations are open. Sorting a big council's
        // members by name is the costliest read on the page, and a closed election's page (with a
        // million ballots) has no use for it.
        status === "deliberation"
          ? db.membership.findMany({
              where: { councilId: proposal.councilId, status: "ACTIVE" },
              select: { user: { select: { id: true, name: true } } },
              orderBy: { user: { name: "asc" } },
              take: 500,
            })
          : [],
      ]);
      return { election: { role, nominations, myRanking: myRanking?.ranking ?? null, members: members.map((m) => m.user) } };
    }
    case "RECALL": {
      const delegation = proposal.delegationId
        ? await db.delegation.findUnique({ where: { id: proposal.delegationId }, include: { role: true, holder: { select: { id: true, name: true } } } })
        : null;
      return { recall: { delegation } };
    }
    case "FEDERATION_MOTION": {
      const [mandates, admits] = await Promise.all([
        db.proposal.findMany({
          where: { parentId: proposal.id },
          select: { id: true, councilId: true, electorateSize: true, council: { select: { name: true, slug: true } }, result: { select: { outcome: true } } },
          orderBy: { council: { name: "asc" } },
        }),
        proposal.admitsCouncilId ? db.council.findUnique({ where: { id: proposal.admitsCouncilId }, select: { name: true, slug: true } }) : null,
      ]);
      return { federation: { mandates, admits } };
    }
    case "CHARTER_CHANGE":
      return { charterChange: await findCharterChangeView(db, proposal) };
    case "MANDATE": {
      const parent = await db.proposal.findUnique({ where: { id: proposal.parentId! }, select: { id: true, council: { select: { name: true, slug: true } } } });
      return { mandateOf: parent };
    }
    default:
      return {};
  }
}
