// What a charter change proposes, in words, on its proposal page: against today's charter while it
// is open, and the version it made once it passed. Pure presentation.
import Link from "next/link";
import type { PassThreshold } from "@/lib/generated/prisma/enums";
import type { ProposalStatus } from "@/lib/proposals/lifecycle";
import { THRESHOLD_LABEL } from "@/lib/voting/outcome";

export interface CharterChangeView {
  preview: string[];
  currentVersion: number;
  made: { version: number; changes: string[] } | null;
}

export function CharterChangeSummary({ view, status, councilSlug, threshold }: {
  view: CharterChangeView; status: ProposalStatus; councilSlug: string; threshold: PassThreshold;
}) {
  return (
    <section aria-labelledby="charter-change" className="space-y-2 rounded-lg border border-violet-200 bg-violet-50/50 p-4">
      <h2 id="charter-change" className="text-lg font-semibold">Charter change</h2>
      {view.made ? (
        <>
          <p data-testid="charter-made">
            This change passed and made{" "}
            <Link href={`/councils/${councilSlug}#charter-history`} className="font-medium text-emerald-800 underline">charter version {view.made.version}</Link>.
            It applies to votes opened since; votes already open kept their rules.
          </p>
          <ChangeList lines={view.made.changes} />
        </>
      ) : status === "closed" || status === "withdrawn" ? (
        <p>This change did not take effect; the charter stays at version {view.currentVersion}.</p>
      ) : (
        <>
          <p>If it passes, it changes charter version {view.currentVersion} as follows, for votes opened afterwards:</p>
          {view.preview.length > 0 ? <ChangeList lines={view.preview} /> : <p className="text-sm text-stone-700">The charter already has these rules (an earlier change set them), so passing it would change nothing.</p>}
        </>
      )}
      <p className="text-sm text-stone-700">Charter changes need: {THRESHOLD_LABEL[threshold].toLowerCase()}, under the charter&apos;s quorum.</p>
    </section>
  );
}

function ChangeList({ lines }: { lines: string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" aria-label="What changes">
      {lines.map((line) => <li key={line} className="break-words">{line}</li>)}
    </ul>
  );
}
