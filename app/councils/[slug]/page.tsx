import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/ui/form";
import { Pagination } from "@/components/ui/Pagination";
import { ButtonLink } from "@/components/ui/Button";
import { Badge } from "@/components/ui/Badge";
import { Card, EmptyState } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { InvitePanel } from "@/components/councils/InvitePanel";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findCouncilPage } from "@/lib/councils/service";
import { createInviteAction, decideMembershipAction, joinCouncilAction, leaveCouncilAction } from "@/lib/councils/actions";
import { getFormatter, getTranslations } from "next-intl/server";
import { looksLikeSlug } from "@/lib/councils/schemas";
import { listCouncilProposals } from "@/lib/proposals/service";
import { proposalStatus } from "@/lib/proposals/lifecycle";
import { CharterHistory } from "@/components/charters/CharterHistory";
import { listCharterHistory } from "@/lib/charters/service";
import { FederationView } from "@/components/federations/FederationView";
import { requestToJoinFederationAction } from "@/lib/federations/actions";
import { findFederationPage } from "@/lib/federations/service";
import { findMemberCouncilIds, listAdmissionMotions, listCouncilFederations, listFacilitatedCouncils } from "@/lib/federations/queries";
import type { PrismaClient } from "@/lib/db";
import type { Charter } from "@/lib/generated/prisma/client";
import { z } from "zod";

const ZPages = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  members: z.coerce.number().int().min(1).max(100_000).catch(1),
});

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  const t = await getTranslations("council");
  if (!looksLikeSlug(slug)) return { title: t("notFound") };
  const db = await getDb();
  const council = await db.council.findUnique({ where: { slug }, select: { name: true } });
  return { title: council?.name ?? t("notFound") };
}

