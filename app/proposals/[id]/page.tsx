import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";
import { forbidden, notFound } from "next/navigation";
import { ElectionResult } from "@/components/elections/ElectionResult";
import { Nominations } from "@/components/elections/Nominations";
import { RankedBallotForm } from "@/components/elections/RankedBallotForm";
import { MandateResults, OpenMandates } from "@/components/federations/Mandates";
import { BoardLinks } from "@/components/proposals/BoardLinks";
import { RollCall } from "@/components/proposals/RollCall";
import { findRollCall } from "@/lib/voting/roll-call";
import { Markdown } from "@/components/proposals/Markdown";
import { OpenVotingForm } from "@/components/proposals/OpenVotingForm";
import { TallyBars, Turnout } from "@/components/proposals/ResultPanel";
import { LiveTurnout } from "@/components/proposals/LiveTurnout";
import { CharterChangeSummary } from "@/components/charters/CharterChangeSummary";
import { decisionRules } from "@/lib/charters/rules";
import { findLiveCount } from "@/lib/voting/live";
import { OUTCOME_LABEL, StatusBadge } from "@/components/proposals/StatusBadge";
import { VoteForm } from "@/components/proposals/VoteForm";
import { ActionButton } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/Skeleton";
import { Card } from "@/components/ui/Card";
import { requireUser } from "@/lib/auth/session";
import { getDb, type PrismaClient } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { ZId } from "@/lib/councils/schemas";
import { roleMay } from "@/lib/councils/membership";
import { findByElection } from "@/lib/delegations/queries";
import { castRankedVoteAction, nominateAction, respondToNominationAction } from "@/lib/elections/actions";
import { readElectionCount } from "@/lib/elections/count";
import { readFederationCount, WEIGHTING_LABEL } from "@/lib/federations/count";
import { findMemberCouncilIds } from "@/lib/federations/queries";
import { decideFederation, mandateFromOutcome } from "@/lib/federations/rules";
import { castVoteAction, openVotingAction, withdrawProposalAction } from "@/lib/proposals/actions";
import { proposalStatus, resultVisibility } from "@/lib/proposals/lifecycle";
import { findProposalPage } from "@/lib/proposals/service";
import { decideOutcome, THRESHOLD_LABEL } from "@/lib/voting/outcome";
import { checkTrackingCode, findParticipants } from "@/lib/voting/secret-ballots";
import { SecretBallotBoard } from "@/components/proposals/SecretBallotBoard";
import { AmendmentList, REFUSAL_LABEL, VersionHistory } from "@/components/amendments/Amendments";
import { TextDiff } from "@/components/amendments/TextDiff";
import { Discussion } from "@/components/comments/Discussion";
import { proposeAmendmentAction } from "@/lib/amendments/actions";
import { textDiff } from "@/lib/amendments/diff";
import { editCommentAction, hideCommentAction, postCommentAction } from "@/lib/comments/actions";
import { listComments, mayHide } from "@/lib/comments/service";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ZCommentPage = z.object({ comments: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });
const ZRollPage = z.coerce.number().int().min(1).max(100_000).catch(1);

const when = (d: Date) => `${d.toUTCString().slice(0, 22)} UTC`;
const day = (d: Date) => d.toUTCString().slice(5, 16);

const END_LABEL = { TERM_ENDED: "its term ended", SUPERSEDED: "a later election replaced it", RECALLED: "it was recalled", LEFT_COUNCIL: "the holder left the council" } as const;

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

