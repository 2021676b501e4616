// The ballot board of a counted vote, built from the database. Read-only; callers authorise first.
// Kept free of `server-only` so the audit verifier (scripts/audit-verify.ts) can rebuild boards.
import type { Db } from "../db/types";
import { readFederationCount } from "../federations/count";
import { proposalStatus } from "../proposals/lifecycle";
import { decisionRules } from "../charters/rules";
import { buildBoard, CHOICE_ORDER, type Board, type BoardBallot, type BoardBallotsInput } from "./board";
import type { VoteChoice } from "../generated/prisma/enums";

/** Ballots read per query when a board is streamed. */
export const BOARD_PAGE = 5_000;
/** Different open rankings counted per query (each query groups the whole election). */
export const BOARD_GROUP_PAGE = 20_000;

/**
 * A board in two parts, so a download of a million ballots never holds them all: `board` is the
 * whole board except its ballots (an empty list; a mandate board is whole), and `pages()` reads the
 * ballots in board order a page at a time. `depth` is the longest ranking (ranked boards; else 0).
 */
export interface BoardParts {
  board: Board;
  pages(): AsyncGenerator<BoardBallot[]>;
  depth: number;
}

/** The ballot board of a closed, counted vote, ballots and all; null if it is not closed or not yet counted. */
export async function findBoard(db: Db, proposalId: string): Promise<Board | null> {
  const parts = await findBoardParts(db, proposalId);
  return parts && wholeBoard(parts);
}

/** The board with every ballot read into it (for the recount and tests; downloads stream instead). */
export async function wholeBoard(parts: BoardParts): Promise<Board> {
  if (parts.board.ballotType === "mandate") return parts.board;
  const ballots: BoardBallot[] = [];
  for await (const page of parts.pages()) for (const ballot of page) ballots.push(ballot);
  return { ...parts.board, ballots } as Board;
}