export default async function CouncilPage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!looksLikeSlug(slug)) notFound();
  const { page, members: memberPage } = ZPages.parse(await searchParams);
  const [db, user] = await Promise.all([getDb(), currentUser()]);
  const view = await findCouncilPage(db, { slug, viewerId: user?.id ?? null, memberPage });
  if (!view) notFound();
  const { council, charter, isMember, isFacilitator, viewer } = view;
  if (council.kind === "FEDERATION") {
    const t = await getTranslations("council");
    return (
      <Suspense fallback={<Skeleton label={t("loadingFederation")} lines={8} />}>
        <Federation db={db} federation={council} charter={charter} userId={user?.id ?? null} page={page} />
      </Suspense>
    );
  }
  // The charter history, the proposals and the federations stream in <Suspense> below: the page has
  // answered 404 already if it had to, and the members-only parts are gated on isMember here.
  const here = `/councils/${council.slug}`;
  const [t, tc, te, format] = await Promise.all([getTranslations("council"), getTranslations("common"), getTranslations("enums"), getFormatter()]);
  const ref = { councilId: council.id, slug: council.slug };

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-stone-600">{te(`councilKind.${council.kind}`)} · {tc("members", { count: view.memberCount })}</p>
        <h1 className="text-3xl font-bold">{council.name}</h1>
        {council.description ? <p className="whitespace-pre-line text-stone-800">{council.description}</p> : null}
        <div className="pt-2">
          {view.memberCount === 0 && viewer?.status !== "ACTIVE" && charter.joinPolicy !== "OPEN" ? (
            <p className="text-stone-700">{t("noMembersLeft")}</p>
          ) : !user && charter.joinPolicy === "INVITE_ONLY" ? (
            <p className="text-stone-700">{t("inviteOnly")}</p>
          ) : !user ? (
            <Link className="font-medium text-emerald-800 underline" href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>{t("signInToJoin")}</Link>
          ) : viewer?.status === "ACTIVE" ? (
            <div className="flex flex-wrap items-center gap-3">
              <Badge tone="success" size="md">{t("youAre", { role: viewer.role })}</Badge>
              <ActionButton action={leaveCouncilAction} fields={ref} label={t("leave")} variant="secondary" className="flex items-center gap-2"
                confirm={view.memberCount === 1
                  ? t("leaveLast")
                  : t("leaveConfirm")} />
            </div>
          ) : viewer?.status === "PENDING" ? (
            <div className="space-y-2">
              <p className="text-stone-800">{t("pending")}</p>
              <ActionButton action={leaveCouncilAction} fields={ref} label={t("withdrawRequest")} variant="secondary" />
            </div>
          ) : charter.joinPolicy === "INVITE_ONLY" ? (
            <p className="text-stone-700">{t("inviteOnly")}</p>
          ) : (
            <ActionButton action={joinCouncilAction} fields={ref} label={charter.joinPolicy === "OPEN" ? t("join") : t("askToJoin")} />
          )}
        </div>
      </header>

      <Card as="section" aria-labelledby="charter">
        <h2 id="charter" className="text-lg font-semibold">{t("charter")}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div><dt className="text-stone-600">{t("joining")}</dt><dd>{te(`joinPolicy.${charter.joinPolicy}`)}</dd></div>
          <div><dt className="text-stone-600">{t("quorum")}</dt><dd>{t("quorumValue", { percent: charter.quorumPercent })}</dd></div>
          <div><dt className="text-stone-600">{t("passThreshold")}</dt><dd>{te(`threshold.${charter.passThreshold}`)}</dd></div>
          <div><dt className="text-stone-600">{t("votingPeriod")}</dt><dd>{t("votingPeriodValue", { hours: tc("hours", { count: charter.votingPeriodHours }) })}</dd></div>
          <div><dt className="text-stone-600">{t("results")}</dt><dd>{charter.liveResults ? t("liveTally") : t("tallyAfter")}</dd></div>
          <div><dt className="text-stone-600">{t("ballots")}</dt><dd data-testid="ballot-secrecy">{te(`secrecy.${charter.ballotSecrecy}`)}</dd></div>
          {charter.termLimit !== null ? (
            <div><dt className="text-stone-600">{t("rotation")}</dt><dd>{t("rotationValue", { count: charter.termLimit })}</dd></div>
          ) : null}
          <div><dt className="text-stone-600">{t("charterChangesNeed")}</dt><dd>{te(`threshold.${charter.charterChangeThreshold}`)}</dd></div>
          <div><dt className="text-stone-600">{t("version")}</dt><dd data-testid="charter-version">{charter.version}</dd></div>
        </dl>
        <p className="mt-3 text-sm text-stone-700">
          {t("charterOnlyByVote")}
          {isMember ? <> <Link href={`${here}/charter/new`} className="inline-flex min-h-11 items-center font-medium text-emerald-800 underline">{t("proposeCharterChange")}</Link></> : null}
        </p>
        <Suspense fallback={<Skeleton label={t("loadingCharterHistory")} lines={1} className="mt-3" />}>
          <CharterHistorySection db={db} councilId={council.id} />
        </Suspense>
      </Card>

      {isFacilitator && view.pending.length > 0 ? (
        <section aria-labelledby="pending" className="space-y-3">
          <h2 id="pending" className="text-lg font-semibold">{t("requests", { count: view.pending.length })}</h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {view.pending.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3 p-3">
                <span className="flex-1"><strong>{m.user.name}</strong> <span className="text-sm text-stone-600">{m.user.email}</span></span>
                <ActionButton action={decideMembershipAction} fields={{ councilId: council.id, membershipId: m.id, decision: "admit" }} label={t("admit", { name: m.user.name })} className="flex items-center gap-2" />
                <ActionButton action={decideMembershipAction} fields={{ councilId: council.id, membershipId: m.id, decision: "decline" }} label={t("decline")} variant="secondary" className="flex items-center gap-2" confirm={t("declineConfirm", { name: m.user.name })} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isMember ? (
        <section aria-labelledby="proposals" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="proposals" className="text-lg font-semibold">{t("proposals")}</h2>
            <div className="flex flex-wrap gap-2">
              <ButtonLink href={`${here}/elections/new`} variant="secondary">{t("newElection")}</ButtonLink>
              <ButtonLink href={`${here}/proposals/new`}>{t("newProposal")}</ButtonLink>
            </div>
          </div>
          <Suspense fallback={<Skeleton label={t("loadingProposals")} lines={5} />}>
            <CouncilProposals db={db} councilId={council.id} slug={council.slug} page={page} />
          </Suspense>
        </section>
      ) : user && !isMember ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">{t("membersOnly")}</p>
      ) : null}

      {isMember ? (
        <section aria-labelledby="delegations-and-federations" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="delegations-and-federations" className="text-lg font-semibold">{t("delegationsAndFederations")}</h2>
          <p className="text-sm text-stone-700">
            {t("whoHolds")}{" "}
            <Link href={`${here}/delegations`} className="font-medium text-emerald-800 underline">{t("delegations")}</Link>
          </p>
          <p className="text-sm text-stone-700">
            {t("everything")}{" "}
            <Link href={`${here}/log`} className="font-medium text-emerald-800 underline">{t("auditLog")}</Link>
          </p>
          <Suspense fallback={<Skeleton label={t("loadingFederations")} lines={1} />}>
            <CouncilFederations db={db} councilId={council.id} />
          </Suspense>
          {isFacilitator ? (
            <Link href={`/federations/new?council=${council.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-emerald-800 underline">{t("foundFederation")}</Link>
          ) : null}
        </section>
      ) : null}

      {isMember ? (
        <section aria-labelledby="members" className="space-y-3">
          <h2 id="members" className="text-lg font-semibold">{t("members")}</h2>
          {isFacilitator && view.pending.length === 0 && charter.joinPolicy === "APPROVAL" ? (
            <p className="text-sm text-stone-600" data-testid="no-requests">{t("noRequests")}</p>
          ) : null}
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {view.members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3 p-3">
                <span className="flex-1">{m.user.name}{m.user.id === user?.id ? t("you") : ""}</span>
                <span className="text-sm text-stone-600">{te(`role.${m.role}`)}</span>
                {isFacilitator && m.role !== "FACILITATOR" && m.user.id !== user?.id ? (
                  <ActionButton action={decideMembershipAction} fields={{ councilId: council.id, membershipId: m.id, decision: "remove" }}
                    label={t("remove")} variant="danger" className="flex items-center gap-2" confirm={t("removeConfirm", { name: m.user.name })} />
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination page={memberPage} pages={view.memberPages} href={(n) => `${here}?members=${n}`} />
          {isFacilitator && charter.joinPolicy !== "OPEN" ? (
            <div className="rounded-lg border border-stone-200 bg-white p-4">
              <h3 className="font-semibold">{t("invite")}</h3>
              <p className="mb-2 text-sm text-stone-600">{t("inviteHint")}</p>
              <InvitePanel action={createInviteAction} councilId={council.id} />
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

async function CharterHistorySection({ db, councilId }: { db: PrismaClient; councilId: string }) {
  return <CharterHistory versions={await listCharterHistory(db, councilId)} />;
}

/** The council's proposals, newest first, or what to do when there are none. */
async function CouncilProposals({ db, councilId, slug, page }: { db: PrismaClient; councilId: string; slug: string; page: number }) {
  const [proposals, t, format] = await Promise.all([listCouncilProposals(db, { councilId, page }), getTranslations("council"), getFormatter()]);
  const here = `/councils/${slug}`;
  if (proposals.total === 0) {
    return (
      <EmptyState title={t("noProposals")}
        action={<ButtonLink href={`${here}/proposals/new`}>{t("writeFirstProposal")}</ButtonLink>}>
        <p>{t("noProposalsHint", { action: t("newElection") })}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="text-sm text-stone-700">
        <a href={`/api/councils/${slug}/decisions.csv`} download className="font-medium text-emerald-800 underline">{t("decisionRecord")}</a>{t("decisionRecordRest")}
      </p>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {proposals.proposals.map((p) => {
          const status = proposalStatus(p);
          return (
            <li key={p.id} className="flex flex-wrap items-center gap-2 p-3">
              <Link href={`/proposals/${p.id}`} className="flex-1 font-medium text-emerald-900 hover:underline">{p.title}</Link>
              <StatusBadge status={status} outcome={p.result?.outcome} />
              <span className="w-full text-sm text-stone-600">{t("by", { name: p.author.name })}
                {status === "voting" && p.votingClosesAt ? t("closes", { date: format.dateTime(p.votingClosesAt, "deadline") }) : ""}</span>
            </li>
          );
        })}
      </ul>
      <Pagination page={proposals.page} pages={proposals.pages} href={(n) => `${here}?page=${n}`} />
    </>
  );
}

async function CouncilFederations({ db, councilId }: { db: PrismaClient; councilId: string }) {
  const [federations, t] = await Promise.all([listCouncilFederations(db, councilId), getTranslations("council")]);
  if (federations.length === 0) return <p className="text-sm text-stone-600">{t("noFederation")}</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label={t("federations")}>
      {federations.map((f) => (
        <li key={f.federation.slug}>
          <Link href={`/councils/${f.federation.slug}`} className="font-medium text-emerald-800 underline">{f.federation.name}</Link>
          <span className="text-stone-600"> · {f.status === "ACTIVE" ? t("federationMember") : t("federationAsked")}</span>
        </li>
      ))}
    </ul>
  );
}

/** A federation renders as one: member councils, their delegates, requests, charter and motions. */
async function Federation({ db, federation, charter, userId, page }: {
  db: PrismaClient;
  federation: { id: string; slug: string; name: string; description: string };
  charter: Charter;
  userId: string | null;
  page: number;
}) {
  const [{ members, delegates }, admissions, facilitated] = await Promise.all([
    findFederationPage(db, { federationId: federation.id }),
    listAdmissionMotions(db, federation.id),
    userId ? listFacilitatedCouncils(db, userId) : [],
  ]);
  // What listJoinableCouncils answers, plus the viewer's councils already waiting for a decision.
  const status = new Map(members.map((m) => [m.council.id, m.status]));
  const joinable = facilitated.filter((c) => !status.has(c.id));
  const requested = facilitated.filter((c) => status.get(c.id) === "PENDING");
  const active = members.filter((m) => m.status === "ACTIVE");
  const mine = userId ? await findMemberCouncilIds(db, userId, active.map((m) => m.council.id)) : new Set<string>();
  const voiceThrough = active.filter((m) => mine.has(m.council.id)).map((m) => m.council);
  const motions = voiceThrough.length > 0 ? await listCouncilProposals(db, { councilId: federation.id, page }) : null;
  return (
    <FederationView federation={federation} charter={charter} members={members} delegates={delegates} admissions={admissions}
      voiceThrough={voiceThrough} joinable={joinable} requested={requested} signedIn={Boolean(userId)} motions={motions} joinAction={requestToJoinFederationAction} />
  );
}
