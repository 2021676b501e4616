// Elections: a council fills the seats of a role (a work role or its seats in a federation) by
// ranked ballots. Members nominate; nominees accept; the count is IRV or Scottish STV.
import type { PrismaClient } from "../db/connection";
import type { Tx } from "../db/types";
import { DomainError, isUniqueViolation, refusal } from "../errors";
import { requireMember } from "../councils/access";
import { currentCharter } from "../councils/service";
import { currentWhere, termEnd, termsHeld } from "../delegations/service";
import { proposalStatus } from "../proposals/lifecycle";
import { checkRanking, decideElection, mayStandAgain } from "./rules";
import type { TCreateElection } from "./schemas";
import { appendAudit } from "../audit/log";
import { castSecretBallot, checkVoter, lockForVoting, VOTE_TRANSACTION, unsealBallots } from "../voting/ballot-box";

const DEFAULT_TERM_MONTHS = 12;

export async function createElection(db: PrismaClient, input: TCreateElection & { authorId: string }) {
  return db.$transaction(async (tx) => {
    await requireMember(tx, input.councilId, input.authorId);
    let role = input.roleId ? await tx.role.findFirst({ where: { id: input.roleId, councilId: input.councilId } }) : null;
    if (input.roleId && !role) throw refusal("NOT_FOUND", "roleNotInCouncil");
    if (!role) {
      const name = input.roleName!;
      if (await tx.role.findUnique({ where: { councilId_name: { councilId: input.councilId, name } } })) {
        throw refusal("CONFLICT", "roleExists", { name }, { roleName: "roleExistsField" });
      }
      role = await tx.role.create({
        data: { councilId: input.councilId, name, kind: "WORK_ROLE", seats: input.seats ?? 1, termMonths: input.termMonths ?? DEFAULT_TERM_MONTHS },
      });
    }
    const election = await tx.proposal.create({
      data: {
        councilId: input.councilId,
        authorId: input.authorId,
        kind: "ELECTION",
        roleId: role.id,
        seats: role.seats,
        secretBallot: input.secretBallot ?? false,
        title: `Election: ${role.name} (${role.seats} seat${role.seats === 1 ? "" : "s"})`,
        body: input.body || `${role.seats === 1 ? "Elect one person" : `Elect ${role.seats} people`} to the role “${role.name}” for a term of ${role.termMonths} month${role.termMonths === 1 ? "" : "s"}. Nominate yourself or another member; nominees accept before voting opens.`,
      },
    });
    await appendAudit(tx, { councilId: input.councilId, actorId: input.authorId, action: "election.created", subjectId: election.id, data: { proposalId: election.id, roleId: role.id, seats: role.seats } });
    return election;
  });
}

