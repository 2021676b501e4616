"use client";
// Turnout (and the tally, where the server sends one) kept current while voting is open, by asking
// /api/proposals/<id>/live every few seconds (docs/decisions/010-live-turnout.md). Pauses while the
// tab is hidden; when the vote closes it stops and reloads the page, which then shows the result.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useBallotRecorded } from "./ballot-events";
import type { LiveCount } from "@/lib/voting/live";
import type { PassThreshold } from "@/lib/generated/prisma/enums";
import { TallyBars, Turnout } from "./ResultPanel";

export const LIVE_POLL_MS = 5_000;

export function LiveTurnout({ proposalId, initial, tallyHiddenNote, passThreshold }: {
  proposalId: string; initial: LiveCount; tallyHiddenNote: string | null; passThreshold?: PassThreshold;
}) {
  const [live, setLive] = useState(initial);
  const pollNow = useRef<() => void>(() => {});
  const router = useRouter();
  // One's own ballot was just recorded: fetch the new turnout now rather than at the next tick.
  useBallotRecorded(proposalId, useCallback(() => pollNow.current(), []));
  // A re-render from the server (after one's own vote, say) brings fresher figures than the last poll.
  useEffect(() => setLive(initial), [initial]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;
    const schedule = () => {
      if (stopped || document.hidden) return; // the visibility listener resumes
      timer = setTimeout(poll, LIVE_POLL_MS * 2 ** Math.min(failures, 4));
    };
    const poll = async () => {
      try {
        const res = await fetch(`/api/proposals/${encodeURIComponent(proposalId)}/live`, { cache: "no-store" });
        if (res.status === 401 || res.status === 403 || res.status === 404) { stopped = true; return; }
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as LiveCount;
        failures = 0;
        if (next.status !== "voting") { stopped = true; router.refresh(); return; }
        setLive(next);
      } catch {
        failures += 1; // a network blip or a restart: back off, keep the last figures
      }
      schedule();
    };
    const onVisibility = () => {
      clearTimeout(timer);
      if (!document.hidden && !stopped) void poll();
    };
    document.addEventListener("visibilitychange", onVisibility);
    pollNow.current = () => { clearTimeout(timer); if (!stopped) void poll(); };
    schedule();
    return () => { stopped = true; clearTimeout(timer); document.removeEventListener("visibilitychange", onVisibility); };
  }, [proposalId, router]);

  return (
    <div className="space-y-4" data-testid="live-turnout">
      <div aria-live="polite">
        <Turnout turnout={live.turnout ?? 0} electorate={live.electorate ?? 0} quorumNeeded={live.quorumNeeded ?? 0} />
      </div>
      {live.tally ? <TallyBars tally={live.tally} passThreshold={passThreshold} /> : tallyHiddenNote ? <p className="text-sm text-stone-600">{tallyHiddenNote}</p> : null}
    </div>
  );
}
