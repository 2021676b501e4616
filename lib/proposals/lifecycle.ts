// A proposal's state, derived from its timestamps and the clock, never stored: a vote is closed
// the instant its deadline passes, whether or not anyone has looked at it since.

export type ProposalStatus = "withdrawn" | "deliberation" | "voting" | "closed";

export interface ProposalTimes {
  withdrawnAt: Date | null;
  votingOpenedAt: Date | null;
  votingClosesAt: Date | null;
}

export function proposalStatus(p: ProposalTimes, now: Date = new Date()): ProposalStatus {
  if (p.withdrawnAt) return "withdrawn";
  if (!p.votingOpenedAt || !p.votingClosesAt) return "deliberation";
  return now < p.votingClosesAt ? "voting" : "closed";
}

export const STATUS_LABEL: Record<ProposalStatus, string> = {
  withdrawn: "Withdrawn",
  deliberation: "In deliberation",
  voting: "Voting open",
  closed: "Closed",
};

export const hours = (n: number) => `${n} hour${n === 1 ? "" : "s"}`;

/** The deadline for a vote opened now: the charter's period, or a longer one if asked. */
export function votingDeadline(openedAt: Date, charterHours: number, requestedHours?: number): Date {
  const hours = Math.max(charterHours, requestedHours ?? charterHours);
  return new Date(openedAt.getTime() + hours * 3_600_000);
}

export interface ResultVisibility {
  turnout: boolean;
  tally: boolean;
}

/**
 * What a member sees of a vote: turnout while it runs, the tally only after the close unless the
 * charter chose live results. Nothing is shown before voting opens.
 */
export function resultVisibility(status: ProposalStatus, liveResults: boolean): ResultVisibility {
  if (status === "closed") return { turnout: true, tally: true };
  if (status === "voting") return { turnout: true, tally: liveResults };
  return { turnout: false, tally: false };
}
