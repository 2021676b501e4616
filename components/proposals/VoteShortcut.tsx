"use client";
// The "go to your vote" link at the top of an open vote; it says "you have voted" as soon as a
// ballot is recorded further down, without reloading the page.
import { useCallback, useState } from "react";
import { useBallotRecorded } from "./ballot-events";

export function VoteShortcut({ proposalId, voted, votedLabel, notVotedLabel }: {
  proposalId: string; voted: boolean; votedLabel: string; notVotedLabel: string;
}) {
  const [hasVoted, setHasVoted] = useState(voted);
  useBallotRecorded(proposalId, useCallback(() => setHasVoted(true), []));
  return (
    <a href="#voting" className="inline-flex min-h-11 items-center rounded-md bg-amber-100 px-3 py-2 text-sm font-semibold text-amber-950">
      {hasVoted ? votedLabel : notVotedLabel}
    </a>
  );
}
