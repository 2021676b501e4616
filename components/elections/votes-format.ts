// Votes as the count stores them (fixed point, five decimals, never rounded), with the reader's
// decimal sign: 12.50000 in English, 12,50000 in Spanish and German. Shared by the server parts of
// an election's result and the stage table and chart, which render in the browser too.
import { formatVotes } from "@/lib/voting/stv";

export type VotesFormat = (votes: number) => string;

/** The decimal sign of a locale ("." or ","). */
export const decimalSign = (locale: string) =>
  new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";

export const votesFormat = (decimal: string): VotesFormat => (votes) => formatVotes(votes).replace(".", decimal);
