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
import { useFormatter, useTranslations } from "next-intl";
import type { CouncilKind, FederationWeighting, Outcome, PassThreshold } from "@/lib/generated/prisma/enums";
import { proposalStatus, type ProposalTimes } from "@/lib/proposals/lifecycle";

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
  const t = useTranslations("federation");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const format = useFormatter();
  const day = (d: Date) => format.dateTime(d, "date");
  const here = `/councils/${p.federation.slug}`;
  const active = p.members.filter((m) => m.status === "ACTIVE");
  const pending = p.members.filter((m) => m.status === "PENDING");
  const hasVoice = p.voiceThrough.length > 0;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-stone-600">{t("header", { count: active.length })}</p>
        <h1 className="text-3xl font-bold">{p.federation.name}</h1>
        {p.federation.description ? <p className="whitespace-pre-line text-stone-800">{p.federation.description}</p> : null}
        <p className="text-sm text-stone-700">
          {t("membersAreCouncils")}
        </p>
        {hasVoice ? (
          <p className="inline-block rounded-full bg-emerald-100 px-3 py-1 text-sm font-medium text-emerald-900">
            {t("takePart", { councils: format.list(p.voiceThrough.map((c) => c.name)) })}
          </p>
        ) : null}
        {p.joinable.length > 0 || p.requested.length > 0 ? (
          <div className="space-y-2 pt-2">
            {p.requested.map((c) => (
              <p key={c.id} className="text-sm font-medium text-stone-800">{t("hasAsked", { name: c.name })}</p>
            ))}
            <JoinFederationForm action={p.joinAction} federationId={p.federation.id} councils={p.joinable} />
          </div>
        ) : !p.signedIn ? (
          <p className="text-sm">{t.rich("signIn", { link: (chunks) => <Link className="font-medium text-emerald-800 underline" href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>{chunks}</Link> })}</p>
        ) : null}
      </header>

      <section aria-labelledby="charter" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="charter" className="text-lg font-semibold">{t("charter")}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div><dt className="text-stone-600">{t("weighting")}</dt><dd data-testid="weighting">{te(`weighting.${p.charter.weighting}`)}</dd></div>
          <div><dt className="text-stone-600">{t("joining")}</dt><dd>{t("joiningValue")}</dd></div>
          <div><dt className="text-stone-600">{t("quorum")}</dt><dd>{t("quorumValue", { percent: p.charter.quorumPercent })}</dd></div>
          <div><dt className="text-stone-600">{t("threshold")}</dt><dd>{te(`threshold.${p.charter.passThreshold}`)}</dd></div>
          <div><dt className="text-stone-600">{t("period")}</dt><dd>{t("periodValue", { hours: tc("hours", { count: p.charter.votingPeriodHours }) })}</dd></div>
          <div><dt className="text-stone-600">{t("version")}</dt><dd>{t("versionValue", { version: p.charter.version })}</dd></div>
        </dl>
      </section>

      <section aria-labelledby="member-councils" className="space-y-3">
        <h2 id="member-councils" className="text-lg font-semibold">{t("memberCouncils")}</h2>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {active.map((m) => {
            const delegates = p.delegates.filter((d) => d.council.id === m.council.id);
            return (
              <li key={m.council.id} className="space-y-1 p-3">
                <div className="flex flex-wrap items-baseline gap-x-3">
                  <Link href={`/councils/${m.council.slug}`} className="flex-1 font-medium text-emerald-900 hover:underline">{m.council.name}</Link>
                  <span className="text-sm text-stone-600">{t("councilLine", { kind: te(`councilKind.${m.council.kind}`), count: m.council._count.memberships })}{m.admittedAt ? t("since", { date: day(m.admittedAt) }) : ""}</span>
                </div>
                <p className="text-sm text-stone-700">
                  {delegates.length > 0
                    ? t("delegates", { list: delegates.map((d) => t("delegateUntil", { name: d.holder.name, date: day(d.endsAt) })).join(", ") })
                    : t("noDelegates")}
                </p>
              </li>
            );
          })}
        </ul>
      </section>

      {pending.length > 0 ? (
        <section aria-labelledby="requests" className="space-y-3">
          <h2 id="requests" className="text-lg font-semibold">{t("asking", { count: pending.length })}</h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {pending.map((m) => {
              const motion = p.admissions.get(m.council.id);
              return (
                <li key={m.council.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
                  <Link href={`/councils/${m.council.slug}`} className="flex-1 font-medium text-emerald-900 hover:underline">{m.council.name}</Link>
                  <span className="text-sm text-stone-600">{t("askedOn", { date: day(m.requestedAt) })}</span>
                  {motion && hasVoice ? <Link href={`/proposals/${motion.id}`} className="inline-flex min-h-11 w-full items-center text-sm font-medium text-emerald-800 underline">{t("admissionMotion")}</Link> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {p.motions ? (
        <section aria-labelledby="motions" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="motions" className="text-lg font-semibold">{t("motions")}</h2>
            <ButtonLink href={`${here}/proposals/new`}>{t("newMotion")}</ButtonLink>
          </div>
          {p.motions.total === 0 ? (
            <EmptyState title={t("noMotions")}>
              <p>{t("noMotionsHint", { action: t("newMotion") })}</p>
            </EmptyState>
          ) : null}
          {p.motions.total > 0 ? (
            <p className="text-sm text-stone-700">
              <a href={`/api/councils/${p.federation.slug}/decisions.csv`} download className="font-medium text-emerald-800 underline">{t("decisionRecord")}</a>{t("decisionRecordRest")}
            </p>
          ) : null}
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {p.motions.proposals.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2 p-3">
                <Link href={`/proposals/${m.id}`} className="flex-1 font-medium text-emerald-900 hover:underline">{m.title}</Link>
                <StatusBadge status={proposalStatus(m)} outcome={m.result?.outcome} />
                <span className="w-full text-sm text-stone-600">{t("by", { name: m.author.name })}</span>
              </li>
            ))}
          </ul>
          <Pagination page={p.motions.page} pages={p.motions.pages} href={(n) => `${here}?page=${n}`} />
        </section>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          {t("motionsHidden")}
        </p>
      )}
    </div>
  );
}
