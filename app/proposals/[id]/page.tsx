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
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { getFormatter, getTranslations } from "next-intl/server";
import { VoteForm } from "@/components/proposals/VoteForm";
import { VoteShortcut } from "@/components/proposals/VoteShortcut";
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
import { readFederationCount } from "@/lib/federations/count";
import { findMemberCouncilIds } from "@/lib/federations/queries";
import { decideFederation, mandateFromOutcome } from "@/lib/federations/rules";
import { castVoteAction, openVotingAction, withdrawProposalAction } from "@/lib/proposals/actions";
import { proposalStatus, resultVisibility } from "@/lib/proposals/lifecycle";
import { findProposalPage } from "@/lib/proposals/service";
import { decideOutcome } from "@/lib/voting/outcome";
import { checkTrackingCode, findParticipants } from "@/lib/voting/secret-ballots";
import { SecretBallotBoard } from "@/components/proposals/SecretBallotBoard";
import { AmendmentList, VersionHistory } from "@/components/amendments/Amendments";
import { TextDiff } from "@/components/amendments/TextDiff";
import { Discussion } from "@/components/comments/Discussion";
import { proposeAmendmentAction } from "@/lib/amendments/actions";
import { textDiff } from "@/lib/amendments/diff";
import { editCommentAction, hideCommentAction, postCommentAction } from "@/lib/comments/actions";
import { listComments, mayHide } from "@/lib/comments/service";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ZCommentPage = z.object({ comments: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });
const ZRollPage = z.coerce.number().int().min(1).max(100_000).catch(1);


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
  const [t, tv, te, format] = await Promise.all([getTranslations("proposal"), getTranslations("vote"), getTranslations("enums"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, "deadline");
  const day = (d: Date) => format.dateTime(d, "date");
  const link = (href: string, className = "font-medium text-emerald-800 underline") => (chunks: React.ReactNode) => <Link href={href} className={className}>{chunks}</Link>;
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
      <nav aria-label={t("breadcrumb")} className="flex flex-wrap gap-x-2 text-sm">
        <Link className="text-emerald-800 underline" href={`/councils/${proposal.council.slug}`}>{proposal.council.name}</Link>
        {mandateOf ? (
          <>
            <span aria-hidden="true">›</span>
            <Link className="text-emerald-800 underline" href={`/proposals/${mandateOf.id}`}>{t("motionTo", { name: mandateOf.council.name })}</Link>
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
          {t("byline", { kind, name: proposal.author.name, date: when(proposal.createdAt) })}
          {proposal.votingClosesAt ? (
            <span data-testid="voting-deadline">{t("votingWhen", { open: String(status === "voting"), date: when(proposal.votingClosesAt) })}</span>
          ) : null}
        </p>
        {status === "voting" && eligible ? (
          <VoteShortcut proposalId={proposal.id} voted={hasVoted}
            {...(secret
              ? { votedLabel: t("jump.secretDone"), notVotedLabel: t("jump.secretOpen") }
              : kind === "ELECTION"
              ? { votedLabel: t("jump.rankedDone"), notVotedLabel: t("jump.rankedOpen") }
              : { votedLabel: t("jump.votedDone"), notVotedLabel: t("jump.voteOpen") })} />
        ) : null}
      </header>

      {election ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sky-950">
          {t.rich("election", {
            byElection: String(Boolean(proposal.byElection)), role: election.role.name, seats: proposal.seats ?? election.role.seats, months: election.role.termMonths,
            b: (chunks) => <strong>{chunks}</strong>,
          })}{" "}
          <Link href={`/councils/${proposal.council.slug}/delegations`} className="text-emerald-800 underline">{t("currentHolders")}</Link>
        </p>
      ) : null}

      {recall ? (
        <section aria-labelledby="recall-target" className="space-y-1 rounded-lg border border-red-200 bg-red-50/50 p-3">
          <h2 id="recall-target" className="font-semibold">{t("recallTarget")}</h2>
          {recall.delegation ? (
            <>
              <p data-testid="recall-target">
                {t.rich("recallWho", {
                  name: recall.delegation.holder.name, role: recall.delegation.role.name, from: day(recall.delegation.startsAt), to: day(recall.delegation.endsAt),
                  b: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
              {recall.delegation.endedAt ? (
                <p className="text-sm text-stone-700">
                  {t("recallEnded", { date: day(recall.delegation.endedAt), reason: t(`endReason.${recall.delegation.endReason ?? "TERM_ENDED"}`) })}
                </p>
              ) : (
                <p className="text-sm text-stone-700">{t("recallIf")}</p>
              )}
            </>
          ) : <p>{t("delegationGone")}</p>}
          <p className="text-sm"><Link href={`/councils/${proposal.council.slug}/delegations`} className="text-emerald-800 underline">{t("allDelegations")}</Link></p>
        </section>
      ) : null}

      {mandateOf ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sky-950" data-testid="mandate-of">
          {t.rich("mandateOf", { council: proposal.council.name, federation: mandateOf.council.name, link: link(`/proposals/${mandateOf.id}`) })}
        </p>
      ) : null}

      {charterChange ? <CharterChangeSummary view={charterChange} status={status} councilSlug={proposal.council.slug} threshold={charter.charterChangeThreshold} /> : null}

      {federation?.admits && status !== "closed" ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sky-950">
          {t.rich("admits", { name: federation.admits.name, link: link(`/councils/${federation.admits.slug}`) })}
        </p>
      ) : null}

      {status === "closed" && result && kind === "ELECTION" ? (
        <Card as="section" aria-labelledby="result" className="space-y-4">
          <h2 id="result" className="text-xl font-semibold">{t("result")} <span data-testid="outcome">{te(`outcome.${result.outcome}`)}</span></h2>
          {electionCount && election ? (
            <ElectionResult count={electionCount} elected={result.outcome === "ELECTED"} quorumMet={result.quorumMet} seats={electionCount.seats}
              electorateSize={result.electorateSize} quorumPercent={charter.quorumPercent} roleName={election.role.name} />
          ) : <p>{t("countUnavailable")}</p>}
          <BoardLinks proposalId={proposal.id} />
        </Card>
      ) : null}

      {status === "closed" && result && decision && kind === "FEDERATION_MOTION" ? (
        <Card as="section" aria-labelledby="result" className="space-y-4">
          <h2 id="result" className="text-xl font-semibold">{t("federationOutcome")} <span data-testid="outcome">{te(`outcome.${result.outcome}`)}</span></h2>
          <p className="text-sm text-stone-700">{t("fromMandates")}</p>
          {federationCount && federation ? <MandateResults count={federationCount} votes={federation.mandates} mine={myCouncils} passThreshold={rules.passThreshold} /> : null}
          <ul className="space-y-1 text-sm">
            <li>{decision.quorumMet ? "✔" : "✘"} {t("federationQuorum", { percent: charter.quorumPercent, met: decision.quorumMet ? t("met") : t("notMet"), turnout: decision.turnout, total: result.electorateSize })}</li>
            <li>{decision.thresholdMet ? "✔" : "✘"} {t("federationThreshold", { threshold: te(`threshold.${charter.passThreshold}`), met: decision.thresholdMet ? t("met") : t("notMet") })}</li>
            <li className="text-stone-600">{t("federationCharter", { version: charter.version, weighting: te(`weighting.${charter.weighting}`).toLowerCase() })}</li>
          </ul>
          {federation?.admits && status !== "closed" ? (
            <p className="font-medium">{result.outcome === "PASSED" ? t("admitted", { name: federation.admits.name }) : t("notAdmitted", { name: federation.admits.name })}</p>
          ) : null}
          <BoardLinks proposalId={proposal.id} />
        </Card>
      ) : null}

      {status === "closed" && result && decision && yesNo ? (
        <Card as="section" aria-labelledby="result" className="space-y-4">
          <h2 id="result" className="text-xl font-semibold">{t("result")} <span data-testid="outcome">{te(`outcome.${result.outcome}`)}</span></h2>
          <TallyBars tally={result} passThreshold={rules.passThreshold} />
          <Turnout turnout={decision.turnout} electorate={result.electorateSize} quorumNeeded={decision.quorumNeeded} />
          <ul className="space-y-1 text-sm">
            <li>{decision.quorumMet ? "✔" : "✘"} {t("quorumLine", { percent: charter.quorumPercent, met: decision.quorumMet ? t("met") : t("notMet"), turnout: decision.turnout, needed: decision.quorumNeeded })}</li>
            <li>{decision.thresholdMet ? "✔" : "✘"} {t("thresholdLine", { threshold: te(`threshold.${rules.passThreshold}`), met: decision.thresholdMet ? t("met") : t("notMet") })}</li>
            <li className="text-stone-600">{t("charterLine", { version: charter.version, count: result.electorateSize })}
              {proposal.electorateHash ? <> ({t("fingerprint")} <code className="break-all" title={t("fingerprintTitle")}>{proposal.electorateHash.slice(0, 16)}…</code>)</> : null}.</li>
          </ul>
          {kind === "MANDATE" ? (
            <p className="font-medium" data-testid="mandate">{t("mandate", { federation: mandateOf?.council.name ?? t("theFederation"), choice: { YES: tv("yes"), NO: tv("no"), ABSTAIN: tv("abstain") }[mandateFromOutcome(result.outcome, result.yes + result.no + result.abstain)] })}</p>
          ) : null}
          {kind === "RECALL" && result.outcome === "PASSED" ? (
            <p className="rounded-md bg-emerald-50 p-3 text-emerald-950" data-testid="recall-passed">
              {t("recallPassed", { who: recall?.delegation ? t("recallPassedWho", { name: recall.delegation.holder.name, role: recall.delegation.role.name }) : t("theDelegation") })}{" "}
              {byElection ? <Link href={`/proposals/${byElection.id}`} className="font-medium text-emerald-800 underline">{byElection.title}</Link> : t("aByElection")}{" "}
              {t("fillsSeat")}
            </p>
          ) : null}
          <BoardLinks proposalId={proposal.id} />
        </Card>
      ) : null}

      {showRollCall ? (
        <Suspense fallback={<Skeleton label={t("loadingRollCall")} lines={4} />}>
          <RollCallSection db={db} proposal={proposal} status={status} liveResults={charter.liveResults} page={rollPage} />
        </Suspense>
      ) : null}

      {showSecretBoard ? (
        <Suspense fallback={<Skeleton label={t("loadingBoard")} lines={4} />}>
          <SecretBoardSection db={db} proposalId={proposal.id} track={typeof track === "string" ? track : null}
            candidateNames={new Map((election?.nominations ?? []).map((n) => [n.nominee.id, n.nominee.name]))} />
        </Suspense>
      ) : null}

      {status === "withdrawn" ? (
        <p className="rounded-lg bg-stone-100 p-3 text-stone-700">
          {amendmentLapsed
            ? t("lapsed", { voted: String(Boolean(amendmentOf?.target.votingOpenedAt)) })
            : t("withdrawnByAuthor")}
        </p>
      ) : null}

      {amendmentOf ? (
        <section aria-labelledby="amendment-changes" className="space-y-3 rounded-lg border border-violet-200 bg-violet-50/40 p-4">
          <h2 id="amendment-changes" className="text-xl font-semibold">{t("amendmentChanges")}</h2>
          <p className="text-sm text-stone-700">
            {t.rich("amendmentTo", { title: amendmentOf.target.title, version: amendmentOf.baseVersion, link: link(`/proposals/${amendmentOf.target.id}`) })}
          </p>
          {amendmentOf.mergedAs ? (
            <p className="rounded-md bg-emerald-50 p-3 font-medium text-emerald-950" data-testid="amendment-merged">{t("merged", { version: amendmentOf.mergedAs })}</p>
          ) : amendmentOf.refusal ? (
            <p className="rounded-md bg-orange-50 p-3 text-orange-950" data-testid="amendment-refused">{t("refused", { reason: (await getTranslations("amendments"))(`refusal.${amendmentOf.refusal}`) })}</p>
          ) : amendmentOf.currentVersion !== amendmentOf.baseVersion && status !== "withdrawn" ? (
            <p className="rounded-md bg-orange-50 p-3 text-orange-950">
              {t("textChanged", { version: amendmentOf.currentVersion })}
            </p>
          ) : null}
          {amendmentDiff ? <TextDiff parts={amendmentDiff} /> : <p className="text-sm text-stone-700">{t("tooDifferent")}</p>}
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-emerald-800 underline">{t("fullText")}</summary>
            <Markdown>{proposal.body}</Markdown>
          </details>
        </section>
      ) : (
        <Card as="section" aria-label={t("textLabel")} className="space-y-2">
          {amendable && amendable.currentVersion > 1 ? <p className="text-sm text-stone-600" data-testid="text-version">{t("versionAmended", { version: amendable.currentVersion })}</p> : null}
          <Markdown>{proposal.body}</Markdown>
        </Card>
      )}

      {status === "voting" && kind === "ELECTION" && election ? (
        <section aria-labelledby="voting" className="space-y-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
          <h2 id="voting" className="text-xl font-semibold">{t("votingOpen")}</h2>
          {live ? <LiveTurnout proposalId={proposal.id} initial={live} tallyHiddenNote={t("countHidden")} /> : null}
          {eligible && viewer.status === "ACTIVE" ? (
            <RankedBallotForm action={castRankedVoteAction} proposalId={proposal.id} current={election.myRanking} secret={secret} cast={castSecretBallot}
              candidates={election.nominations.filter((n) => n.acceptedAt).map((n) => n.nominee)} />
          ) : (
            <p className="text-stone-700">{t("joinedLateElection")}</p>
          )}
        </section>
      ) : null}

      {status === "voting" && kind === "FEDERATION_MOTION" && federation ? (
        <section aria-labelledby="voting" className="space-y-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
          <h2 id="voting" className="text-xl font-semibold">{t("membersVoting")}</h2>
          <OpenMandates votes={federation.mandates} mine={myCouncils} weighting={charter.weighting} />
        </section>
      ) : null}

      {status === "voting" && yesNo ? (
        <section aria-labelledby="voting" className="space-y-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
          <h2 id="voting" className="text-xl font-semibold">{t("votingOpen")}</h2>
          {live ? <LiveTurnout proposalId={proposal.id} initial={live} tallyHiddenNote={t("tallyHidden")} passThreshold={rules.passThreshold} /> : null}
          {eligible && viewer.status === "ACTIVE" ? (
            <VoteForm action={castVoteAction} proposalId={proposal.id} current={myVote?.choice ?? null} secret={secret} cast={castSecretBallot} />
          ) : (
            <p className="text-stone-700">{t("joinedLate")}</p>
          )}
        </section>
      ) : null}

      {status === "deliberation" && election ? (
        <Nominations proposalId={proposal.id} nominations={election.nominations} members={election.members} viewerId={user.id}
          open nominateAction={nominateAction} respondAction={respondToNominationAction} />
      ) : null}

      {status === "deliberation" ? (
        <section aria-labelledby="next" className="space-y-4">
          <h2 id="next" className="text-lg font-semibold">{t("inDeliberation")}</h2>
          <p className="text-stone-700">
            {kind === "ELECTION" ? t("discussing.ELECTION") : kind === "FEDERATION_MOTION" ? t("discussing.FEDERATION_MOTION") : t("discussing.other")}
            {canOpen
              ? (kind === "FEDERATION_MOTION" ? t("whenReadyFederation") : t("whenReady"))
              : (kind === "FEDERATION_MOTION" ? t("authorOpens") : t("authorOrFacilitatorOpens"))}
          </p>
          {amendmentVoting ? (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
              {t("amendmentVoting", { date: when(amendmentVoting.votingClosesAt!) })}
            </p>
          ) : null}
          {canOpen ? <OpenVotingForm action={openVotingAction} proposalId={proposal.id} charterHours={charter.votingPeriodHours} /> : null}
          {canWithdraw ? (
            <ActionButton action={withdrawProposalAction} fields={{ proposalId: proposal.id }} label={kind === "ELECTION" ? t("withdraw.ELECTION") : kind === "AMENDMENT" ? t("withdraw.AMENDMENT") : t("withdraw.other")} variant="danger"
              confirm={t("withdrawConfirm")} />
          ) : null}
        </section>
      ) : null}

      {amendable ? (
        <>
          <AmendmentList amendments={amendable.amendments} total={amendable.amendmentCount} canPropose={status === "deliberation"} action={proposeAmendmentAction}
            proposalId={proposal.id} currentBody={proposal.body} currentVersion={amendable.currentVersion} />
          {amendable.versions.length > 1 ? <VersionHistory versions={amendable.versions} /> : (
            <p className="text-sm text-stone-600">{t("asSubmitted")}</p>
          )}
        </>
      ) : null}

      {showDiscussion ? (
        <Suspense fallback={<Skeleton label={t("loadingDiscussion")} lines={5} />}>
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
