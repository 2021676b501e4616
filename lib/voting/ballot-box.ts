// Where a vote goes. Open ballots are one row per member (Vote, RankedVote), changed in place until
// the close. Secret ballots are split in one transaction: a Participation row says *that* the
// member voted (its primary key is what enforces one member, one vote), and a SealedBallot row holds
// *what* was voted, sealed under the server's ballot key, with a random id and nothing else. The
// close unseals them into Ballot rows in tracking-code order and deletes the sealed ones
// (docs/decisions/007-secret-ballots.md).
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/types";
import { ballotKey } from "../config";
import { refusal } from "../errors";
import { proposalStatus } from "../proposals/lifecycle";
import { appendAudit } from "../audit/log";
import { prepareBallot, sealBallot, unsealBallot, type BallotContent, type OpenedBallot, type Receipt } from "./receipts";

export interface VotingProposal {
  id: string;
  councilId: string;
  kind: string;
  title: string;
  secretBallot: boolean;
  withdrawnAt: Date | null;
  votingOpenedAt: Date | null;
  votingClosesAt: Date | null;
  /** The voter's membership of the proposal's council (null if none), read with the lock. */
  membershipStatus: string | null;
  /** Whether the voter is in the proposal's electorate, read with the lock. */
  inElectorate: boolean;
}

/**
 * Takes a shared lock on the proposal — votes run side by side, but never interleave with the close
 * that counts them — and returns it with the voter's membership and place in the electorate, or
 * null if there is no such proposal. One statement, so a vote costs one round trip before its write
 * (docs/decisions/011-performance.md).
 */
export async function lockForVoting(tx: Tx, proposalId: string, userId: string): Promise<VotingProposal | null> {
  const rows = await tx.$queryRaw<VotingProposal[]>`
    SELECT p.id, p."councilId", p.kind::text AS kind, p.title, p."secretBallot", p."withdrawnAt", p."votingOpenedAt", p."votingClosesAt",
      (SELECT m.status::text FROM "Membership" m WHERE m."councilId" = p."councilId" AND m."userId" = ${userId}) AS "membershipStatus",
      EXISTS (SELECT 1 FROM "ElectorateEntry" e WHERE e."proposalId" = p.id AND e."userId" = ${userId}) AS "inElectorate"
    FROM "Proposal" p WHERE p.id = ${proposalId} FOR SHARE OF p`;
  return rows[0] ?? null;
}

/**
 * How long a vote may wait for a database connection before it is refused. Prisma's default (2 s)
 * turned a burst of votes into "something went wrong" errors once the pool was busy; a voter would
 * rather wait a few seconds more (docs/decisions/011-performance.md).
 */
export const VOTE_TRANSACTION = { maxWait: 10_000 } as const;

/** Refuses, with a message for the voter, anyone who may not vote on this proposal now. */
export function checkVoter(proposal: VotingProposal, what: "vote" | "ballot"): void {
  const status = proposalStatus(proposal);
  if (status === "closed") throw refusal("CLOSED", "votingClosed", { what });
  if (status !== "voting") throw refusal("CLOSED", "votingNotOpen", { election: String(proposal.kind === "ELECTION") });
  if (proposal.membershipStatus !== "ACTIVE") throw refusal("FORBIDDEN", "onlyMembersVote");
  if (!proposal.inElectorate) {
    throw refusal("FORBIDDEN", "notInElectorate", { election: String(proposal.kind === "ELECTION") });
  }
}

export const SECRET_BALLOT_IS_FINAL =
  "You have already cast your secret ballot, and a secret ballot cannot be changed: nothing links it to you, so it cannot be found again to replace.";

/**
 * Casts a secret ballot: the participation row and the sealed ballot, in the caller's transaction.
 * A second ballot from the same member is refused (the primary key decides, under any concurrency).
 * Returns the voter's receipt; `inWords` is the ballot as the voter reads it (names, not ids).
 */
export async function castSecretBallot(tx: Tx, proposal: VotingProposal, userId: string, content: BallotContent, inWords: string): Promise<Receipt> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "Participation" ("proposalId", "userId") VALUES (${proposal.id}, ${userId})
    ON CONFLICT ("proposalId", "userId") DO NOTHING`;
  if (inserted === 0) throw refusal("CONFLICT", "secretBallotFinal");
  const ballot = prepareBallot(proposal.id, content);
  const sealed = sealBallot(ballotKey(), proposal.id, ballot);
  await tx.$executeRaw`INSERT INTO "SealedBallot" (id, "proposalId", sealed) VALUES (${randomUUID()}::uuid, ${proposal.id}, ${sealed})`;
  // That a ballot was cast, never what it says or which one it is.
  await appendAudit(tx, { councilId: proposal.councilId, actorId: userId, action: "vote.cast", subjectId: proposal.id, data: { proposalId: proposal.id, secret: true } });
  const council = await tx.council.findUniqueOrThrow({ where: { id: proposal.councilId }, select: { name: true } });
  return {
    proposalId: proposal.id, proposalTitle: proposal.title, council: council.name,
    trackingCode: ballot.tracking, ballot: inWords, castAt: new Date().toISOString(),
  };
}

/** Whether this member has voted, whichever way the ballot is kept. */
export async function hasVoted(tx: Tx, proposalId: string, userId: string): Promise<boolean> {
  const key = { proposalId_userId: { proposalId, userId } };
  const [vote, ranked, took] = await Promise.all([
    tx.vote.findUnique({ where: key, select: { proposalId: true } }),
    tx.rankedVote.findUnique({ where: key, select: { proposalId: true } }),
    tx.participation.findUnique({ where: key, select: { proposalId: true } }),
  ]);
  return Boolean(vote ?? ranked ?? took);
}

/**
 * At the close: opens every sealed ballot of the proposal, stores them as Ballot rows in
 * tracking-code order (so neither their order nor their transaction says who cast which), and
 * deletes the sealed rows. Refuses to count if the ballots and the participation roll disagree.
 */
export async function unsealBallots(tx: Tx, proposalId: string): Promise<OpenedBallot[]> {
  const [sealed, participants] = await Promise.all([
    tx.sealedBallot.findMany({ where: { proposalId }, select: { sealed: true } }),
    tx.participation.count({ where: { proposalId } }),
  ]);
  if (sealed.length !== participants) {
    throw new Error(`Secret ballot ${proposalId}: ${participants} members took part but ${sealed.length} sealed ballots are stored; the count is refused.`);
  }
  const key = ballotKey();
  const opened = sealed.map((s) => unsealBallot(key, proposalId, s.sealed)).sort((a, b) => (a.tracking < b.tracking ? -1 : 1));
  if (opened.length > 0) {
    await tx.ballot.createMany({
      data: opened.map((b) => ({
        proposalId, tracking: b.tracking, nonce: b.nonce,
        choice: "choice" in b.content ? b.content.choice : null,
        ranking: "ranking" in b.content ? b.content.ranking : [],
      })),
    });
  }
  await tx.sealedBallot.deleteMany({ where: { proposalId } });
  return opened;
}
