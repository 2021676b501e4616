// A motion's amendments and the history of its text. Each version links to the amendment that
// produced it and shows what changed from the version before.
import Link from "next/link";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { Markdown } from "@/components/proposals/Markdown";
import type { FormActionFn } from "@/components/ui/form";
import { textDiff } from "@/lib/amendments/diff";
import { proposalStatus } from "@/lib/proposals/lifecycle";
import type { AmendmentRefusal, Outcome } from "@/lib/generated/prisma/enums";
import { AmendmentForm } from "./AmendmentForm";
import { TextDiff } from "./TextDiff";
import { useFormatter, useTranslations } from "next-intl";

const DIFFED_VERSIONS = 10;

interface ListedAmendment {
  id: string; title: string; createdAt: Date; withdrawnAt: Date | null; votingOpenedAt: Date | null; votingClosesAt: Date | null;
  author: { name: string }; result: { outcome: Outcome } | null; amendment: { baseVersion: number; refusal: AmendmentRefusal | null } | null;
  mergedAs: number | null;
}
interface Version { version: number; body: string; createdAt: Date; amendmentId: string | null; amendmentTitle: string | null }

export function AmendmentList({ amendments, total, canPropose, action, proposalId, currentBody, currentVersion }: {
  amendments: ListedAmendment[]; total: number; canPropose: boolean; action: FormActionFn; proposalId: string; currentBody: string; currentVersion: number;
}) {
  const t = useTranslations("amendments");
  return (
    <section aria-labelledby="amendments" className="space-y-3">
      <h2 id="amendments" className="text-xl font-semibold">{t("title", { count: total })}</h2>
      <p className="text-sm text-stone-700">
        {t("intro")}
      </p>
      {amendments.length ? (
        <ul className="space-y-2">
          {amendments.map((a) => (
            <li key={a.id} className="rounded-md border border-stone-200 bg-white p-3">
              <StatusBadge status={proposalStatus(a)} outcome={a.result?.outcome} />{" "}
              <Link href={`/proposals/${a.id}`} className="font-medium text-emerald-800 underline break-words">{a.title}</Link>
              <p className="text-sm text-stone-600">
                {t("byAgainst", { name: a.author.name, version: a.amendment?.baseVersion ?? 1 })}
                {a.mergedAs ? <> · <strong>{t("mergedAs", { version: a.mergedAs })}</strong></> : null}
                {a.amendment?.refusal ? <> · {t(`refusal.${a.amendment.refusal}`)}</> : null}
              </p>
            </li>
          ))}
        </ul>
      ) : <p className="text-stone-600">{t("none")}</p>}
      {total > amendments.length ? <p className="text-sm text-stone-600">{t("firstOf", { shown: amendments.length, total })}</p> : null}
      {canPropose ? (
        <details className="rounded-lg border border-stone-200 bg-stone-50 p-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-emerald-800 underline">{t("propose")}</summary>
          <AmendmentForm action={action} proposalId={proposalId} currentBody={currentBody} version={currentVersion} />
        </details>
      ) : null}
    </section>
  );
}

export function VersionHistory({ versions }: { versions: Version[] }) {
  const t = useTranslations("amendments");
  const format = useFormatter();
  return (
    <section aria-labelledby="versions" className="space-y-3">
      <h2 id="versions" className="text-xl font-semibold">{t("history")}</h2>
      <ol className="space-y-2" data-testid="version-history">
        {versions.map((v, i) => {
          const previous = versions[i + 1];
          // Diffs for the latest versions only: each may take a moment on a long text.
          const parts = previous && i < DIFFED_VERSIONS ? textDiff(previous.body, v.body) : null;
          return (
            <li key={v.version} className="rounded-md border border-stone-200 bg-white p-3">
              <details>
                <summary className="min-h-11 cursor-pointer py-2">
                  <span className="font-semibold">{t("version", { version: v.version })}</span>
                  {i === 0 ? t("current") : ""} · {format.dateTime(v.createdAt, "dateTime")} ·{" "}
                  {v.amendmentId ? <>{t("fromAmendment")} <Link href={`/proposals/${v.amendmentId}`} className="text-emerald-800 underline">{v.amendmentTitle ?? t("thatPassed")}</Link></> : t("asSubmitted")}
                </summary>
                <div className="space-y-2 pt-2">
                  {parts ? (<><h3 className="text-sm font-semibold">{t("changesFrom", { version: previous!.version })}</h3><TextDiff parts={parts} /></>) : null}
                  <h3 className="text-sm font-semibold">{t("textOf", { version: v.version })}</h3>
                  <Markdown>{v.body}</Markdown>
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
