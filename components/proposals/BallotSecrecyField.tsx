// Open or secret ballot, as the charter allows: a checkbox where the author chooses, a note otherwise.
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-action";
import type { BallotSecrecy } from "@/lib/voting/secrecy";

export function BallotSecrecyField({ secrecy, state, federation = false }: { secrecy: BallotSecrecy; state: FormState; federation?: boolean }) {
  const t = useTranslations("proposalForm");
  if (federation) {
    return (
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="secretBallot" defaultChecked={state.values?.secretBallot === "on"} className="mt-1 size-4" />
        <span>{t("secretFederation")}</span>
      </label>
    );
  }
  if (secrecy === "AUTHOR_CHOOSES") {
    return (
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="secretBallot" defaultChecked={state.values?.secretBallot === "on"} className="mt-1 size-4" />
        <span>{t("secretChoose")}</span>
      </label>
    );
  }
  return (
    <p className="text-sm text-stone-600">
      {secrecy === "SECRET" ? t("secretAlways") : t("openAlways")}
    </p>
  );
}
