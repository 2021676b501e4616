// A federation's page: its member councils and their delegates, councils asking to join, its
// charter and its motions. Its members are councils, so there is no join or leave for persons:
// a council's facilitator asks for the council to join, and the member councils decide.
import { ButtonLink } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/Card";
import Link from "next/link";
import type { FormActionFn } from "@/components/ui/form";
import { JoinFederationForm } from "./JoinFederationForm";
import { Pagination } from "@/components/ui/Pagination";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { KIND_LABEL } from "@/lib/councils/labels";
import { WEIGHTING_LABEL } from "@/lib/federations/count";
import type { CouncilKind, FederationWeighting, Outcome, PassThreshold } from "@/lib/generated/prisma/enums";
import { hours, proposalStatus, type ProposalTimes } from "@/lib/proposals/lifecycle";
import { THRESHOLD_LABEL } from "@/lib/voting/outcome";

const day = (d: Date) => d.toUTCString().slice(5, 16);

export interface FederationViewProps {
  federation: { id: string; slug: string; name: string; description: string };
  charter: { quorumPercent: number; passThreshold: PassThreshold; votingPeriodHours: number; weighting: FederationWeighting; version: number };
  members: {
    status: "ACTIVE" | "PENDING" | "DECLINED" | "LEFT";
    requestedAt: Date;
    admittedAt: Date | null;
    council: { id: string; slug: string; name: string; kind: CouncilKind; _count: { memberships: number } };
  }[];
  delegates: { id: string; holder: { name: string }; council: { id: string }; endsAt: Date }[];
  admissions: Map<string, { id: string }>;
  /** The member councils the viewer belongs to (their voice in the federation). */
  voiceThrough: { id: string; name: string }[];
  /** Councils the viewer facilitates that could ask to join, and those that already asked. */
  joinable: { id: string; name: string }[];
  requested: { id: string; name: string }[];
  signedIn: boolean;
  motions: {
    total: number; page: number; pages: number;
    proposals: (ProposalTimes & { id: string; title: string; author: { name: string }; result: { outcome: Outcome } | null })[];
  } | null;
  joinAction: FormActionFn;
}

