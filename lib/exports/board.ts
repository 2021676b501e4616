// The ballot board: everything needed to recount one closed vote without trusting the server — the
// rules, the electorate size, the ballots (never who cast them) and the published result — and the
// recount itself, which runs the same pure rules the server used. Format: docs/ballot-board.md.
import { z } from "zod";
import { decideElection } from "../elections/rules";
import { decideFederation, mandateFromOutcome, weightOf, type CouncilMandate } from "../federations/rules";
import type { FederationWeighting, Outcome, PassThreshold, ProposalKind, VoteChoice } from "../generated/prisma/enums";
import { decideOutcome, type Tally } from "../voting/outcome";
import { BallotError, UNIT, type Stage } from "../voting/stv";
import { toCsv, type CsvCell } from "./csv";
import { trackingCode, type BallotContent } from "../voting/receipts";

export const BOARD_FORMAT = "plenum-ballot-board";
export const BOARD_VERSION = 1;

const CHOICES = ["YES", "NO", "ABSTAIN"] as const;
const OUTCOMES = ["PASSED", "REJECTED", "NO_QUORUM", "ELECTED"] as const;
const THRESHOLDS = ["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMITY"] as const;
const WEIGHTINGS = ["EQUAL", "MEMBERSHIP"] as const;

const ZCount = z.number().int().min(0);
const ZTimestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");

const ZStage = z.object({
  number: z.number().int(),
  action: z.union([
    z.object({ type: z.literal("first-preferences") }),
    z.object({ type: z.literal("surplus"), candidate: z.string(), surplus: z.number().int() }),
    z.object({ type: z.literal("exclusion"), candidate: z.string() }),
  ]),
  votes: z.record(z.string(), z.number().int()),
  transfers: z.record(z.string(), z.number().int()),
  nonTransferable: z.number().int(),
  residual: z.number().int(),
  elected: z.array(z.string()),
  tieBreak: z.object({
    kind: z.enum(["surplus", "exclusion"]), tied: z.array(z.string()), chosen: z.string(),
    by: z.enum(["earlier-stage", "lot"]), stage: z.number().int().optional(),
  }).optional(),
});

const ZCommon = {
  format: z.literal(BOARD_FORMAT),
  version: z.literal(BOARD_VERSION),
  proposal: z.object({
    id: z.string().min(1),
    kind: z.enum(["MOTION", "ELECTION", "RECALL", "FEDERATION_MOTION", "MANDATE", "AMENDMENT", "CHARTER_CHANGE"]),
    title: z.string(),
    council: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  }),
  rules: z.object({
    charterVersion: z.number().int(),
    quorumPercent: z.number().int().min(0).max(100),
    passThreshold: z.enum(THRESHOLDS),
    weighting: z.enum(WEIGHTINGS),
  }),
  electorateSize: ZCount,
  openedAt: ZTimestamp,
  closedAt: ZTimestamp,
  /** Secret ballots: each ballot carries its tracking code and nonce, and no voter is listed anywhere. */
  secretBallot: z.boolean().default(false),
};

/** A secret ballot's receipt fields; null on an open ballot (its voters are in the roll call instead). */
const ZReceiptFields = { tracking: z.string().nullable(), nonce: z.string().nullable().default(null) };

const ZPublishedTally = z.object({
  outcome: z.enum(OUTCOMES),
  yes: ZCount, no: ZCount, abstain: ZCount,
  electorateSize: ZCount,
  quorumMet: z.boolean(),
  thresholdMet: z.boolean(),
});

const ZChoiceBoard = z.object({
  ...ZCommon,
  ballotType: z.literal("choice"),
  ballots: z.array(z.object({ choice: z.enum(CHOICES), ...ZReceiptFields })),
  published: ZPublishedTally,
});