/** A closed, counted vote's board without its ballots, and a reader of them (see BoardParts). */
export async function findBoardParts(db: Db, proposalId: string, pageSize = BOARD_PAGE, groupPageSize = BOARD_GROUP_PAGE): Promise<BoardParts | null> {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: { council: { select: { id: true, slug: true, name: true } }, charter: true, result: true },
  });
  if (!proposal || proposalStatus(proposal) !== "closed" || !proposal.result || !proposal.charter) return null;
  const { result, charter } = proposal;
  const election = proposal.kind === "ELECTION";
  let ballots: BoardBallotsInput;
  let pages: () => AsyncGenerator<BoardBallot[]> = async function* () {};
  let depth = 0;
  if (proposal.secretBallot) {
    // Secret ballots carry their tracking codes and nonces, so anyone can recompute each code.
    // Tracking codes are lowercase hex: the database's order is the board's under any collation.
    ballots = election ? { type: "ranked", rankings: [], receipts: [] } : { type: "choice", choices: [], receipts: [] };
    if (election) depth = await longestRanking(db, "Ballot", proposalId);
    pages = async function* () {
      let after: string | null = null;
      for (;;) {
        const rows: { tracking: string; nonce: string; choice: VoteChoice | null; ranking: string[] }[] = await db.ballot.findMany({
          where: { proposalId, ...(after === null ? {} : { tracking: { gt: after } }) },
          orderBy: { tracking: "asc" }, take: pageSize, select: { tracking: true, nonce: true, choice: true, ranking: true },
        });
        if (rows.length === 0) return;
        yield rows.map((r) => (election
          ? { ranking: r.ranking, tracking: r.tracking, nonce: r.nonce }
          : { choice: r.choice ?? "ABSTAIN", tracking: r.tracking, nonce: r.nonce }));
        if (rows.length < pageSize) return;
        after = rows.at(-1)!.tracking;
      }
    };
  } else if (election) {
    // Only the rankings, identical ones counted together in the database, a page of different
    // rankings at a time (a million ballots can hold a hundred thousand different rankings): who
    // cast which ballot is never selected. Compared byte by byte ("C"), PostgreSQL orders text
    // arrays exactly as compareRankings does, whatever the database's collation. Rows before the
    // last page's ranking are left out before grouping, so each page groups only what is left.
    ballots = { type: "ranked", rankings: [] };
    depth = await longestRanking(db, "RankedVote", proposalId);
    pages = async function* () {
      let after: string[] | null = null;
      let page: BoardBallot[] = [];
      for (;;) {
        const groups: { ranking: string[]; n: number }[] = await db.$queryRaw<{ ranking: string[]; n: number }[]>`
          SELECT ranking, count(*)::int AS n FROM "RankedVote"
          WHERE "proposalId" = ${proposalId} AND (${after}::text[] IS NULL OR ranking COLLATE "C" > ${after}::text[])
          GROUP BY ranking ORDER BY ranking COLLATE "C" LIMIT ${groupPageSize}`;
        for (const g of groups) {
          const item = { ranking: g.ranking, tracking: null, nonce: null };
          for (let i = 0; i < g.n; i++) {
            page.push(item);
            if (page.length === pageSize) { yield page; page = []; }
          }
        }
        if (groups.length < groupPageSize) break;
        after = groups.at(-1)!.ranking;
      }
      if (page.length) yield page;
    };
  } else if (proposal.kind === "FEDERATION_MOTION") {
    const count = readFederationCount(result.count);
    const children = await db.proposal.findMany({
      where: { parentId: proposalId },
      select: { id: true, councilId: true, charter: { select: { quorumPercent: true, passThreshold: true } } },
    });
    const byCouncil = new Map(children.map((c) => [c.councilId, c]));
    ballots = {
      type: "mandate",
      mandates: (count?.mandates ?? []).map((m) => {
        const child = byCouncil.get(m.councilId);
        return { ...m, mandateProposalId: child?.id ?? null, rules: child?.charter ?? null };
      }),
    };
  } else {
    // Open yes/no ballots are listed by content (yes, then no, then abstain): counted in the database.
    ballots = { type: "choice", choices: [] };
    pages = async function* () {
      const counts = await db.vote.groupBy({ by: ["choice"], where: { proposalId }, _count: { _all: true } });
      counts.sort((a, b) => CHOICE_ORDER[a.choice] - CHOICE_ORDER[b.choice]);
      yield* repeated(counts.map((c) => ({ item: { choice: c.choice, tracking: null, nonce: null }, n: c._count._all })), pageSize);
    };
  }
  const board = buildBoard({
    proposal: {
      id: proposal.id, kind: proposal.kind, title: proposal.title, council: proposal.council,
      votingOpenedAt: proposal.votingOpenedAt!, votingClosesAt: proposal.votingClosesAt!,
      electorateSize: proposal.electorateSize ?? 0, seats: proposal.seats, secretBallot: proposal.secretBallot,
    },
    rules: { ...charter, ...decisionRules(proposal.kind, charter) }, // what the vote was decided under
    result,
    ballots,
  });
  return { board, pages, depth };
}

/** Each item `n` times, in pages of `size`. */
function* repeated(groups: { item: BoardBallot; n: number }[], size: number): Generator<BoardBallot[]> {
  let page: BoardBallot[] = [];
  for (const { item, n } of groups) {
    for (let i = 0; i < n; i++) {
      page.push(item);
      if (page.length === size) { yield page; page = []; }
    }
  }
  if (page.length) yield page;
}

async function longestRanking(db: Db, table: "Ballot" | "RankedVote", proposalId: string): Promise<number> {
  const [row] = table === "Ballot"
    ? await db.$queryRaw<{ depth: number }[]>`SELECT coalesce(max(cardinality(ranking)), 0)::int AS depth FROM "Ballot" WHERE "proposalId" = ${proposalId}`
    : await db.$queryRaw<{ depth: number }[]>`SELECT coalesce(max(cardinality(ranking)), 0)::int AS depth FROM "RankedVote" WHERE "proposalId" = ${proposalId}`;
  return row?.depth ?? 0;
}
