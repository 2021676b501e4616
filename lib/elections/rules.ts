// Election rules that need no database: valid rankings, the published lot order, quorum, and
// rotation (term limits). The count itself is lib/voting/stv.ts.
import { createHash } from "node:crypto";
import { refusal } from "../errors";
import { countStv, type RankedBallot, type StvResult } from "../voting/stv";

/**
 * The drawing of lots, fixed before anyone votes and reproducible by anyone: candidates sorted by
 * SHA-256 of "<proposalId>:<candidateId>". Used only when the Scottish rules call for a lot.
 */
export function lotOrder(proposalId: string, candidateIds: readonly string[]): string[] {
  const key = (id: string) => createHash("sha256").update(`${proposalId}:${id}`).digest("hex");
  return [...candidateIds].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A ballot ranks at least one candidate, each at most once, and only candidates. */
export function checkRanking(ranking: readonly string[], candidateIds: readonly string[]): string[] {
  if (ranking.length === 0) throw refusal("INVALID", "rankAtLeastOne", undefined, { ranking: "rankAtLeastOne" });
  const known = new Set(candidateIds);
  const seen = new Set<string>();
  for (const id of ranking) {
    if (!known.has(id)) {
      throw refusal("INVALID", "rankNotCandidate", undefined, { ranking: "rankNotCandidateField" });
    }
    if (seen.has(id)) {
      throw refusal("INVALID", "rankTwice", undefined, { ranking: "rankTwiceField" });
    }
    seen.add(id);
  }
  return [...ranking];
}

export interface ElectionDecision {
  turnout: number;
  quorumNeeded: number;
  quorumMet: boolean;
  outcome: "ELECTED" | "NO_QUORUM";
  count: StvResult;
}

/**
 * Decides an election: quorum on turnout as for motions (everyone who cast a ballot took part);
 * then IRV (one seat) or STV (several). Without quorum nobody is elected, but the count is kept.
 */
export function decideElection(
  ballots: readonly RankedBallot[],
  options: { proposalId: string; seats: number; candidateIds: readonly string[]; electorateSize: number; quorumPercent: number },
): ElectionDecision {
  const turnout = ballots.reduce((sum, b) => sum + (b.count ?? 1), 0);
  // At least one ballot, whatever the quorum: nobody is elected by lot alone.
  const quorumNeeded = Math.max(1, Math.ceil((options.quorumPercent * options.electorateSize) / 100));
  const candidates = [...options.candidateIds].sort();
  const count = countStv(ballots, { seats: options.seats, candidates, lotOrder: lotOrder(options.proposalId, candidates) });
  const quorumMet = turnout >= quorumNeeded;
  return { turnout, quorumNeeded, quorumMet, outcome: quorumMet ? "ELECTED" : "NO_QUORUM", count };
}

/** Rotation: whether someone who has held a role `termsHeld` times may stand again. */
export function mayStandAgain(termsHeld: number, termLimit: number | null): boolean {
  return termLimit === null || termsHeld < termLimit;
}
