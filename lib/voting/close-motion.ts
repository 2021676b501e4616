// Counting a yes/no/abstain vote (a motion, a recall, or a council's mandate on a federation
// motion) once its deadline has passed, inside the transaction that stores the result.
import type { Tx } from "../db/types";
import { applyRecall } from "../delegations/service";
import { applyAmendment } from "../amendments/service";
import { decideOutcome } from "./outcome";
import { countVotes } from "./service";
import { appendAudit } from "../audit/log";
import { unsealBallots } from "./ballot-box";
import { applyCharterChangeInTx } from "../charters/service";
import { decisionRules } from "../charters/rules";

type ClosingProposal = { id: string; councilId: string; kind: string; authorId: string; delegationId: string | null; secretBallot: boolean; charterId: string | null; electorateSize: number | null; charterChange?: unknown };

export async function closeMotionInTx(tx: Tx, proposal: ClosingProposal, now: Date) {
  const existing = await tx.result.findUnique({ where: { proposalId: proposal.id } });
  if (existing) return existing;
  const charter = await tx.charter.findUniqueOrThrow({ where: { id: proposal.charterId! } });
  if (proposal.secretBallot) await unsealBallots(tx, proposal.id); // countVotes then reads the Ballot rows
  const tally = await countVotes(tx, proposal.id);
  const electorateSize = proposal.electorateSize ?? 0;
  const decision = decideOutcome(tally, electorateSize, decisionRules(proposal.kind, charter)); // charter changes: their own threshold
  const result = await tx.result.create({
    data: {
      proposalId: proposal.id, ...tally, electorateSize,
      quorumMet: decision.quorumMet, thresholdMet: decision.thresholdMet, outcome: decision.outcome,
    },
  });
  await appendAudit(tx, {
    councilId: proposal.councilId, action: "result.published", subjectId: proposal.id,
    data: { proposalId: proposal.id, kind: proposal.kind, outcome: decision.outcome, ...tally, electorateSize },
  });
  if (proposal.kind === "RECALL" && decision.outcome === "PASSED") await applyRecall(tx, proposal, now);
  if (proposal.kind === "AMENDMENT" && decision.outcome === "PASSED") await applyAmendment(tx, proposal, now);
  if (proposal.kind === "CHARTER_CHANGE" && decision.outcome === "PASSED") await applyCharterChangeInTx(tx, proposal, now);
  return result;
}