export function FederationView(p: FederationViewProps) {
  const here = `/councils/${p.federation.slug}`;
  const active = p.members.filter((m) => m.status === "ACTIVE");
  const pending = p.members.filter((m) => m.status === "PENDING");
  const hasVoice = p.voiceThrough.length > 0;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-stone-600">Federation · {active.length} member council{active.length === 1 ? "" : "s"}</p>
        <h1 className="text-3xl font-bold">{p.federation.name}</h1>
        {p.federation.description ? <p className="whitespace-pre-line text-stone-800">{p.federation.description}</p> : null}
        <p className="text-sm text-stone-700">
          Its members are councils, not people. Each question put to it is decided by every member council under its own
          charter; those outcomes are the mandates its delegates carry.
        </p>
        {hasVoice ? (
          <p className="inline-block rounded-full bg-emerald-100 px-3 py-1 text-sm font-medium text-emerald-900">
            You take part through {p.voiceThrough.map((c) => c.name).join(", ")}
          </p>
        ) : null}
        {p.joinable.length > 0 || p.requested.length > 0 ? (
          <div className="space-y-2 pt-2">
            {p.requested.map((c) => (
              <p key={c.id} className="text-sm font-medium text-stone-800">{c.name} has asked to join; the member councils are voting on it.</p>
            ))}
            <JoinFederationForm action={p.joinAction} federationId={p.federation.id} councils={p.joinable} />
          </div>
        ) : !p.signedIn ? (
          <p className="text-sm"><Link className="font-medium text-emerald-800 underline" href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link> to take part through your council.</p>
        ) : null}
      </header>

      <section aria-labelledby="charter" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="charter" className="text-lg font-semibold">Charter</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div><dt className="text-stone-600">Weighting</dt><dd data-testid="weighting">{WEIGHTING_LABEL[p.charter.weighting]}</dd></div>
          <div><dt className="text-stone-600">Joining</dt><dd>A council&apos;s facilitator asks; the member councils decide by federation motion</dd></div>
          <div><dt className="text-stone-600">Quorum</dt><dd>{p.charter.quorumPercent}% of the weight must take part</dd></div>
          <div><dt className="text-stone-600">Pass threshold</dt><dd>{THRESHOLD_LABEL[p.charter.passThreshold]}</dd></div>
          <div><dt className="text-stone-600">Voting period</dt><dd>{hours(p.charter.votingPeriodHours)} by default, in every member council at once</dd></div>
          <div><dt className="text-stone-600">Version</dt><dd>{p.charter.version}, fixed at founding</dd></div>
        </dl>
      </section>

      <section aria-labelledby="member-councils" className="space-y-3">
        <h2 id="member-councils" className="text-lg font-semibold">Member councils</h2>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {active.map((m) => {
            const delegates = p.delegates.filter((d) => d.council.id === m.council.id);
            return (
              <li key={m.council.id} className="space-y-1 p-3">
                <div className="flex flex-wrap items-baseline gap-x-3">
                  <Link href={`/councils/${m.council.slug}`} className="flex-1 font-medium text-emerald-900 hover:underline">{m.council.name}</Link>
                  <span className="text-sm text-stone-600">{KIND_LABEL[m.council.kind]} · {m.council._count.memberships} members{m.admittedAt ? ` · since ${day(m.admittedAt)}` : ""}</span>
                </div>
                <p className="text-sm text-stone-700">
                  {delegates.length > 0
                    ? <>Delegates: {delegates.map((d) => `${d.holder.name} (until ${day(d.endsAt)})`).join(", ")}</>
                    : "No delegates elected yet."}
                </p>
              </li>
            );
          })}
        </ul>
      </section>

      {pending.length > 0 ? (
        <section aria-labelledby="requests" className="space-y-3">
          <h2 id="requests" className="text-lg font-semibold">Asking to join ({pending.length})</h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {pending.map((m) => {
              const motion = p.admissions.get(m.council.id);
              return (
                <li key={m.council.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
                  <Link href={`/councils/${m.council.slug}`} className="flex-1 font-medium text-emerald-900 hover:underline">{m.council.name}</Link>
                  <span className="text-sm text-stone-600">asked on {day(m.requestedAt)}; the member councils are voting</span>
                  {motion && hasVoice ? <Link href={`/proposals/${motion.id}`} className="inline-flex min-h-11 w-full items-center text-sm font-medium text-emerald-800 underline">The admission motion</Link> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {p.motions ? (
        <section aria-labelledby="motions" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="motions" className="text-lg font-semibold">Federation motions</h2>
            <ButtonLink href={`${here}/proposals/new`}>New federation motion</ButtonLink>
          </div>
          {p.motions.total === 0 ? (
            <EmptyState title="No motions yet.">
              <p>A motion put to the federation is decided by each member council&apos;s own vote: start one with &ldquo;New federation motion&rdquo;.</p>
            </EmptyState>
          ) : null}
          {p.motions.total > 0 ? (
            <p className="text-sm text-stone-700">
              <a href={`/api/councils/${p.federation.slug}/decisions.csv`} download className="font-medium text-emerald-800 underline">Decision record (CSV)</a>: every motion with its result.
            </p>
          ) : null}
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {p.motions.proposals.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2 p-3">
                <Link href={`/proposals/${m.id}`} className="flex-1 font-medium text-emerald-900 hover:underline">{m.title}</Link>
                <StatusBadge status={proposalStatus(m)} outcome={m.result?.outcome} />
                <span className="w-full text-sm text-stone-600">by {m.author.name}</span>
              </li>
            ))}
          </ul>
          <Pagination page={p.motions.page} pages={p.motions.pages} href={(n) => `${here}?page=${n}`} />
        </section>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          The federation&apos;s motions are visible to the members of its member councils.
        </p>
      )}
    </div>
  );
}
