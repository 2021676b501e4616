// A ballot recorded by a form on this page, announced to the other parts of the page that show it
// (the live turnout, the "you have voted" shortcut). The vote action no longer re-renders the page
// (docs/decisions/011-performance.md), so the page's client parts update themselves from this.
import { useEffect } from "react";

const EVENT = "plenum:ballot-recorded";

export function announceBallot(proposalId: string): void {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: { proposalId } }));
}

/** Calls `onBallot` whenever a ballot on `proposalId` is recorded on this page. */
export function useBallotRecorded(proposalId: string, onBallot: () => void): void {
  useEffect(() => {
    const listener = (e: Event) => {
      if ((e as CustomEvent<{ proposalId: string }>).detail?.proposalId === proposalId) onBallot();
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [proposalId, onBallot]);
}
