// What an election's stored Result.count holds (see closeElectionInTx): the full STV count plus
// turnout, quorum and the candidates' names, read back from JSON with its shape checked.
import type { StvResult } from "../voting/stv";

export interface ElectionCount extends StvResult {
  turnout: number;
  quorumNeeded: number;
  candidates: { id: string; name: string }[];
  /** Candidates who left the council before the close: passed over, as if they had withdrawn. */
  withdrawn?: string[];
}

/** The stored count, or null when it is missing or not an election count. */
export function readElectionCount(json: unknown): ElectionCount | null {
  if (typeof json !== "object" || json === null) return null;
  const c = json as Partial<ElectionCount>;
  const ok =
    Array.isArray(c.stages) && Array.isArray(c.winners) && Array.isArray(c.candidates) &&
    typeof c.quota === "number" && typeof c.seats === "number" && typeof c.validBallots === "number" &&
    typeof c.turnout === "number" && typeof c.quorumNeeded === "number";
  return ok ? (c as ElectionCount) : null;
}
