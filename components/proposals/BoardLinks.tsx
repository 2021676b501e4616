import { useTranslations } from "next-intl";

// Downloads of a closed vote's ballot board, so anyone entitled can recount it (npm run recount).
export function BoardLinks({ proposalId }: { proposalId: string }) {
  const t = useTranslations("vote");
  const base = `/api/proposals/${encodeURIComponent(proposalId)}`;
  return (
    <p className="text-sm text-stone-700" data-testid="board-links">
      {t("boardIntro")}{" "}
      <a href={`${base}/board.json`} download className="font-medium text-emerald-800 underline">{t("asJson")}</a> {t("boardFor")}{" "}
      <code className="rounded bg-stone-100 px-1">npm run recount</code>{t("boardOr")}{" "}
      <a href={`${base}/board.csv`} download className="font-medium text-emerald-800 underline">{t("asCsv")}</a>{t("boardEnd")}
    </p>
  );
}