const ZRankedBoard = z.object({
  ...ZCommon,
  ballotType: z.literal("ranked"),
  seats: z.number().int().min(1),
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
  withdrawn: z.array(z.string()),
  ballots: z.array(z.object({ ranking: z.array(z.string()), ...ZReceiptFields })),
  published: ZPublishedTally.extend({
    winners: z.array(z.string()),
    unit: z.literal(UNIT),
    quota: z.number().int(),
    validBallots: ZCount,
    turnout: ZCount,
    quorumNeeded: ZCount,
    stages: z.array(ZStage),
  }),
});

const ZMandateBoard = z.object({
  ...ZCommon,
  ballotType: z.literal("mandate"),
  mandates: z.array(z.object({
    councilId: z.string(),
    councilName: z.string(),
    /** The council's own mandate vote, whose board its members can fetch. */
    mandateProposalId: z.string().nullable(),
    mandate: z.enum(CHOICES),
    weight: ZCount,
    decided: z.boolean(),
    electorateSize: ZCount,
    yes: ZCount, no: ZCount, abstain: ZCount,
    outcome: z.enum(OUTCOMES).nullable(),
    /** The council's own charter rules for its mandate vote, when known. */
    rules: z.object({ quorumPercent: z.number().int().min(0).max(100), passThreshold: z.enum(THRESHOLDS) }).nullable(),
  })),
  published: ZPublishedTally,
});

export const ZBoard = z.discriminatedUnion("ballotType", [ZChoiceBoard, ZRankedBoard, ZMandateBoard]);

export type Board = z.infer<typeof ZBoard>;
export type ChoiceBoard = z.infer<typeof ZChoiceBoard>;
export type RankedBoard = z.infer<typeof ZRankedBoard>;
export type MandateBoard = z.infer<typeof ZMandateBoard>;
export type BoardMandate = MandateBoard["mandates"][number];

export class BoardFormatError extends Error {
  override name = "BoardFormatError";
}

