// After a secret ballot closes: who took part (never how), and a form to find one's tracking code
// on the ballot board. The check is a plain GET form, so it works without JavaScript.
import { Button } from "@/components/ui/Button";
import type { TrackingCheck } from "@/lib/voting/secret-ballots";
import { formatTrackingCode } from "@/lib/voting/receipt-format";

const CHOICE = { YES: "Yes", NO: "No", ABSTAIN: "Abstain" } as const;

export function SecretBallotBoard({ proposalId, participants, check, candidateNames }: {
  proposalId: string;
  participants: { names: string[]; total: number };
  check: TrackingCheck | null;
  candidateNames: Map<string, string>;
}) {
  return (
    <section aria-labelledby="ballot-board-title" id="ballot-board" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="ballot-board-title" className="text-xl font-semibold">Secret ballot: who took part</h2>
      <p className="text-sm text-stone-700">
        {participants.total} member{participants.total === 1 ? "" : "s"} took part. If you see your name and did not vote, or miss it
        though you did, tell the council: the audit log records every ballot cast and every change to the membership.
      </p>
      {participants.names.length ? (
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="participants">
          {participants.names.map((name, i) => <li key={`${name}-${i}`} className="rounded-full bg-stone-100 px-3 py-1">{name}</li>)}
        </ul>
      ) : null}
      {participants.total > participants.names.length ? (
        <p className="text-sm text-stone-600">Showing {participants.names.length} of {participants.total}; the full list is in the decision record.</p>
      ) : null}

      <form method="get" action={`/proposals/${encodeURIComponent(proposalId)}#ballot-board`} className="space-y-2">
        <label htmlFor="track" className="block font-semibold">Check your tracking code</label>
        <p className="text-sm text-stone-600">Paste the code from your receipt. Spaces and capitals do not matter.</p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input id="track" name="track" defaultValue={check && check.kind !== "invalid" ? check.code : ""} maxLength={100} autoComplete="off" spellCheck={false}
            className="min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 font-mono text-sm focus:border-emerald-700 focus:outline-none focus:ring-2 focus:ring-emerald-700/30" />
          <Button type="submit" variant="secondary" className="shrink-0">Find my ballot</Button>
        </div>
      </form>
      {check ? (
        <p role="status" data-testid="tracking-check" className={`rounded-md p-3 text-sm ${check.kind === "found" ? "bg-emerald-50 text-emerald-950" : "bg-red-50 text-red-900"}`}>
          {check.kind === "invalid" ? "That is not a tracking code: a code has 64 characters, digits and the letters a to f." : null}
          {check.kind === "missing" ? <>No ballot with the code <span className="font-mono break-all">{formatTrackingCode(check.code)}</span> is on this board. If it is the code from your receipt, tell the council at once.</> : null}
          {check.kind === "found" ? (
            <>Found on the board: this ballot says <strong>{check.choice ? CHOICE[check.choice as keyof typeof CHOICE] : check.ranking.length
              ? check.ranking.map((id, i) => `${i + 1}. ${candidateNames.get(id) ?? id}`).join(", ")
              : "no one ranked (blank)"}</strong>, and it was counted.</>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
