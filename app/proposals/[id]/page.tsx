import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { Markdown } from "@/components/proposals/Markdown";
import { OpenVotingForm } from "@/components/proposals/OpenVotingForm";
import { TallyBars, Turnout } from "@/components/proposals/ResultPanel";
import { OUTCOME_LABEL, StatusBadge } from "@/components/proposals/StatusBadge";
import { VoteForm } from "@/components/proposals/VoteForm";
import { ActionButton } from "@/components/ui/form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { ZId } from "@/lib/councils/schemas";
import { roleMay } from "@/lib/councils/membership";
import { castVoteAction, openVotingAction, withdrawProposalAction } from "@/lib/proposals/actions";
import { resultVisibility } from "@/lib/proposals/lifecycle";
import { findProposalPage } from "@/lib/proposals/service";
import { decideOutcome, THRESHOLD_LABEL } from "@/lib/voting/outcome";
import { countTurnout } from "@/lib/voting/service";

type Props = { params: Promise<{ id: string }> };

const when = (d: Date) => `${d.toUTCString().slice(0, 22)} UTC`;

async function load(rawId: string, viewerId: string) {
  const id = ZId.safeParse(rawId);
  if (!id.success) notFound();
  const db = await getDb();
  try {
    return { db, view: await findProposalPage(db, { proposalId: id.data, viewerId }) };
  } catch (e) {
    if (isDomainError(e) && e.code === "FORBIDDEN") forbidden();
    throw e;
  }
}

export default async function ProposalPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/proposals/${encodeURIComponent(id)}`);
  const { db, view } = await load(id, user.id);
  if (!view) notFound();
  const { proposal, status, result, charter, viewer, myVote, eligible, liveTally } = view;
  const visible = resultVisibility(status, charter.liveResults);
  const electorate = proposal.electorateSize ?? 0;
  const turnout = status === "voting" ? await countTurnout(db, proposal.id) : (result ? result.yes + result.no + result.abstain : 0);
  const rules = { quorumPercent: charter.quorumPercent, passThreshold: charter.passThreshold };
  const decision = result ? decideOutcome(result, result.electorateSize, rules) : null;
  const isAuthor = proposal.authorId === user.id;
  const canOpen = status === "deliberation" && (isAuthor || roleMay(viewer.role, "open-any-vote"));

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className="text-emerald-800 underline" href={`/councils/${proposal.council.slug}`}>{proposal.council.name}</Link>
      </nav>
      <header className="space-y-2">
        <StatusBadge status={status} outcome={result?.outcome} />
        <h1 className="text-2xl font-bold sm:text-3xl">{proposal.title}</h1>
        <p className="text-sm text-stone-600">
          Proposed by {proposal.author.name} on {when(proposal.createdAt)}
          {proposal.votingClosesAt ? ` · voting ${status === "voting" ? "closes" : "closed"} ${when(proposal.votingClosesAt)}` : ""}
        </p>
        {status === "voting" && eligible ? (
          <a href="#voting" className="inline-block rounded-md bg-amber-100 px-3 py-2 text-sm font-semibold text-amber-950">
            {myVote ? "You have voted · change your vote ↓" : "Voting is open · go to your vote ↓"}
          </a>
        ) : null}
      </header>

      {status === "closed" && result && decision ? (
        <section aria-labelledby="result" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="result" className="text-xl font-semibold">Result: <span data-testid="outcome">{OUTCOME_LABEL[result.outcome]}</span></h2>
          <TallyBars tally={result} />
          <Turnout turnout={decision.turnout} electorate={result.electorateSize} quorumNeeded={decision.quorumNeeded} />
          <ul className="space-y-1 text-sm">
            <li>{decision.quorumMet ? "✔" : "✘"} Quorum {charter.quorumPercent}%: {decision.quorumMet ? "met" : "not met"} ({decision.turnout} took part, {decision.quorumNeeded} needed)</li>
            <li>{decision.thresholdMet ? "✔" : "✘"} {THRESHOLD_LABEL[charter.passThreshold]}: {decision.thresholdMet ? "met" : "not met"} (abstentions do not count here)</li>
            <li className="text-stone-600">Decided under charter version {charter.version}. Electorate: the {result.electorateSize} members when voting opened.</li>
          </ul>
        </section>
      ) : null}

      {status === "withdrawn" ? <p className="rounded-lg bg-stone-100 p-3 text-stone-700">The author withdrew this proposal before voting.</p> : null}

      <section aria-label="Proposal text" className="rounded-lg border border-stone-200 bg-white p-4">
        <Markdown>{proposal.body}</Markdown>
      </section>

      {status === "voting" ? (
        <section aria-labelledby="voting" className="space-y-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
          <h2 id="voting" className="text-xl font-semibold">Voting is open</h2>
          <Turnout turnout={turnout} electorate={electorate} quorumNeeded={Math.ceil((charter.quorumPercent * electorate) / 100)} />
          {visible.tally && liveTally ? <TallyBars tally={liveTally} /> : <p className="text-sm text-stone-600">The tally is shown when voting closes.</p>}
          {eligible && viewer.status === "ACTIVE" ? (
            <VoteForm action={castVoteAction} proposalId={proposal.id} current={myVote?.choice ?? null} />
          ) : (
            <p className="text-stone-700">You joined after voting opened, so this vote is decided by the members at that time.</p>
          )}
        </section>
      ) : null}

      {status === "deliberation" ? (
        <section aria-labelledby="next" className="space-y-4">
          <h2 id="next" className="text-lg font-semibold">In deliberation</h2>
          <p className="text-stone-700">Members are discussing this proposal. {canOpen ? "When it is ready, open voting." : "The author or a facilitator opens voting."}</p>
          {canOpen ? <OpenVotingForm action={openVotingAction} proposalId={proposal.id} charterHours={charter.votingPeriodHours} /> : null}
          {isAuthor ? (
            <ActionButton action={withdrawProposalAction} fields={{ proposalId: proposal.id }} label="Withdraw proposal" variant="danger"
              confirm="Withdraw this proposal? This cannot be undone." />
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
