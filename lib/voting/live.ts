// What a member may watch while a vote runs: turnout always, the running tally only where the
// charter shows live results and the ballot is open. Read by the proposal page and by the polling
// endpoint (app/api/proposals/[id]/live), which both authorise through findLiveCount.
import type { Db } from "../db/types";
import type { PrismaClient } from "../db/connection";
import { refusal } from "../errors";
import { requireMember } from "../councils/access";
import { findFederationVoice } from "../federations/service";
import { proposalStatus, type ProposalStatus } from "../proposals/lifecycle";
import type { Tally } from "./outcome";

/** Kinds counted yes / no / abstain: the only ones with a tally to show while voting runs. */
const YES_NO_KINDS = new Set(["MOTION", "RECALL", "MANDATE", "CHARTER_CHANGE"]);

export interface LiveRules {
  kind: string;
  liveResults: boolean;
  /** The proposal's own secrecy (fixed when voting opened) and the charter's. */
  secretBallot: boolean;
  ballotSecrecy: string;
}

/** Whether the running tally may leave the server: never for a secret ballot, whatever else says. */
export function liveTallyAllowed(rules: LiveRules): boolean {
  if (rules.secretBallot || rules.ballotSecrecy === "SECRET") return false;
  return rules.liveResults && YES_NO_KINDS.has(rules.kind);
}

/**
 * How many members have voted: open ballots (Vote, RankedVote) and secret ones (Participation,
 * which records that a member voted and nothing else). A proposal uses one of them; summing all
 * three keeps this right whichever it is.
 */
export async function countParticipation(db: Db, proposalId: string): Promise<number> {
  return (await countLive(db, proposalId)).turnout;
}

/**
 * Turnout and the open tally in one round trip (each poll of every watcher runs this, so it is
 * one indexed query rather than four: see the figures in decision 010). Callers decide whether
 * the tally may leave the server.
 */
async function countLive(db: Db, proposalId: string): Promise<{ turnout: number; tally: Tally }> {
  const [row] = await db.$queryRaw<{ votes: number; ranked: number; secret: number; yes: number; no: number; abstain: number }[]>`
    SELECT v.votes, v.yes, v.no, v.abstain,
      (SELECT count(*)::int FROM "RankedVote" WHERE "proposalId" = ${proposalId}) AS ranked,
      (SELECT count(*)::int FROM "Participation" WHERE "proposalId" = ${proposalId}) AS secret
    FROM (SELECT count(*)::int AS votes,
            (count(*) FILTER (WHERE choice = 'YES'))::int AS yes,
            (count(*) FILTER (WHERE choice = 'NO'))::int AS no,
            (count(*) FILTER (WHERE choice = 'ABSTAIN'))::int AS abstain
          FROM "Vote" WHERE "proposalId" = ${proposalId}) AS v`;
  if (!row) return { turnout: 0, tally: { yes: 0, no: 0, abstain: 0 } };
  return { turnout: row.votes + row.ranked + row.secret, tally: { yes: row.yes, no: row.no, abstain: row.abstain } };
}

export interface LiveCount {
  status: ProposalStatus;
  /** Present while voting is open (and never for a federation motion, decided by mandates). */
  turnout?: number;
  electorate?: number;
  quorumNeeded?: number;
  closesAt?: string;
  /** Only where liveTallyAllowed. */
  tally?: Tally;
}

/** Turnout (and, where allowed, the tally) for a member of the proposal's council; refuses anyone else. */
export async function findLiveCount(db: PrismaClient, { proposalId, viewerId }: { proposalId: string; viewerId: string }): Promise<LiveCount> {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true, kind: true, councilId: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true,
      electorateSize: true, secretBallot: true,
      charter: { select: { quorumPercent: true, liveResults: true, ballotSecrecy: true } },
    },
  });
  if (!proposal) throw refusal("NOT_FOUND", "noSuchProposal");
  // A federation's motions are watched by members of its member councils; all else by members.
  if (!(proposal.kind === "FEDERATION_MOTION" && (await findFederationVoice(db, proposal.councilId, viewerId)))) {
    await requireMember(db, proposal.councilId, viewerId);
  }
  const status = proposalStatus(proposal);
  if (status !== "voting" || !proposal.charter || proposal.kind === "FEDERATION_MOTION") return { status };
  const electorate = proposal.electorateSize ?? 0;
  const allowed = liveTallyAllowed({ kind: proposal.kind, secretBallot: proposal.secretBallot, ...proposal.charter });
  const { turnout, tally } = await countLive(db, proposalId);
  return {
    status, turnout, electorate,
    quorumNeeded: Math.ceil((proposal.charter.quorumPercent * electorate) / 100),
    closesAt: proposal.votingClosesAt!.toISOString(),
    ...(allowed ? { tally } : {}),
  };
}