async function electionInDeliberation(tx: Tx, proposalId: string) {
  // The shared lock orders this against openVoting (which locks the row for update): a nomination
  // either commits before voting opens or sees that it has.
  await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${proposalId} FOR SHARE`;
  const proposal = await tx.proposal.findUnique({ where: { id: proposalId }, include: { role: true } });
  if (!proposal || proposal.kind !== "ELECTION" || !proposal.role) throw refusal("NOT_FOUND", "noSuchElection");
  if (proposalStatus(proposal) !== "deliberation") throw refusal("CLOSED", "nominationsClosed");
  return { ...proposal, role: proposal.role };
}

/** Anyone in the council may nominate a member, themselves included (a self-nomination is accepted at once). */
export async function nominate(db: PrismaClient, { proposalId, nomineeId, actorId }: { proposalId: string; nomineeId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const election = await electionInDeliberation(tx, proposalId);
    await requireMember(tx, election.councilId, actorId);
    const nominee = await tx.membership.findUnique({
      where: { councilId_userId: { councilId: election.councilId, userId: nomineeId } },
      include: { user: { select: { name: true } } },
    });
    if (nominee?.status !== "ACTIVE") throw refusal("INVALID", "nomineeNotMember");
    const charter = await currentCharter(tx, election.councilId);
    if (!mayStandAgain(await termsHeld(tx, election.roleId!, nomineeId), charter.termLimit)) {
      throw refusal("FORBIDDEN", "termLimitReached", { name: nominee.user.name, count: charter.termLimit ?? 0, role: election.role.name });
    }
    const existing = await tx.nomination.findUnique({ where: { proposalId_nomineeId: { proposalId, nomineeId } } });
    if (existing) throw refusal("CONFLICT", "alreadyNominated", { name: nominee.user.name });
    const self = nomineeId === actorId;
    await appendAudit(tx, { councilId: election.councilId, actorId, action: "nomination.made", subjectId: proposalId, data: { proposalId, nomineeId } });
    return tx.nomination.create({ data: { proposalId, nomineeId, nominatedById: actorId, ...(self ? { acceptedAt: new Date() } : {}) } });
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw refusal("CONFLICT", "nominatedMomentAgo");
    throw e;
  });
}

/** Only the nominee decides whether to stand; they may change their mind until voting opens. */
export async function respondToNomination(db: PrismaClient, { proposalId, nomineeId, accept }: { proposalId: string; nomineeId: string; accept: boolean }) {
  return db.$transaction(async (tx) => {
    const election = await electionInDeliberation(tx, proposalId);
    await requireMember(tx, election.councilId, nomineeId);
    const nomination = await tx.nomination.findUnique({ where: { proposalId_nomineeId: { proposalId, nomineeId } } });
    if (!nomination) throw refusal("NOT_FOUND", "notNominated");
    const now = new Date();
    return tx.nomination.update({
      where: { proposalId_nomineeId: { proposalId, nomineeId } },
      data: accept ? { acceptedAt: now, declinedAt: null } : { acceptedAt: null, declinedAt: now },
    });
  });
}

/** The candidates: nominees who accepted before voting opened (nominations freeze then). */
export async function listCandidates(db: Tx | PrismaClient, proposalId: string, { stillMembers = false } = {}) {
  const rows = await db.nomination.findMany({
    where: {
      proposalId, acceptedAt: { not: null },
      ...(stillMembers ? { nominee: { memberships: { some: { status: "ACTIVE", council: { proposals: { some: { id: proposalId } } } } } } } : {}),
    },
    orderBy: { nominee: { name: "asc" } },
    select: { nominee: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.nominee);
}

/** Same guarantees as castVote: one ranked ballot per member, replaced on change (open ballots only), never after the close. */
export async function castRankedVote(db: PrismaClient, { proposalId, userId, ranking }: { proposalId: string; userId: string; ranking: string[] }) {
  return db.$transaction(async (tx) => {
    const proposal = await lockForVoting(tx, proposalId, userId);
    if (!proposal || proposal.kind !== "ELECTION") throw refusal("NOT_FOUND", "noSuchElection");
    checkVoter(proposal, "ballot");
    const candidates = await listCandidates(tx, proposalId);
    const checked = checkRanking(ranking, candidates.map((c) => c.id));
    if (proposal.secretBallot) {
      const names = new Map(candidates.map((c) => [c.id, c.name]));
      const inWords = checked.length ? checked.map((id, i) => `${i + 1}. ${names.get(id)}`).join(", ") : "No one ranked (a blank ballot)";
      const receipt = await castSecretBallot(tx, proposal, userId, { ranking: checked }, inWords);
      return { proposalId, ranking: checked, receipt };
    }
    await tx.$executeRaw`
      INSERT INTO "RankedVote" ("proposalId", "userId", ranking, "castAt", "updatedAt")
      VALUES (${proposalId}, ${userId}, ${checked}::text[], now(), now())
      ON CONFLICT ("proposalId", "userId") DO UPDATE SET ranking = EXCLUDED.ranking, "updatedAt" = now()`;
    // That a ballot was cast, never what it ranks.
    await appendAudit(tx, { councilId: proposal.councilId, actorId: userId, action: "vote.cast", subjectId: proposalId, data: { proposalId } });
    return { proposalId, ranking: checked, receipt: null };
  }, VOTE_TRANSACTION);
}

/**
 * Counts a lapsed election and records the winners as delegations for the role's term. A regular
 * election replaces the role's current holders; a by-election only fills the vacant seat.
 */
export async function closeElectionInTx(
  tx: Tx,
  proposal: { id: string; councilId: string; roleId: string | null; seats: number | null; byElection: boolean; secretBallot: boolean; charterId: string | null; electorateSize: number | null; votingClosesAt: Date | null },
) {
  const existing = await tx.result.findUnique({ where: { proposalId: proposal.id } });
  if (existing) return existing;
  if (proposal.secretBallot) await unsealBallots(tx, proposal.id);
  const charter = await tx.charter.findUniqueOrThrow({ where: { id: proposal.charterId! } });
  const role = await tx.role.findUniqueOrThrow({ where: { id: proposal.roleId! } });
  const candidates = await listCandidates(tx, proposal.id);
  // A candidate who left the council before the close cannot hold its role: they are treated as
  // withdrawn, and ballots pass over them to the next preference.
  const stillMembers = new Set(
    (await tx.membership.findMany({
      where: { councilId: proposal.councilId, status: "ACTIVE", userId: { in: candidates.map((c) => c.id) } },
      select: { userId: true },
    })).map((m) => m.userId),
  );
  const withdrawn = candidates.filter((c) => !stillMembers.has(c.id)).map((c) => c.id);
  const standing = candidates.filter((c) => stillMembers.has(c.id)).map((c) => c.id);
  // Identical rankings are counted once with their number; secret ballots are unsealed by now.
  const groups = proposal.secretBallot
    ? await tx.$queryRaw<{ ranking: string[]; n: bigint }[]>`
        SELECT ranking, count(*) AS n FROM "Ballot" WHERE "proposalId" = ${proposal.id} GROUP BY ranking`
    : await tx.$queryRaw<{ ranking: string[]; n: bigint }[]>`
        SELECT ranking, count(*) AS n FROM "RankedVote" WHERE "proposalId" = ${proposal.id} GROUP BY ranking`;
  const electorateSize = proposal.electorateSize ?? 0;
  const decision = decideElection(
    groups.map((g) => ({ ranking: g.ranking.filter((id) => stillMembers.has(id)), count: Number(g.n) })),
    { proposalId: proposal.id, seats: proposal.seats ?? role.seats, candidateIds: standing, electorateSize, quorumPercent: charter.quorumPercent },
  );
  const winners = decision.outcome === "ELECTED" ? decision.count.winners : [];
  // Every candidate left before the close: nobody could be elected, whatever the quorum.
  const outcome = decision.outcome === "ELECTED" && winners.length === 0 ? "REJECTED" : decision.outcome;
  const result = await tx.result.create({
    data: {
      proposalId: proposal.id,
      yes: 0, no: 0, abstain: 0,
      electorateSize,
      quorumMet: decision.quorumMet,
      thresholdMet: winners.length > 0,
      outcome,
      winners,
      count: { ...decision.count, turnout: decision.turnout, quorumNeeded: decision.quorumNeeded, candidates, withdrawn } as object,
    },
  });
  await appendAudit(tx, {
    councilId: proposal.councilId, action: "result.published", subjectId: proposal.id,
    data: { proposalId: proposal.id, kind: "ELECTION", outcome, winners, turnout: decision.turnout, electorateSize },
  });
  if (winners.length > 0) {
    const start = proposal.votingClosesAt ?? new Date();
    if (!proposal.byElection) {
      const superseded = await tx.delegation.findMany({ where: { roleId: role.id, ...currentWhere(start) }, select: { id: true, holderId: true } });
      await tx.delegation.updateMany({ where: { roleId: role.id, ...currentWhere(start) }, data: { endedAt: start, endReason: "SUPERSEDED" } });
      for (const d of superseded) {
        await appendAudit(tx, { councilId: proposal.councilId, action: "delegation.ended", subjectId: d.id, data: { delegationId: d.id, roleId: role.id, holderId: d.holderId, reason: "SUPERSEDED", electionId: proposal.id } });
      }
    }
    const started = await tx.delegation.createManyAndReturn({
      data: winners.map((holderId) => ({ councilId: proposal.councilId, roleId: role.id, holderId, electedById: proposal.id, startsAt: start, endsAt: termEnd(start, role.termMonths) })),
      select: { id: true, holderId: true, endsAt: true },
    });
    for (const d of started) {
      await appendAudit(tx, { councilId: proposal.councilId, action: "delegation.started", subjectId: d.id, data: { delegationId: d.id, roleId: role.id, holderId: d.holderId, electionId: proposal.id, endsAt: d.endsAt.toISOString() } });
    }
  }
  return result;
}