export default async function ProposalPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { comments: commentPage } = ZCommentPage.parse(query);
  const { track, roll } = query;
  const rollPage = ZRollPage.parse(roll);
  const user = await requireUser(`/proposals/${encodeURIComponent(id)}`);
  const { db, view } = await load(id, user.id);
  if (!view) notFound();
  const { proposal, status, result, charter, viewer, myVote, eligible, castSecretBallot } = view;
  const secret = proposal.secretBallot;
  const kind = proposal.kind;
  // What each kind brings beyond a motion (see findProposalPage).
  const election = "election" in view ? view.election : null;
  const recall = "recall" in view ? view.recall : null;
  const federation = "federation" in view ? view.federation : null;
  const mandateOf = "mandateOf" in view ? view.mandateOf : null;
  const amendable = "amendable" in view ? view.amendable : null;
  const amendmentOf = "amendmentOf" in view ? view.amendmentOf : null;
  const charterChange = "charterChange" in view ? view.charterChange : null;
  const yesNo = kind === "MOTION" || kind === "RECALL" || kind === "MANDATE" || kind === "AMENDMENT" || kind === "CHARTER_CHANGE";

  // Turnout, and the tally where allowed, as the live endpoint serves it; the page then keeps it current.
  const live = status === "voting" && kind !== "FEDERATION_MOTION" ? await findLiveCount(db, { proposalId: proposal.id, viewerId: user.id }) : null;
  const rules = decisionRules(kind, charter); // a charter change is decided by the charter's threshold for changes
  const federationCount = kind === "FEDERATION_MOTION" && result ? readFederationCount(result.count) : null;
  const decision = !result || kind === "ELECTION" ? null
    : federationCount ? decideFederation(federationCount.mandates, result.electorateSize, rules).decision
    : decideOutcome(result, result.electorateSize, rules);
  // The roll call, the secret ballot board and the discussion load in <Suspense> below: the access
  // checks above have run, so the status code is settled before the first bytes stream.
  const showRollCall = !secret && kind !== "FEDERATION_MOTION" && resultVisibility(status, charter.liveResults).tally;
  const isAuthor = proposal.authorId === user.id;
  // A federation motion is opened by its author alone; a mandate vote opens with the federation's.
  const canOpen = status === "deliberation" && kind !== "MANDATE" &&
    (isAuthor || (kind !== "FEDERATION_MOTION" && roleMay(viewer.role, "open-any-vote")));
  // Withdrawing runs through the proposing council's membership, which a federation has no persons in.
  const canWithdraw = status === "deliberation" && isAuthor && kind !== "FEDERATION_MOTION";
  const hasVoted = secret ? castSecretBallot : kind === "ELECTION" ? Boolean(election?.myRanking) : Boolean(myVote);
  const showSecretBoard = Boolean(secret && status === "closed" && result);

  const byElection = kind === "RECALL" && result?.outcome === "PASSED" && recall?.delegation && proposal.votingClosesAt
    ? await findByElection(db, proposal.id)
    : null;
  const myCouncils = federation ? await findMemberCouncilIds(db, user.id, federation.mandates.map((m) => m.councilId)) : new Set<string>();
  const electionCount = kind === "ELECTION" && result ? readElectionCount(result.count) : null;
  // An amendment shows its change against the text it was drafted on; lapsed = cut off by the main vote.
  const amendmentDiff = amendmentOf?.baseBody != null ? textDiff(amendmentOf.baseBody, proposal.body) : null;
  const amendmentVoting = amendable?.amendments.find((a) => proposalStatus(a) === "voting") ?? null;
  const mainMovedOn = amendmentOf ? amendmentOf.target.votingOpenedAt ?? amendmentOf.target.withdrawnAt : null;
  const amendmentLapsed = Boolean(proposal.withdrawnAt && mainMovedOn && proposal.withdrawnAt >= mainMovedOn);
  // A federation's members are councils; each discusses the motion on its own mandate vote.
  const showDiscussion = kind !== "FEDERATION_MOTION";

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="flex flex-wrap gap-x-2 text-sm">
        <Link className="text-emerald-800 underline" href={`/councils/${proposal.council.slug}`}>{proposal.council.name}</Link>
        {mandateOf ? (
          <>
            <span aria-hidden="true">›</span>
            <Link className="text-emerald-800 underline" href={`/proposals/${mandateOf.id}`}>Motion to {mandateOf.council.name}</Link>
          </>
        ) : null}
        {amendmentOf ? (
          <>
            <span aria-hidden="true">›</span>
            <Link className="text-emerald-800 underline break-words" href={`/proposals/${amendmentOf.target.id}`}>{amendmentOf.target.title}</Link>
          </>
        ) : null}
      </nav>
      <header className="space-y-2">
        <StatusBadge status={status} outcome={result?.outcome} />
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{proposal.title}</h1>
        <p className="text-sm text-stone-600">
          {kind === "ELECTION" ? "Called" : "Proposed"} by {proposal.author.name} on {when(proposal.createdAt)}
          {proposal.votingClosesAt ? ` · voting ${status === "voting" ? "closes" : "closed"} ${when(proposal.votingClosesAt)}` : ""}
        </p>
        {status === "voting" && eligible ? (
          <a href="#voting" className="inline-flex min-h-11 items-center rounded-md bg-amber-100 px-3 py-2 text-sm font-semibold text-amber-950">
            {secret
              ? (hasVoted ? "You have cast your secret ballot ↓" : "Secret ballot is open · go to your ballot ↓")
              : kind === "ELECTION"
              ? (hasVoted ? "You have ranked the candidates · change your ballot ↓" : "Voting is open · go to your ballot ↓")
              : (hasVoted ? "You have voted · change your vote ↓" : "Voting is open · go to your vote ↓")}
          </a>
        ) : null}
      </header>

      {election ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sky-950">
          {proposal.byElection ? "By-election for a vacant seat: " : ""}
          <strong>{election.role.name}</strong>: {proposal.seats ?? election.role.seats} seat{(proposal.seats ?? election.role.seats) === 1 ? "" : "s"},
          terms of {election.role.termMonths} months. Ranked ballots, counted by single transferable vote.{" "}
          <Link href={`/councils/${proposal.council.slug}/delegations`} className="text-emerald-800 underline">Current holders</Link>
        </p>
      ) : null}

      {recall ? (
        <section aria-labelledby="recall-target" className="space-y-1 rounded-lg border border-red-200 bg-red-50/50 p-3">
          <h2 id="recall-target" className="font-semibold">The delegation this recall targets</h2>
          {recall.delegation ? (
            <>
              <p data-testid="recall-target">
                <strong>{recall.delegation.holder.name}</strong> as {recall.delegation.role.name}, term {day(recall.delegation.startsAt)} – {day(recall.delegation.endsAt)}.
              </p>
              {recall.delegation.endedAt ? (
                <p className="text-sm text-stone-700">
                  This delegation ended on {day(recall.delegation.endedAt)}: {END_LABEL[recall.delegation.endReason ?? "TERM_ENDED"]}.
                </p>
              ) : (
                <p className="text-sm text-stone-700">If this recall passes, the delegation ends at once and a by-election fills the seat.</p>
              )}
            </>
          ) : <p>The delegation no longer exists.</p>}
          <p className="text-sm"><Link href={`/councils/${proposal.council.slug}/delegations`} className="text-emerald-800 underline">All delegations</Link></p>
        </section>
      ) : null}

      {mandateOf ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sky-950" data-testid="mandate-of">
          In this vote {proposal.council.name} decides its mandate on a{" "}
          <Link href={`/proposals/${mandateOf.id}`} className="font-medium text-emerald-800 underline">motion put to {mandateOf.council.name}</Link>.
          The outcome becomes the council&apos;s mandate, which its delegates carry to the federation: passed means yes,
          rejected means no, and no quorum means abstain.
        </p>
      ) : null}

      {charterChange ? <CharterChangeSummary view={charterChange} status={status} councilSlug={proposal.council.slug} threshold={charter.charterChangeThreshold} /> : null}

      {federation?.admits && status !== "closed" ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sky-950">
          If this motion passes, <Link href={`/councils/${federation.admits.slug}`} className="font-medium text-emerald-800 underline">{federation.admits.name}</Link> joins the federation.
        </p>
      ) : null}

      {status === "closed" && result && kind === "ELECTION" ? (
        <Card as="section" aria-labelledby="result" className="space-y-4">
          <h2 id="result" className="text-xl font-semibold">Result: <span data-testid="outcome">{OUTCOME_LABEL[result.outcome]}</span></h2>
          {electionCount && election ? (
            <ElectionResult count={electionCount} elected={result.outcome === "ELECTED"} quorumMet={result.quorumMet} seats={electionCount.seats}
              electorateSize={result.electorateSize} quorumPercent={charter.quorumPercent} roleName={election.role.name} />
          ) : <p>The count is not available.</p>}
          <BoardLinks proposalId={proposal.id} />
        </Card>
      ) : null}

      {status === "closed" && result && decision && kind === "FEDERATION_MOTION" ? (
        <Card as="section" aria-labelledby="result" className="space-y-4">
          <h2 id="result" className="text-xl font-semibold">Federation outcome: <span data-testid="outcome">{OUTCOME_LABEL[result.outcome]}</span></h2>
          <p className="text-sm text-stone-700">Computed from the member councils&apos; mandates, never from any delegate&apos;s own choice.</p>
          {federationCount && federation ? <MandateResults count={federationCount} votes={federation.mandates} mine={myCouncils} passThreshold={rules.passThreshold} /> : null}
          <ul className="space-y-1 text-sm">
            <li>{decision.quorumMet ? "✔" : "✘"} Quorum {charter.quorumPercent}% of the weight: {decision.quorumMet ? "met" : "not met"} ({decision.turnout} of {result.electorateSize} took part)</li>
            <li>{decision.thresholdMet ? "✔" : "✘"} {THRESHOLD_LABEL[charter.passThreshold]}: {decision.thresholdMet ? "met" : "not met"} (abstaining mandates do not count here)</li>
            <li className="text-stone-600">Decided under the federation&apos;s charter version {charter.version}: {WEIGHTING_LABEL[charter.weighting].toLowerCase()}.</li>
          </ul>
          {federation?.admits && status !== "closed" ? (
            <p className="font-medium">{result.outcome === "PASSED" ? `${federation.admits.name} is now a member of the federation.` : `${federation.admits.name} was not admitted.`}</p>
          ) : null}
          <BoardLinks proposalId={proposal.id} />
        </Card>
      ) : null}

      {status === "closed" && result && decision && yesNo ? (
        <Card as="section" aria-labelledby="result" className="space-y-4">
          <h2 id="result" className="text-xl font-semibold">Result: <span data-testid="outcome">{OUTCOME_LABEL[result.outcome]}</span></h2>
          <TallyBars tally={result} passThreshold={rules.passThreshold} />
          <Turnout turnout={decision.turnout} electorate={result.electorateSize} quorumNeeded={decision.quorumNeeded} />
          <ul className="space-y-1 text-sm">
            <li>{decision.quorumMet ? "✔" : "✘"} Quorum {charter.quorumPercent}%: {decision.quorumMet ? "met" : "not met"} ({decision.turnout} took part, {decision.quorumNeeded} needed)</li>
            <li>{decision.thresholdMet ? "✔" : "✘"} {THRESHOLD_LABEL[rules.passThreshold]}: {decision.thresholdMet ? "met" : "not met"} (abstentions do not count here)</li>
            <li className="text-stone-600">Decided under charter version {charter.version}. Electorate: the {result.electorateSize} members when voting opened
              {proposal.electorateHash ? <> (fingerprint <code className="break-all" title="SHA-256 of the proposal id and the sorted member ids, one per line">{proposal.electorateHash.slice(0, 16)}…</code>)</> : null}.</li>
          </ul>
          {kind === "MANDATE" ? (
            <p className="font-medium" data-testid="mandate">The council&apos;s mandate to {mandateOf?.council.name ?? "the federation"}: {{ YES: "Yes", NO: "No", ABSTAIN: "Abstain" }[mandateFromOutcome(result.outcome, result.yes + result.no + result.abstain)]}</p>
          ) : null}
          {kind === "RECALL" && result.outcome === "PASSED" ? (
            <p className="rounded-md bg-emerald-50 p-3 text-emerald-950" data-testid="recall-passed">
              The recall passed: {recall?.delegation ? `${recall.delegation.holder.name}'s delegation as ${recall.delegation.role.name}` : "the delegation"} ended when voting closed.{" "}
              {byElection ? <Link href={`/proposals/${byElection.id}`} className="font-medium text-emerald-800 underline">{byElection.title}</Link> : "A by-election"}{" "}
              fills the seat.
            </p>
          ) : null}
          <BoardLinks proposalId={proposal.id} />
        </Card>
      ) : null}

      {showRollCall ? (
        <Suspense fallback={<Skeleton label="Loading the roll call…" lines={4} />}>
          <RollCallSection db={db} proposal={proposal} status={status} liveResults={charter.liveResults} page={rollPage} />
        </Suspense>
      ) : null}

      {showSecretBoard ? (
        <Suspense fallback={<Skeleton label="Loading the ballot board…" lines={4} />}>
          <SecretBoardSection db={db} proposalId={proposal.id} track={typeof track === "string" ? track : null}
            candidateNames={new Map((election?.nominations ?? []).map((n) => [n.nominee.id, n.nominee.name]))} />
        </Suspense>
      ) : null}

      {status === "withdrawn" ? (
        <p className="rounded-lg bg-stone-100 p-3 text-stone-700">
          {amendmentLapsed
            ? `This amendment lapsed: the proposal was ${amendmentOf?.target.votingOpenedAt ? "put to its vote" : "withdrawn"} before the amendment was.`
            : "The author withdrew this proposal before voting."}
        </p>
      ) : null}

      {amendmentOf ? (
        <section aria-labelledby="amendment-changes" className="space-y-3 rounded-lg border border-violet-200 bg-violet-50/40 p-4">
          <h2 id="amendment-changes" className="text-xl font-semibold">What this amendment changes</h2>
          <p className="text-sm text-stone-700">
            An amendment to <Link href={`/proposals/${amendmentOf.target.id}`} className="font-medium text-emerald-800 underline">{amendmentOf.target.title}</Link>,
            drafted against version {amendmentOf.baseVersion} of its text. If it passes, its text replaces that version.
          </p>
          {amendmentOf.mergedAs ? (
            <p className="rounded-md bg-emerald-50 p-3 font-medium text-emerald-950" data-testid="amendment-merged">Merged: this text became version {amendmentOf.mergedAs} of the proposal.</p>
          ) : amendmentOf.refusal ? (
            <p className="rounded-md bg-orange-50 p-3 text-orange-950" data-testid="amendment-refused">This amendment {REFUSAL_LABEL[amendmentOf.refusal]}.</p>
          ) : amendmentOf.currentVersion !== amendmentOf.baseVersion && status !== "withdrawn" ? (
            <p className="rounded-md bg-orange-50 p-3 text-orange-950">
              The proposal&apos;s text has changed since this amendment was drafted (it is now version {amendmentOf.currentVersion}),
              so this amendment cannot be merged even if it passes. Propose a new amendment against the current text.
            </p>
          ) : null}
          {amendmentDiff ? <TextDiff parts={amendmentDiff} /> : <p className="text-sm text-stone-700">The texts differ too much to show word by word; the full amended text is below.</p>}
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-emerald-800 underline">The full amended text</summary>
            <Markdown>{proposal.body}</Markdown>
          </details>
        </section>
      ) : (
        <Card as="section" aria-label="Proposal text" className="space-y-2">
          {amendable && amendable.currentVersion > 1 ? <p className="text-sm text-stone-600" data-testid="text-version">Version {amendable.currentVersion} of the text, as amended.</p> : null}
          <Markdown>{proposal.body}</Markdown>
        </Card>
      )}

      {status === "voting" && kind === "ELECTION" && election ? (
        <section aria-labelledby="voting" className="space-y-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
          <h2 id="voting" className="text-xl font-semibold">Voting is open</h2>
          {live ? <LiveTurnout proposalId={proposal.id} initial={live} tallyHiddenNote="The count is shown when voting closes." /> : null}
          {eligible && viewer.status === "ACTIVE" ? (
            <RankedBallotForm action={castRankedVoteAction} proposalId={proposal.id} current={election.myRanking} secret={secret} cast={castSecretBallot}
              candidates={election.nominations.filter((n) => n.acceptedAt).map((n) => n.nominee)} />
          ) : (
            <p className="text-stone-700">You joined after voting opened, so this election is decided by the members at that time.</p>
          )}
        </section>
      ) : null}

      {status === "voting" && kind === "FEDERATION_MOTION" && federation ? (
        <section aria-labelledby="voting" className="space-y-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
          <h2 id="voting" className="text-xl font-semibold">The member councils are voting</h2>
          <OpenMandates votes={federation.mandates} mine={myCouncils} weighting={charter.weighting} />
        </section>
      ) : null}

      {status === "voting" && yesNo ? (
        <section aria-labelledby="voting" className="space-y-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
          <h2 id="voting" className="text-xl font-semibold">Voting is open</h2>
          {live ? <LiveTurnout proposalId={proposal.id} initial={live} tallyHiddenNote="The tally is shown when voting closes." passThreshold={rules.passThreshold} /> : null}
          {eligible && viewer.status === "ACTIVE" ? (
            <VoteForm action={castVoteAction} proposalId={proposal.id} current={myVote?.choice ?? null} secret={secret} cast={castSecretBallot} />
          ) : (
            <p className="text-stone-700">You joined after voting opened, so this vote is decided by the members at that time.</p>
          )}
        </section>
      ) : null}

      {status === "deliberation" && election ? (
        <Nominations proposalId={proposal.id} nominations={election.nominations} members={election.members} viewerId={user.id}
          open nominateAction={nominateAction} respondAction={respondToNominationAction} />
      ) : null}

      {status === "deliberation" ? (
        <section aria-labelledby="next" className="space-y-4">
          <h2 id="next" className="text-lg font-semibold">In deliberation</h2>
          <p className="text-stone-700">
            {kind === "ELECTION" ? "Members nominate candidates and nominees reply. " : kind === "FEDERATION_MOTION" ? "Members of the member councils are discussing this motion. " : "Members are discussing this proposal. "}
            {canOpen
              ? (kind === "FEDERATION_MOTION" ? "When it is ready, open voting: every member council then votes on its mandate." : "When it is ready, open voting.")
              : (kind === "FEDERATION_MOTION" ? "The author opens voting." : "The author or a facilitator opens voting.")}
          </p>
          {amendmentVoting ? (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
              An amendment is being voted on: voting on this proposal can open once it closes ({when(amendmentVoting.votingClosesAt!)}).
              Amendments not put to a vote by then lapse.
            </p>
          ) : null}
          {canOpen ? <OpenVotingForm action={openVotingAction} proposalId={proposal.id} charterHours={charter.votingPeriodHours} /> : null}
          {canWithdraw ? (
            <ActionButton action={withdrawProposalAction} fields={{ proposalId: proposal.id }} label={kind === "ELECTION" ? "Withdraw election" : kind === "AMENDMENT" ? "Withdraw amendment" : "Withdraw proposal"} variant="danger"
              confirm="Withdraw this proposal? This cannot be undone." />
          ) : null}
        </section>
      ) : null}

      {amendable ? (
        <>
          <AmendmentList amendments={amendable.amendments} total={amendable.amendmentCount} canPropose={status === "deliberation"} action={proposeAmendmentAction}
            proposalId={proposal.id} currentBody={proposal.body} currentVersion={amendable.currentVersion} />
          {amendable.versions.length > 1 ? <VersionHistory versions={amendable.versions} /> : (
            <p className="text-sm text-stone-600">This is the text as submitted (version 1): no amendment has been merged.</p>
          )}
        </>
      ) : null}

      {showDiscussion ? (
        <Suspense fallback={<Skeleton label="Loading the discussion…" lines={5} />}>
          <DiscussionSection db={db} proposalId={proposal.id} viewerId={user.id} canHide={mayHide(viewer.role)} page={commentPage} />
        </Suspense>
      ) : null}
    </article>
  );
}

