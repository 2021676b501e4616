// Casting and counting yes/no votes. One member, one vote: the primary key (proposal, member) allows
// one row, the foreign key to the electorate allows only eligible members. On an open ballot a
// change of mind updates that row in place (INSERT … ON CONFLICT DO UPDATE), so concurrent
// submissions converge; a secret ballot is cast once (lib/voting/ballot-box.ts).
import type { PrismaClient } from "../db/connection";
import type { Db } from "../db/types";
import { refusal } from "../errors";
import { castSecretBallot, checkVoter, lockForVoting, VOTE_TRANSACTION } from "./ballot-box";
import type { Tally } from "./outcome";
import type { TCastVote } from "../proposals/schemas";
import { appendAudit } from "../audit/log";

/** Kinds decided by yes / no / abstain. */
const YES_NO_KINDS = new Set(["MOTION", "RECALL", "MANDATE", "AMENDMENT", "CHARTER_CHANGE"]);

const CHOICE_WORDS = { YES: "Yes", NO: "No", ABSTAIN: "Abstain" } as const;

export async function castVote(db: PrismaClient, { proposalId, userId, choice }: TCastVote & { userId: string }) {
  return db.$transaction(async (tx) => {
    const proposal = await lockForVoting(tx, proposalId, userId);
    if (!proposal) throw refusal("NOT_FOUND", "noSuchProposal");
    if (!YES_NO_KINDS.has(proposal.kind)) {
      throw refusal("INVALID", proposal.kind === "ELECTION" ? "electionNotYesNo" : "federationMotionNotYesNo");
    }
    checkVoter(proposal, "vote");
    if (proposal.secretBallot) {
      const receipt = await castSecretBallot(tx, proposal, userId, { choice }, CHOICE_WORDS[choice]);
      return { proposalId, choice, receipt };
    }
    await tx.$executeRaw`
      INSERT INTO "Vote" ("proposalId", "userId", choice, "castAt", "updatedAt")
      VALUES (${proposalId}, ${userId}, ${choice}::"VoteChoice", now(), now())
      ON CONFLICT ("proposalId", "userId") DO UPDATE SET choice = EXCLUDED.choice, "updatedAt" = now()`;
    // That a vote was cast, never what it says.
    await appendAudit(tx, { councilId: proposal.councilId, actorId: userId, action: "vote.cast", subjectId: proposalId, data: { proposalId } });
    return { proposalId, choice, receipt: null };
  }, VOTE_TRANSACTION);
}

/** Yes / no / abstain counts: open votes, or secret ballots once the close has unsealed them. */
export async function countVotes(db: Db, proposalId: string): Promise<Tally> {
  const [votes, ballots] = await Promise.all([
    db.vote.groupBy({ by: ["choice"], where: { proposalId }, _count: { _all: true } }),
    db.ballot.groupBy({ by: ["choice"], where: { proposalId, choice: { not: null } }, _count: { _all: true } }),
  ]);
  const tally: Tally = { yes: 0, no: 0, abstain: 0 };
  for (const g of [...votes, ...ballots]) if (g.choice) tally[g.choice.toLowerCase() as keyof Tally] += g._count._all;
  return tally;
}
