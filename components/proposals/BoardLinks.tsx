// Downloads of a closed vote's ballot board, so anyone entitled can recount it (npm run recount).
export function BoardLinks({ proposalId }: { proposalId: string }) {
  const base = `/api/proposals/${encodeURIComponent(proposalId)}`;
  return (
    <p className="text-sm text-stone-700" data-testid="board-links">
      Check this result yourself: download the ballot board{" "}
      <a href={`${base}/board.json`} download className="font-medium text-emerald-800 underline">as JSON</a> (for{" "}
      <code className="rounded bg-stone-100 px-1">npm run recount</code>) or the ballots{" "}
      <a href={`${base}/board.csv`} download className="font-medium text-emerald-800 underline">as CSV</a>. Ballots are listed without voters.
    </p>
  );
}