type ProposalStatusValue = ReturnType<typeof proposalStatus>;

async function RollCallSection({ db, proposal, status, liveResults, page }: {
  db: PrismaClient; proposal: { id: string; kind: string; secretBallot: boolean }; status: ProposalStatusValue; liveResults: boolean; page: number;
}) {
  const rollCall = await findRollCall(db, proposal, status, liveResults, page);
  return rollCall ? <RollCall entries={rollCall.entries} total={rollCall.total} page={rollCall.page} pages={rollCall.pages}
    href={(n) => `/proposals/${proposal.id}?roll=${n}#roll-call`} /> : null;
}

async function SecretBoardSection({ db, proposalId, track, candidateNames }: {
  db: PrismaClient; proposalId: string; track: string | null; candidateNames: Map<string, string>;
}) {
  const [participants, check] = await Promise.all([
    findParticipants(db, proposalId),
    track?.trim() ? checkTrackingCode(db, proposalId, track.slice(0, 200)) : null,
  ]);
  return <SecretBallotBoard proposalId={proposalId} participants={participants} check={check} candidateNames={candidateNames} />;
}

async function DiscussionSection({ db, proposalId, viewerId, canHide, page }: {
  db: PrismaClient; proposalId: string; viewerId: string; canHide: boolean; page: number;
}) {
  const comments = await listComments(db, { proposalId, viewerId, page });
  return (
    <Discussion proposalId={proposalId} comments={comments} viewerId={viewerId} canHide={canHide}
      actions={{ post: postCommentAction, edit: editCommentAction, hide: hideCommentAction }}
      href={(n) => `/proposals/${proposalId}?comments=${n}#discussion`} />
  );
}
