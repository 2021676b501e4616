// How a secret ballot's receipt reads, for the server and the browser alike (no Node imports here).

/** The code as people read it: groups of four, e.g. "3f9a c41e …". */
export function formatTrackingCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1 ");
}

/** What a person may paste: any case, spaces or dashes between groups. Null if it cannot be a code. */
export function normaliseTrackingCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(code) ? code : null;
}

/** The receipt a voter keeps: enough to find their ballot on the board after the close. */
export interface Receipt {
  proposalId: string;
  proposalTitle: string;
  council: string;
  trackingCode: string;
  /** What the ballot says, in words, so the voter can compare it with the board. */
  ballot: string;
  castAt: string;
}

export function receiptText(receipt: Receipt, boardUrl: string): string {
  return [
    "Plenum — secret ballot receipt",
    "",
    `Council:       ${receipt.council}`,
    `Proposal:      ${receipt.proposalTitle}`,
    `Proposal id:   ${receipt.proposalId}`,
    `Cast at:       ${receipt.castAt}`,
    `Your ballot:   ${receipt.ballot}`,
    `Tracking code: ${receipt.trackingCode}`,
    "",
    "After voting closes, the public ballot board lists every ballot with its tracking code.",
    `Check that yours is there and says what you voted: ${boardUrl}`,
    "Keep this receipt private: anyone who sees the code can look up what it says on the board.",
    "",
  ].join("\n");
}
