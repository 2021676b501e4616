// Open or secret ballot, as the charter allows: a checkbox where the author chooses, a note otherwise.
import type { FormState } from "@/lib/actions/form-action";
import type { BallotSecrecy } from "@/lib/voting/secrecy";

export function BallotSecrecyField({ secrecy, state, federation = false }: { secrecy: BallotSecrecy; state: FormState; federation?: boolean }) {
  if (federation) {
    return (
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="secretBallot" defaultChecked={state.values?.secretBallot === "on"} className="mt-1 size-4" />
        <span>Ask for secret ballots. Each member council votes under its own charter: this counts where its charter lets the author choose.</span>
      </label>
    );
  }
  if (secrecy === "AUTHOR_CHOOSES") {
    return (
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="secretBallot" defaultChecked={state.values?.secretBallot === "on"} className="mt-1 size-4" />
        <span>Secret ballot: publish who took part, never how anyone voted (otherwise members see who voted what).</span>
      </label>
    );
  }
  return (
    <p className="text-sm text-stone-600">
      {secrecy === "SECRET" ? "The charter makes every vote a secret ballot." : "The charter makes every vote an open ballot: members see who voted what."}
    </p>
  );
}
