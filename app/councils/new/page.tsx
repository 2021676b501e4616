import { CouncilForm } from "@/components/councils/CouncilForm";
import { requireUser } from "@/lib/auth/session";
import { createCouncilAction } from "@/lib/councils/actions";

export const metadata = { title: "Found a council" };

export default async function NewCouncilPage() {
  await requireUser("/councils/new");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Found a council</h1>
        <p className="text-stone-700">You will be its first member and a facilitator: you admit members, but you vote like everyone else.</p>
      </div>
      <CouncilForm action={createCouncilAction} />
    </div>
  );
}
