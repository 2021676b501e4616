// The roll call of an open ballot: who voted what. Members of the council see it after the close,
// or while voting runs if the charter shows live results — the same rule as for the tally
// (lib/proposals/lifecycle.ts). A secret ballot has no roll call: only who took part
// (lib/voting/secret-ballots.ts).
import type { Db } from "../db/types";
import { resultVisibility, type ProposalStatus } from "../proposals/lifecycle";

/** Names per page of the roll call: a page of a referendum's roll call renders 100, not a million. */
export const ROLL_CALL_PAGE = 100;

export interface RollCallEntry {
  name: string;
  /** "Yes" / "No" / "Abstain", or the ranking as names for an election. */
  vote: string;
  /** A motion's choice, so the page can say it in the reader's language; none for an election. */
  choice?: "YES" | "NO" | "ABSTAIN";
  /** The voter's account is gone: the page names them "Former member" in the reader's language. */
  former?: boolean;
}

const CHOICE = { YES: "Yes", NO: "No", ABSTAIN: "Abstain" } as const;

/** Who voted what, by name; null where the roll call is not to be shown yet. */
export async function findRollCall(
  db: Db,
  proposal: { id: string; kind: string; secretBallot: boolean },
  status: ProposalStatus,
  liveResults: boolean,
  page = 1,
): Promise<{ entries: RollCallEntry[]; total: number; page: number; pages: number } | null> {
  if (proposal.secretBallot || !resultVisibility(status, liveResults).tally || proposal.kind === "FEDERATION_MOTION") return null;
  if (proposal.kind === "ELECTION") {
    const [rows, total] = await Promise.all([
      db.rankedVote.findMany({ where: { proposalId: proposal.id }, skip: (page - 1) * ROLL_CALL_PAGE, take: ROLL_CALL_PAGE, orderBy: { userId: "asc" }, select: { userId: true, ranking: true } }),
      storedTotal(db, proposal.id, status).then((n) => n ?? db.rankedVote.count({ where: { proposalId: proposal.id } })),
    ]);
    const ids = [...new Set(rows.flatMap((r) => [r.userId, ...r.ranking]))];
    const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    const entries = rows.map((r) => ({ name: names.get(r.userId) ?? "Former member", ...(names.has(r.userId) ? {} : { former: true }), vote: r.ranking.map((id, i) => `${i + 1}. ${names.get(id) ?? "?"}`).join("  ") }));
    return { entries: entries.sort((a, b) => a.name.localeCompare(b.name)), total, page, pages: pagesOf(total) };
  }
  const [rows, total] = await Promise.all([
    db.vote.findMany({ where: { proposalId: proposal.id }, skip: (page - 1) * ROLL_CALL_PAGE, take: ROLL_CALL_PAGE, orderBy: { userId: "asc" }, select: { userId: true, choice: true } }),
    storedTotal(db, proposal.id, status).then((n) => n ?? db.vote.count({ where: { proposalId: proposal.id } })),
  ]);
  const names = new Map((await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const entries = rows.map((r) => ({ name: names.get(r.userId) ?? "Former member", vote: CHOICE[r.choice], choice: r.choice, ...(names.has(r.userId) ? {} : { former: true }) }));
  return { entries: entries.sort((a, b) => a.name.localeCompare(b.name)), total, page, pages: pagesOf(total) };
}

const pagesOf = (total: number) => Math.max(1, Math.ceil(total / ROLL_CALL_PAGE));

/**
 * After the close, how many voted is in the stored result, counted from these very rows under the
 * close's exclusive lock, and the rows cannot change after it: reading it is one lookup instead of a
 * count over every vote (a million of them in a referendum). Null while voting runs or before a count.
 */
async function storedTotal(db: Db, proposalId: string, status: ProposalStatus): Promise<number | null> {
  if (status !== "closed") return null;
  const result = await db.result.findUnique({ where: { proposalId }, select: { yes: true, no: true, abstain: true, count: true } });
  if (!result) return null;
  const turnout = (result.count as { turnout?: unknown } | null)?.turnout;
  return typeof turnout === "number" ? turnout : result.yes + result.no + result.abstain;
}
