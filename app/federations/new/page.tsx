import Link from "next/link";
import { FederationForm } from "@/components/federations/FederationForm";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { createFederationAction } from "@/lib/federations/actions";
import { listFacilitatedCouncils } from "@/lib/federations/queries";

export const metadata = { title: "Found a federation" };

export default async function NewFederationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/federations/new");
  const councils = await listFacilitatedCouncils(await getDb(), user.id);
  // ?council=<id> preselects the council whose page linked here; anything else is ignored.
  const { council } = await searchParams;
  const chosen = councils.find((c) => c.id === council)?.id;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Found a federation</h1>
        <p className="text-stone-700">
          A federation is a council of councils. Your council founds it and is its first member; other councils ask to
          join, and the member councils vote on each request. Every council elects its own delegates to it.
        </p>
      </div>
      {councils.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          A federation is founded by a council, through one of its facilitators. You do not facilitate any council yet.{" "}
          <Link href="/councils/new" className="font-medium text-emerald-800 underline">Found a council</Link> first.
        </p>
      ) : (
        <FederationForm action={createFederationAction} councils={councils} foundingCouncilId={chosen} />
      )}
    </div>
  );
}