/** Reads a board from untrusted JSON; throws BoardFormatError with a one-line reason. */
export function parseBoard(json: unknown): Board {
  if (typeof json === "object" && json !== null) {
    const { format, version } = json as { format?: unknown; version?: unknown };
    if (format !== BOARD_FORMAT) throw new BoardFormatError(`not a Plenum ballot board (format is ${JSON.stringify(format ?? null)}, expected "${BOARD_FORMAT}")`);
    if (version !== BOARD_VERSION) throw new BoardFormatError(`board version ${JSON.stringify(version ?? null)} is not supported (this recount reads version ${BOARD_VERSION})`);
  }
  const parsed = ZBoard.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BoardFormatError(`invalid board at ${issue.path.join(".") || "the top level"}: ${issue.message}`);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Building a board from plain data (the database query supplies it; tests build it by hand).

export interface BoardProposalInput {
  id: string;
  kind: ProposalKind;
  title: string;
  council: { id: string; slug: string; name: string };
  votingOpenedAt: Date;
  votingClosesAt: Date;
  electorateSize: number;
  seats?: number | null;
  secretBallot?: boolean;
}

export interface BoardRulesInput {
  version: number;
  quorumPercent: number;
  passThreshold: PassThreshold;
  weighting: FederationWeighting;
}

export interface BoardResultInput {
  outcome: Outcome;
  yes: number;
  no: number;
  abstain: number;
  electorateSize: number;
  quorumMet: boolean;
  thresholdMet: boolean;
  winners: string[];
  /** Result.count as stored: the election's STV count, or the federation's mandates. */
  count: unknown;
}

/** A secret ballot's tracking code and nonce, in the same order as its contents. */
export interface BallotReceipt { tracking: string; nonce: string }

export type BoardBallotsInput =
  | { type: "choice"; choices: VoteChoice[]; receipts?: BallotReceipt[] }
  | { type: "ranked"; rankings: string[][]; receipts?: BallotReceipt[] }
  | { type: "mandate"; mandates: (CouncilMandate & { mandateProposalId: string | null; rules: { quorumPercent: number; passThreshold: PassThreshold } | null })[] };

export const CHOICE_ORDER: Record<VoteChoice, number> = { YES: 0, NO: 1, ABSTAIN: 2 };

/**
 * The order of open rankings on a board: candidate by candidate (by id, character codes), a ranking
 * before its own extensions: PostgreSQL's order of text arrays compared byte by byte (COLLATE "C"),
 * which is how a streamed board reads them (lib/exports/board-query.ts).
 */
export function compareRankings(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Puts ballots in a canonical order that says nothing about who cast them: secret ballots by
 * tracking code (random), open ones by content.
 */
function ordered<T>(contents: T[], receipts: BallotReceipt[] | undefined, byContent: (a: T, b: T) => number) {
  if (receipts) {
    return contents
      .map((content, i) => ({ content, tracking: receipts[i]!.tracking, nonce: receipts[i]!.nonce }))
      .sort((a, b) => (a.tracking < b.tracking ? -1 : a.tracking > b.tracking ? 1 : 0));
  }
  return [...contents].sort(byContent).map((content) => ({ content, tracking: null, nonce: null }));
}

/**
 * The board of a closed vote. Ballots are put in a canonical order (by content), never the order
 * they were read in: storage order follows casting order, which could be matched to who voted when.
 */
export function buildBoard(input: { proposal: BoardProposalInput; rules: BoardRulesInput; result: BoardResultInput; ballots: BoardBallotsInput }): Board {
  const { proposal, rules, result, ballots } = input;
  const common = {
    format: BOARD_FORMAT,
    version: BOARD_VERSION,
    proposal: { id: proposal.id, kind: proposal.kind, title: proposal.title, council: { ...proposal.council } },
    rules: { charterVersion: rules.version, quorumPercent: rules.quorumPercent, passThreshold: rules.passThreshold, weighting: rules.weighting },
    electorateSize: proposal.electorateSize,
    openedAt: proposal.votingOpenedAt.toISOString(),
    closedAt: proposal.votingClosesAt.toISOString(),
    secretBallot: proposal.secretBallot ?? false,
  } as const;
  const published = {
    outcome: result.outcome, yes: result.yes, no: result.no, abstain: result.abstain,
    electorateSize: result.electorateSize, quorumMet: result.quorumMet, thresholdMet: result.thresholdMet,
  };
  switch (ballots.type) {
    case "choice":
      return {
        ...common, ballotType: "choice",
        ballots: ordered(ballots.choices, ballots.receipts, (a, b) => CHOICE_ORDER[a] - CHOICE_ORDER[b])
          .map(({ content, tracking, nonce }) => ({ choice: content, tracking, nonce })),
        published,
      };
    case "ranked": {
      const count = (result.count ?? {}) as {
        quota?: number; validBallots?: number; turnout?: number; quorumNeeded?: number; stages?: Stage[];
        candidates?: { id: string; name: string }[]; withdrawn?: string[]; seats?: number;
      };
      return {
        ...common, ballotType: "ranked",
        seats: proposal.seats ?? count.seats ?? 1,
        candidates: (count.candidates ?? []).map((c) => ({ id: c.id, name: c.name })),
        withdrawn: [...(count.withdrawn ?? [])],
        ballots: ordered(ballots.rankings.map((r) => [...r]), ballots.receipts, compareRankings)
          .map(({ content, tracking, nonce }) => ({ ranking: content, tracking, nonce })),
        published: {
          ...published, winners: [...result.winners], unit: UNIT,
          quota: count.quota ?? 0, validBallots: count.validBallots ?? 0, turnout: count.turnout ?? 0, quorumNeeded: count.quorumNeeded ?? 0,
          stages: count.stages ?? [],
        },
      };
    }
    case "mandate":
      return {
        ...common, ballotType: "mandate",
        mandates: ballots.mandates.map((m) => ({
          councilId: m.councilId, councilName: m.councilName, mandateProposalId: m.mandateProposalId, mandate: m.mandate, weight: m.weight,
          decided: m.decided, electorateSize: m.electorateSize, yes: m.yes, no: m.no, abstain: m.abstain, outcome: m.outcome, rules: m.rules,
        })),
        published,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// The recount.

export interface Difference {
  /** Where: "outcome", "yes", "winners", "stage 2 votes of <id>", "mandate of <council>" ... */
  field: string;
  published: unknown;
  recounted: unknown;
}

export interface RecountedTally {
  outcome: Outcome;
  yes: number;
  no: number;
  abstain: number;
  turnout: number;
  quorumNeeded: number;
  quorumMet: boolean;
  thresholdMet: boolean;
}

export interface Recount {
  matches: boolean;
  differences: Difference[];
  /** Problems in the ballots themselves (a ranking of a non-candidate, more ballots than voters). */
  problems: string[];
  recounted: RecountedTally & {
    winners?: string[];
    quota?: number;
    validBallots?: number;
    stages?: Stage[];
  };
}

/** JSON with object keys sorted: a stored count comes back from the database in another key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function compare(differences: Difference[], field: string, published: unknown, recounted: unknown) {
  if (canonical(published) !== canonical(recounted)) differences.push({ field, published, recounted });
}

function compareTally(differences: Difference[], published: Board["published"], r: RecountedTally, electorateSize: number) {
  compare(differences, "outcome", published.outcome, r.outcome);
  compare(differences, "yes", published.yes, r.yes);
  compare(differences, "no", published.no, r.no);
  compare(differences, "abstain", published.abstain, r.abstain);
  compare(differences, "electorateSize", published.electorateSize, electorateSize);
  compare(differences, "quorumMet", published.quorumMet, r.quorumMet);
  compare(differences, "thresholdMet", published.thresholdMet, r.thresholdMet);
}

/** Decides under the rules, reporting an impossible tally (more ballots than voters) as a problem. */
function decide(tally: Tally, electorateSize: number, rules: Board["rules"], problems: string[]) {
  const turnout = tally.yes + tally.no + tally.abstain;
  if (turnout > electorateSize) {
    problems.push(`${turnout} ballots for an electorate of ${electorateSize}: more ballots than voters`);
    return decideOutcome(tally, turnout, rules);
  }
  return decideOutcome(tally, electorateSize, rules);
}

/**
 * A secret ballot's tracking code must be the hash of its content (and the proposal id and nonce):
 * otherwise the content was changed after the voter got their receipt. Codes must be unique.
 */
function checkTrackingCodes(board: ChoiceBoard | RankedBoard, problems: string[]) {
  const seen = new Set<string>();
  board.ballots.forEach((b, i) => {
    if (b.tracking === null) {
      if (board.secretBallot) problems.push(`ballot ${i + 1} of a secret ballot has no tracking code`);
      return;
    }
    if (seen.has(b.tracking)) problems.push(`ballot ${i + 1} repeats tracking code ${b.tracking}`);
    seen.add(b.tracking);
    if (b.nonce === null) return; // nothing to recompute the code from
    const content: BallotContent = "choice" in b ? { choice: b.choice } : { ranking: b.ranking };
    if (trackingCode(board.proposal.id, b.nonce, content) !== b.tracking) {
      problems.push(`ballot ${i + 1}: tracking code ${b.tracking} does not match the ballot's content`);
    }
  });
}

function recountChoice(board: ChoiceBoard): Recount {
  const problems: string[] = [];
  checkTrackingCodes(board, problems);
  const tally: Tally = { yes: 0, no: 0, abstain: 0 };
  for (const b of board.ballots) tally[b.choice.toLowerCase() as keyof Tally] += 1;
  const d = decide(tally, board.electorateSize, board.rules, problems);
  const recounted = { ...tally, ...d };
  const differences: Difference[] = [];
  compareTally(differences, board.published, recounted, board.electorateSize);
  return { matches: differences.length === 0 && problems.length === 0, differences, problems, recounted };
}

function recountRanked(board: RankedBoard): Recount {
  const problems: string[] = [];
  checkTrackingCodes(board, problems);
  const differences: Difference[] = [];
  const withdrawn = new Set(board.withdrawn);
  const candidateIds = board.candidates.map((c) => c.id);
  const standing = candidateIds.filter((id) => !withdrawn.has(id));
  const known = new Set(candidateIds);
  // As at the close: a candidate who left the council is passed over on every ballot.
  const ballots = board.ballots.map((b, i) => {
    for (const id of b.ranking) if (!known.has(id)) problems.push(`ballot ${i + 1} ranks "${id}", who is not a candidate`);
    return { ranking: b.ranking.filter((id) => known.has(id) && !withdrawn.has(id)) };
  });
  if (board.ballots.length > board.electorateSize) {
    problems.push(`${board.ballots.length} ballots for an electorate of ${board.electorateSize}: more ballots than voters`);
  }
  let decision;
  try {
    decision = decideElection(ballots, {
      proposalId: board.proposal.id, seats: board.seats, candidateIds: standing,
      electorateSize: board.electorateSize, quorumPercent: board.rules.quorumPercent,
    });
  } catch (e) {
    if (!(e instanceof BallotError)) throw e;
    problems.push(e.message);
    return {
      matches: false, differences, problems,
      recounted: { outcome: "NO_QUORUM", yes: 0, no: 0, abstain: 0, turnout: board.ballots.length, quorumNeeded: 0, quorumMet: false, thresholdMet: false },
    };
  }
  const winners = decision.outcome === "ELECTED" ? decision.count.winners : [];
  const recounted = {
    outcome: decision.outcome, yes: 0, no: 0, abstain: 0, turnout: decision.turnout, quorumNeeded: decision.quorumNeeded,
    quorumMet: decision.quorumMet, thresholdMet: winners.length > 0, winners,
    quota: decision.count.quota, validBallots: decision.count.validBallots, stages: decision.count.stages,
  };
  const p = board.published;
  compareTally(differences, p, recounted, board.electorateSize);
  compare(differences, "winners", p.winners, winners);
  compare(differences, "quota", p.quota, recounted.quota);
  compare(differences, "validBallots", p.validBallots, recounted.validBallots);
  compare(differences, "turnout", p.turnout, recounted.turnout);
  compare(differences, "quorumNeeded", p.quorumNeeded, recounted.quorumNeeded);
  compareStages(differences, p.stages, recounted.stages);
  return { matches: differences.length === 0 && problems.length === 0, differences, problems, recounted };
}

function compareStages(differences: Difference[], published: readonly Stage[], recounted: readonly Stage[]) {
  compare(differences, "number of stages", published.length, recounted.length);
  for (let i = 0; i < Math.min(published.length, recounted.length); i++) {
    const p = published[i]!;
    const r = recounted[i]!;
    const at = `stage ${r.number}`;
    compare(differences, `${at} action`, p.action, r.action);
    for (const id of new Set([...Object.keys(p.votes), ...Object.keys(r.votes)])) {
      compare(differences, `${at} votes of ${id}`, p.votes[id] ?? null, r.votes[id] ?? null);
    }
    compare(differences, `${at} non-transferable`, p.nonTransferable, r.nonTransferable);
    compare(differences, `${at} residual`, p.residual, r.residual);
    compare(differences, `${at} elected`, p.elected, r.elected);
    compare(differences, `${at} tie-break`, p.tieBreak ?? null, r.tieBreak ?? null);
  }
}

function recountMandates(board: MandateBoard): Recount {
  const problems: string[] = [];
  const differences: Difference[] = [];
  for (const m of board.mandates) {
    const who = `council ${m.councilName} (${m.councilId})`;
    const turnout = m.yes + m.no + m.abstain;
    // Each council's outcome from its own tally and charter, when the board lists the charter.
    if (m.rules) {
      if (turnout > m.electorateSize) problems.push(`${who}: ${turnout} votes for an electorate of ${m.electorateSize}`);
      else compare(differences, `outcome of ${who}`, m.outcome, decideOutcome(m, m.electorateSize, m.rules).outcome);
    }
    compare(differences, `mandate of ${who}`, m.mandate, mandateFromOutcome(m.outcome, turnout));
    compare(differences, `decided by ${who}`, m.decided, m.outcome !== null && m.outcome !== "NO_QUORUM" && turnout > 0);
    compare(differences, `weight of ${who}`, m.weight, weightOf(board.rules.weighting, m.electorateSize));
  }
  // Weights that add up to more than the federation's electorate are a problem in the board itself.
  const decidedWeight = board.mandates.filter((m) => m.decided).reduce((sum, m) => sum + m.weight, 0);
  if (decidedWeight > board.electorateSize) {
    problems.push(`the deciding councils weigh ${decidedWeight}, more than the federation's electorate of ${board.electorateSize}`);
  }
  const { tally, decision } = decideFederation(board.mandates, Math.max(board.electorateSize, decidedWeight), board.rules);
  const recounted = { ...tally, ...decision };
  compareTally(differences, board.published, recounted, board.electorateSize);
  return { matches: differences.length === 0 && problems.length === 0, differences, problems, recounted };
}

/** Recomputes the result from the board's ballots and rules and compares it with the published one. */
export function recountBoard(board: Board): Recount {
  switch (board.ballotType) {
    case "choice":
      return recountChoice(board);
    case "ranked":
      return recountRanked(board);
    case "mandate":
      return recountMandates(board);
  }
}

// ---------------------------------------------------------------------------------------------
// The ballots as CSV, for a spreadsheet. The JSON board is the complete record; this is its ballots.

export type BoardBallot = ChoiceBoard["ballots"][number] | RankedBoard["ballots"][number];

/** The CSV's header row for a choice or ranked board; `depth` is the longest ranking. */
export function boardCsvHeader(type: "choice" | "ranked", depth: number): string[] {
  return type === "choice"
    ? ["ballot", "choice", "tracking", "nonce"]
    : ["ballot", "tracking", "nonce", ...Array.from({ length: Math.max(1, depth) }, (_, i) => `preference_${i + 1}`)];
}

/** One ballot's CSV row; `number` counts from 1 in board order. */
export function boardCsvRow(ballot: BoardBallot, number: number, depth: number): CsvCell[] {
  return "choice" in ballot
    ? [number, ballot.choice, ballot.tracking, ballot.nonce]
    : [number, ballot.tracking, ballot.nonce, ...Array.from({ length: Math.max(1, depth) }, (_, j) => ballot.ranking[j] ?? null)];
}

const MANDATE_CSV_HEADER = ["council_id", "council_name", "mandate_proposal_id", "mandate", "weight", "decided", "electorate_size", "yes", "no", "abstain", "outcome"];

/** A mandate board's CSV (one row per member council: always small). */
export function mandateBoardCsv(board: MandateBoard): string {
  return toCsv(MANDATE_CSV_HEADER, board.mandates.map((m) => [m.councilId, m.councilName, m.mandateProposalId, m.mandate, m.weight, m.decided, m.electorateSize, m.yes, m.no, m.abstain, m.outcome]));
}

export function boardBallotsCsv(board: Board): string {
  if (board.ballotType === "mandate") return mandateBoardCsv(board);
  const ballots: BoardBallot[] = board.ballots;
  const depth = board.ballotType === "ranked" ? board.ballots.reduce((most, b) => Math.max(most, b.ranking.length), 1) : 0;
  return toCsv(boardCsvHeader(board.ballotType, depth), ballots.map((b, i) => boardCsvRow(b, i + 1, depth)));
}
