// Casting and counting votes. One member, one vote: the primary key (proposal, member) allows one
// row, the foreign key to the electorate allows only eligible members, and a change of mind
// updates that row in place (INSERT … ON CONFLICT DO UPDATE), so concurrent submissions converge.
import type { PrismaClient } from "../db/connection";
import type { Db } from "../db/types";
import { DomainError } from "../errors";
import { proposalStatus } from "../proposals/lifecycle";
import type { Tally } from "./outcome";
import type { TCastVote } from "../proposals/schemas";
import { appendAudit } from "../audit/log";

/** Kinds decided by yes / no / abstain. */
const YES_NO_KINDS = new Set(["MOTION", "RECALL", "MANDATE", "CHARTER_CHANGE"]);

export async function castVote(db: PrismaClient, { proposalId, userId, choice }: TCastVote & { userId: string }) {
  return db.$transaction(async (tx) => {
    // A shared lock: votes run side by side, but never interleave with the close that counts them.
    const rows = await tx.$queryRaw<{ councilId: string; kind: string; withdrawnAt: Date | null; votingOpenedAt: Date | null; votingClosesAt: Date | null }[]>`
      SELECT "councilId", kind::text AS kind, "withdrawnAt", "votingOpenedAt", "votingClosesAt" FROM "Proposal" WHERE id = ${proposalId} FOR SHARE`;
    const proposal = rows[0];
    if (!proposal) throw new DomainError("NOT_FOUND", "There is no such proposal.");
    if (!YES_NO_KINDS.has(proposal.kind)) {
      throw new DomainError("INVALID", proposal.kind === "ELECTION" ? "Elections take a ranked ballot, not yes or no." : "This question is decided by the member councils' own votes.");
    }
    const status = proposalStatus(proposal);
    if (status === "closed") throw new DomainError("CLOSED", "Voting has closed; your vote was not recorded.");
    if (status !== "voting") throw new DomainError("CLOSED", "Voting is not open on this proposal.");
    const membership = await tx.membership.findUnique({
      where: { councilId_userId: { councilId: proposal.councilId, userId } },
      select: { status: true },
    });
    if (membership?.status !== "ACTIVE") throw new DomainError("FORBIDDEN", "Only members of this council can vote.");
    const entry = await tx.electorateEntry.findUnique({ where: { proposalId_userId: { proposalId, userId } } });
    if (!entry) {
      throw new DomainError("FORBIDDEN", "You joined after voting opened, so you are not in this vote's electorate.");
    }
    await tx.$executeRaw`
      INSERT INTO "Vote" ("proposalId", "userId", choice, "castAt", "updatedAt")
      VALUES (${proposalId}, ${userId}, ${choice}::"VoteChoice", now(), now())
      ON CONFLICT ("proposalId", "userId") DO UPDATE SET choice = EXCLUDED.choice, "updatedAt" = now()`;
    // That a vote was cast, never what it says.
    await appendAudit(tx, { councilId: proposal.councilId, actorId: userId, action: "vote.cast", subjectId: proposalId, data: { proposalId } });
    return { proposalId, choice };
  });
}

export async function countVotes(db: Db, proposalId: string): Promise<Tally> {
  const groups = await db.vote.groupBy({ by: ["choice"], where: { proposalId }, _count: { _all: true } });
  const tally: Tally = { yes: 0, no: 0, abstain: 0 };
  for (const g of groups) tally[g.choice.toLowerCase() as keyof Tally] = g._count._all;
  return tally;
}

export async function countTurnout(db: Db, proposalId: string): Promise<number> {
  return db.vote.count({ where: { proposalId } });
}
