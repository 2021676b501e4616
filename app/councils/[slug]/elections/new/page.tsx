import { requireCouncilMemberPage } from "@/lib/councils/page-access";
import { ElectionForm } from "@/components/elections/ElectionForm";
import { createElectionAction } from "@/lib/elections/actions";
import { listCouncilRoles } from "@/lib/elections/queries";
import { currentCharter } from "@/lib/councils/service";

export const metadata = { title: "New election" };

export default async function NewElectionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, council } = await requireCouncilMemberPage(slug, "elections/new");
  const [roles, charter] = await Promise.all([listCouncilRoles(db, council.id), currentCharter(db, council.id)]);
  const options = roles.map((r) => ({
    id: r.id,
    label: `${r.name} (${r.seats} seat${r.seats === 1 ? "" : "s"}, ${r.termMonths} months${r.federation ? `, delegates to ${r.federation.name}` : ""})`,
  }));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-stone-600">{council.name}</p>
        <h1 className="text-2xl font-bold">New election</h1>
        <p className="text-stone-700">
          It starts in deliberation: members nominate candidates, and each nominee accepts or declines. When there are
          candidates, you or a facilitator open voting. Ballots are ranked and counted by single transferable vote.
        </p>
      </div>
      <ElectionForm action={createElectionAction} councilId={council.id} roles={options} secrecy={charter.ballotSecrecy} />
    </div>
  );
}
