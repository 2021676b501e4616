// A word-by-word diff of two texts: removed words struck through in red, added words underlined in
// green, each also announced in words to screen readers (they do not read <del>/<ins> styling).
import { useTranslations } from "next-intl";
import type { DiffPart } from "@/lib/amendments/diff";

export function TextDiff({ parts }: { parts: DiffPart[] }) {
  const t = useTranslations("amendments");
  return (
    <div className="whitespace-pre-wrap break-words rounded-md border border-stone-200 bg-white p-3 leading-relaxed" data-testid="text-diff">
      {parts.map((p, i) =>
        p.kind === "added" ? (
          <ins key={i} className="bg-emerald-100 text-emerald-950 underline decoration-emerald-700">
            <span className="sr-only">{t("added")}</span>{p.text}<span className="sr-only">]</span>
          </ins>
        ) : p.kind === "removed" ? (
          <del key={i} className="bg-red-100 text-red-900 line-through decoration-red-700">
            <span className="sr-only">{t("removed")}</span>{p.text}<span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}
