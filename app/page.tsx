import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/Card";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listMyCouncils } from "@/lib/councils/service";
import { KIND_LABEL, ROLE_LABEL } from "@/lib/councils/labels";
import { OUTCOME_LABEL } from "@/components/proposals/StatusBadge";
import { listRecentResults, listVotesAwaitingMe } from "@/lib/dashboard/queries";
import { formatDeadline } from "@/lib/notifications/derive";

export default async function HomePage() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="space-y-6 py-6">
        <h1 className="text-3xl font-bold sm:text-4xl">Decide together. Count honestly.</h1>
        <p className="max-w-2xl text-lg text-stone-700">
          Plenum is where workers&apos; councils, consumers&apos; councils and neighbourhood assemblies govern themselves:
          put proposals to the members, deliberate, vote — one member, one vote — and see exactly how every decision was reached.
        </p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/signup" className="px-5 py-3 text-base">Create an account</ButtonLink>
          <ButtonLink href="/councils" variant="secondary" className="px-5 py-3 text-base">Browse councils</ButtonLink>
        </div>
      </div>
    );
  }
  const db = await getDb();
  const [councils, awaiting, results] = await Promise.all([listMyCouncils(db, user.id), listVotesAwaitingMe(db, user.id), listRecentResults(db, user.id)]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Hello, {user.name}</h1>
        <span className="flex gap-4">
          <a href="/api/me/export.json" download className="text-sm font-medium text-emerald-800 underline">Your data (JSON)</a>
          <Link href="/account/password" className="text-sm font-medium text-emerald-800 underline">Change password</Link>
        </span>
      </div>
      <section aria-labelledby="awaiting" className="space-y-3">
        <h2 id="awaiting" className="text-lg font-semibold">Votes awaiting you</h2>
        {awaiting.length === 0 ? (
          <EmptyState title="Nothing to vote on right now.">
            <p>{councils.length === 0
              ? "Votes appear here once you are a member of a council."
              : "When voting opens in one of your councils it appears here, and in your notifications. Proposals still being discussed are on each council's page."}</p>
          </EmptyState>
        ) : (
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {awaiting.map((p) => (
              <li key={p.id} className="p-3">
                <Link href={`/proposals/${p.id}`} className="break-words font-medium text-emerald-900 hover:underline">{p.title}</Link>
                <p className="text-sm text-stone-600">
                  {p.council.name} · closes <time dateTime={p.votingClosesAt!.toISOString()}>{formatDeadline(p.votingClosesAt!)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
        <p className="text-sm"><Link href="/notifications/settings#calendar" className="font-medium text-emerald-800 underline">Voting deadlines in your calendar</Link></p>
      </section>
      <section aria-labelledby="results" className="space-y-3">
        <h2 id="results" className="text-lg font-semibold">Recent results in your councils</h2>
        {results.length === 0 ? <p className="text-stone-600">No results yet: they appear here when a vote in one of your councils closes.</p> : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {results.map((p) => (
              <li key={p.id} className="p-3">
                <Link href={`/proposals/${p.id}`} className="break-words font-medium text-emerald-900 hover:underline">{p.title}</Link>
                <p className="text-sm text-stone-600">
                  <strong className="font-semibold text-stone-900">{OUTCOME_LABEL[p.result!.outcome]}</strong> · {p.council.name} · closed{" "}
                  <time dateTime={p.votingClosesAt!.toISOString()}>{formatDeadline(p.votingClosesAt!)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mine" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="mine" className="text-lg font-semibold">Your councils</h2>
          <Link href="/councils/new" className="text-sm font-medium text-emerald-800 underline">Found a council</Link>
        </div>
        {councils.length === 0 ? (
          <EmptyState title="You are not in any council yet."
            action={<><ButtonLink href="/councils">Find a council to join</ButtonLink><ButtonLink href="/councils/new" variant="secondary">Found a council</ButtonLink></>}>
            <p>Join your workplace&apos;s, co-op&apos;s or neighbourhood&apos;s council, or found one and invite its members.</p>
          </EmptyState>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {councils.map((m) => (
              <li key={m.council.id} className="flex flex-wrap items-center gap-2 p-3">
                <Link href={`/councils/${m.council.slug}`} className="flex-1 font-medium text-emerald-900 hover:underline">{m.council.name}</Link>
                <span className="text-sm text-stone-600">{KIND_LABEL[m.council.kind]} · {m.status === "PENDING" ? "Request pending" : ROLE_LABEL[m.role]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
