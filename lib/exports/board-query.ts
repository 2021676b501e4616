// The ballot board of a counted vote, built from the database. Read-only; callers authorise first.
// Kept free of `server-only` so the audit verifier (scripts/audit-verify.ts) can rebuild boards.
import type { Db } from "../db/types";
import { readFederationCount } from "../federations/count";
import { proposalStatus } from "../proposals/lifecycle";
import { decisionRules } from "../charters/rules";
import { buildBoard, type Board, type BoardBallotsInput } from "./board";

/** The ballot board of a closed, counted vote; null if it is not closed or not yet counted. */
export async function findBoard(db: Db, proposalId: string): Promise<Board | null> {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: { council: { select: { id: true, slug: true, name: true } }, charter: true, result: true },
  });
  if (!proposal || proposalStatus(proposal) !== "closed" || !proposal.result || !proposal.charter) return null;
  const { result, charter } = proposal;
  let ballots: BoardBallotsInput;
  if (proposal.secretBallot) {
    // Secret ballots carry their tracking codes and nonces, so anyone can recompute each code.
    const rows = await db.ballot.findMany({ where: { proposalId }, orderBy: { tracking: "asc" }, select: { tracking: true, nonce: true, choice: true, ranking: true } });
    ballots = proposal.kind === "ELECTION"
      ? { type: "ranked", rankings: rows.map((r) => r.ranking), receipts: rows.map((r) => ({ tracking: r.tracking, nonce: r.nonce })) }
      : { type: "choice", choices: rows.map((r) => r.choice ?? "ABSTAIN"), receipts: rows.map((r) => ({ tracking: r.tracking, nonce: r.nonce })) };
  } else if (proposal.kind === "ELECTION") {
    // Only the rankings: who cast which ballot is never selected.
    const rows = await db.rankedVote.findMany({ where: { proposalId }, select: { ranking: true } });
    ballots = { type: "ranked", rankings: rows.map((r) => r.ranking) };
  } else if (proposal.kind === "FEDERATION_MOTION") {
    const count = readFederationCount(result.count);
    const children = await db.proposal.findMany({
      where: { parentId: proposalId },
      select: { id: true, councilId: true, charter: { select: { quorumPercent: true, passThreshold: true } } },
    });
    const byCouncil = new Map(children.map((c) => [c.councilId, c]));
    ballots = {
      type: "mandate",
      mandates: (count?.mandates ?? []).map((m) => {
        const child = byCouncil.get(m.councilId);
        return { ...m, mandateProposalId: child?.id ?? null, rules: child?.charter ?? null };
      }),
    };
  } else {
    const rows = await db.vote.findMany({ where: { proposalId }, select: { choice: true } });
    ballots = { type: "choice", choices: rows.map((r) => r.choice) };
  }
  return buildBoard({
    proposal: {
      id: proposal.id, kind: proposal.kind, title: proposal.title, council: proposal.council,
      votingOpenedAt: proposal.votingOpenedAt!, votingClosesAt: proposal.votingClosesAt!,
      electorateSize: proposal.electorateSize ?? 0, seats: proposal.seats, secretBallot: proposal.secretBallot,
    },
    rules: { ...charter, ...decisionRules(proposal.kind, charter) }, // what the vote was decided under
    result,
    ballots,
  });
}
