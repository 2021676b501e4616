"use client";
// A secret ballot's receipt, shown once right after casting: the tracking code, what the ballot
// says, and a download. The server keeps no copy linked to the voter, so this is the only chance.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { formatTrackingCode, receiptText, type Receipt } from "@/lib/voting/receipt-format";

export function ReceiptCard({ receipt }: { receipt: Receipt }) {
  const id = useId();
  const t = useTranslations("vote");
  const download = () => {
    const boardUrl = `${window.location.origin}/proposals/${encodeURIComponent(receipt.proposalId)}#ballot-board`;
    const blob = new Blob([receiptText(receipt, boardUrl)], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `plenum-receipt-${receipt.trackingCode.slice(0, 12)}.txt`;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby={`${id}-title`} role="status" className="space-y-3 rounded-lg border-2 border-emerald-700 bg-emerald-50 p-4 text-emerald-950" data-testid="receipt">
      <h3 id={`${id}-title`} className="text-lg font-semibold">{t("receiptTitle")}</h3>
      <p className="text-sm">
        {t.rich("receiptBallot", {
          ballot: receipt.ballot,
          b: (chunks) => <strong data-testid="receipt-ballot">{chunks}</strong>,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <p className="text-sm">{t("trackingCode")}</p>
      <p className="rounded-md bg-white p-3 font-mono text-sm break-all" data-testid="tracking-code" data-code={receipt.trackingCode}>
        {formatTrackingCode(receipt.trackingCode)}
      </p>
      <p className="text-sm">
        {t("receiptCheck")}
      </p>
      <button type="button" onClick={download}
        className="inline-flex min-h-11 items-center rounded-md bg-emerald-800 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-900">
        {t("downloadReceipt")}
      </button>
    </section>
  );
}

/** What a member who has cast a secret ballot sees afterwards, in place of the ballot. */
export function SecretBallotCast() {
  const t = useTranslations("vote");
  return (
    <p className="rounded-md bg-emerald-50 p-3 text-emerald-950" data-testid="secret-cast">
      {t("secretCast")}
    </p>
  );
}

export function SecretBallotNotice() {
  const t = useTranslations("vote");
  return (
    <p className="rounded-md border border-stone-300 bg-white p-3 text-sm text-stone-800" data-testid="secret-notice">
      {t.rich("secretNotice", { strong: (chunks) => <strong>{chunks}</strong> })}
    </p>
  );
}
