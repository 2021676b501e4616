// Checks the STV/IRV count (lib/voting/stv.ts) against published counts in the shared election
// fixtures: Droop's Scottish STV reference output, official IRV results and RCTab reference counts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countStv, formatVotes, UNIT, type RankedBallot, type StvResult } from "@/lib/voting/stv";
import { readBlt } from "../support/blt";
import { readCvrCsv, readRctabBallotsTxt } from "../support/cvr";
import { droopStages, readDroopDump, readDroopReport, readDroopTieBreaks, type DroopSnapshot } from "../support/droop";

const DATA = path.resolve(import.meta.dirname, "../../../shared/data/elections");
const HAVE_DATA = existsSync(path.join(DATA, "MANIFEST.md"));
const file = (...parts: string[]) => path.join(DATA, ...parts);
const json = <T = any>(...parts: string[]): T => JSON.parse(readFileSync(file(...parts), "utf8")) as T;

/** A describe block that is skipped, with the reason in its name, when the shared data is missing. */
function fixture(folder: string, body: () => void) {
  const name = HAVE_DATA ? folder : `${folder} — SKIPPED: reference data not found at ${DATA}`;
  describe.skipIf(!HAVE_DATA)(name, body);
}

/** Votes per candidate as 5-decimal strings, the way Droop prints them. */
const fmt = (votes: Record<string, number>) => Object.fromEntries(Object.entries(votes).map(([c, v]) => [c, formatVotes(v)]));

/** Candidates not yet excluded at the end of a stage (the elected stay in, as in published IRV rounds). */
function standingAfter(result: StvResult, stageIndex: number, candidates: readonly string[]): Set<string> {
  const out = new Set(candidates);
  for (const stage of result.stages.slice(0, stageIndex + 1)) if (stage.action.type === "exclusion") out.delete(stage.action.candidate);
  return out;
}

const sameSet = (a: Set<string>, b: Iterable<string>) => {
  const bs = new Set(b);
  return a.size === bs.size && [...a].every((x) => bs.has(x));
};

/** Index of our stage whose set of standing candidates is exactly `names`, or -1. */
function stageWithStanding(result: StvResult, candidates: readonly string[], names: Iterable<string>): number {
  const wanted = [...names];
  for (let i = result.stages.length - 1; i >= 0; i--) if (sameSet(standingAfter(result, i, candidates), wanted)) return i;
  return -1;
}

/** Whole-vote published tallies, in our unit. */
const inUnits = (tally: Record<string, number>) => Object.fromEntries(Object.entries(tally).map(([c, v]) => [c, Math.round(v * UNIT)]));
const pick = (votes: Record<string, number>, names: Iterable<string>) => Object.fromEntries([...names].map((c) => [c, votes[c]]));

/** Each standing candidate's first continuing preference, counted directly (checks a reading of the ballots, not the count). */
function firstChoiceTally(ballots: readonly RankedBallot[], standing: Iterable<string>): Record<string, number> {
  const set = new Set(standing);
  const tally: Record<string, number> = Object.fromEntries([...set].map((c) => [c, 0]));
  for (const b of ballots) {
    const c = b.ranking.find((x) => set.has(x));
    if (c !== undefined) tally[c]! += b.count ?? 1;
  }
  return tally;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Scottish STV against Droop's `scotland` rule (fixed point, 5 places)
// ─────────────────────────────────────────────────────────────────────────────────────────────

fixture("stv_scotland_glasgow_2007_calton (Droop `scotland` reference, official winners)", () => {
  const dir = "stv_scotland_glasgow_2007_calton";
  const load = () => {
    const blt = readBlt(file(dir, "ballots.blt"));
    const expected = json(dir, "expected.json");
    const result = countStv(blt.ballots, { seats: blt.seats, candidates: blt.candidates });
    return { blt, expected, result };
  };

  it("elects the official winners in order, with quota 1300 and the published exclusion order", () => {
    const { expected, result } = load();
    expect(result.validBallots).toBe(expected.ballots);
    expect(result.quota).toBe(expected.quota * UNIT);
    expect(result.winners).toEqual(expected.winners);
    expect(result.excluded).toEqual(expected.exclusion_order);
    // Droop elects Simpson under "Elect remaining candidates" (rule 52). After Fullerton's papers
    // move she has 1393.86735 ≥ 1300, so our count first deems her elected under rule 47(1), which
    // applies "at any stage of the count"; same seat, different label.
    expect(result.electedWithoutQuota).toEqual([]);
    expect(result.stages.every((s) => s.tieBreak === undefined)).toBe(true); // "No ties occurred in this ward"
  });

  it("matches every Droop stage exactly: votes per candidate and non-transferable (5 decimals)", () => {
    const { expected, result } = load();
    // Droop's round 0 ("begin"/"elect") is our stage 1; each later round ends with one "transfer"
    // (a surplus or an excluded candidate's papers), which is one of our stages.
    const snapshots: DroopSnapshot[] = expected.rounds.map((r: any) => ({ round: r.round, action: r.action, votes: r.votes, nonTransferable: r["non-transferable"] }));
    const droop = droopStages(snapshots, (s) => s.action === "begin", (s) => s.action === "transfer");
    expect(droop).toHaveLength(10);
    expect(result.stages).toHaveLength(droop.length);
    droop.forEach((d, i) => {
      const stage = result.stages[i]!;
      expect({ stage: stage.number, votes: fmt(stage.votes), nonTransferable: formatVotes(stage.nonTransferable) }).toEqual({
        stage: i + 1,
        votes: d.votes,
        nonTransferable: d.nonTransferable,
      });
    });
    const last = result.stages.at(-1)!;
    expect(formatVotes(last.nonTransferable)).toBe(expected.final_tally.non_transferable);
    expect(formatVotes(last.residual)).toBe(expected.final_tally.residual);
  });

  it("matches the residual (value lost to truncation) of every stage in Droop's report", () => {
    const { result } = load();
    const report = readDroopReport(file(dir, "droop_reference_report_scotland.txt"));
    const droop = droopStages(report, (s) => s.action === "Begin Count", (s) => /^(Surplus transferred|Transfer defeated):/.test(s.action));
    expect(droop.map((d) => d.residual)).toEqual(result.stages.map((s) => formatVotes(s.residual)));
    expect(droop.map((d) => d.votes)).toEqual(result.stages.map((s) => fmt(s.votes)));
  });

  it("stage actions follow Droop's: Redmond's surplus, five exclusions, Thewliss's surplus, two exclusions", () => {
    const { result } = load();
    expect(result.stages.map((s) => (s.action.type === "first-preferences" ? "first" : `${s.action.type}:${s.action.candidate}`))).toEqual([
      "first",
      "surplus:George Redmond",
      "exclusion:Gary Barton",
      "exclusion:Kenny Murray",
      "exclusion:Danny Houston",
      "exclusion:Alasdair Duke - Wardrop",
      "exclusion:Paul Graham",
      "surplus:Alison E Thewliss",
      "exclusion:Scott Gillespie",
      "exclusion:Fiacra Fullerton",
    ]);
    expect(result.stages[1]!.action).toMatchObject({ surplus: 682 * UNIT });
    expect(formatVotes((result.stages[7]!.action as { surplus: number }).surplus)).toBe("60.12945");
  });
});

fixture("stv_meek_vs_gregory_voting_matters_12 (Droop scotland-fixed-p5-d5)", () => {
  const dir = "stv_meek_vs_gregory_voting_matters_12";
  const load = () => {
    const blt = readBlt(file(dir, "ballots.blt"));
    // Ties here are decided by lot; Droop's lot is the candidates' file order.
    const result = countStv(blt.ballots, { seats: blt.seats, candidates: blt.candidates, lotOrder: blt.candidates });
    return { blt, result, expected: json(dir, "expected.json") };
  };

  it("elects A, B, Z like Droop's Scottish rule, with quota 1001", () => {
    const { result, expected } = load();
    expect(result.winners).toEqual(expected.winners_by_rule["scotland-fixed-p5-d5"]);
    expect(result.winners).toEqual(["A", "B", "Z"]);
    expect(formatVotes(result.quota)).toBe(expected.per_rule["scotland-fixed-p5-d5"].final_quota);
    expect(result.excluded).toEqual(["X", "Y"]);
    expect(result.electedWithoutQuota).toEqual(["Z"]);
  });

  it("matches every stage of Droop's dump, leaving out Droop's no-op zero-surplus rounds", () => {
    const { result } = load();
    // A and B reach exactly the quota (1001) at the first count. Droop then spends rounds 1 and 2
    // "transferring" their zero surpluses, which changes nothing. Rule 48(1) transfers only a
    // surplus that *exceeds* the quota, so our count has no such stages: we drop every Droop
    // transfer that leaves all votes and the non-transferable total unchanged.
    const dump = readDroopDump(file(dir, "droop_reference/dump-scotland-fixed-p5-d5.tsv"));
    const droop = droopStages(dump, (s) => s.action === "begin", (s) => s.action === "transfer");
    expect(droop.map((d) => d.round)).toEqual(["0", "3", "4"]);
    expect(result.stages.map((s) => ({ votes: fmt(s.votes), nt: formatVotes(s.nonTransferable) }))).toEqual(
      droop.map((d) => ({ votes: d.votes, nt: d.nonTransferable })),
    );
    expect(result.stages.at(-1)!.votes).toEqual(inUnits({ A: 1001, B: 1001, X: 0, Y: 0, Z: 667 }));
  });

  it("breaks the X/Y/Z ties by lot exactly as Droop's report does", () => {
    const { result } = load();
    const droopTies = readDroopTieBreaks(file(dir, "droop_reference/report-scotland-fixed-p5-d5.txt")).filter((t) => t.reason.startsWith("defeat"));
    expect(droopTies).toEqual([
      { by: "lot", reason: "defeat low candidate", tied: ["X", "Y", "Z"], chosen: "X" },
      { by: "lot", reason: "defeat low candidate", tied: ["Y", "Z"], chosen: "Y" },
    ]);
    const ours = result.stages.flatMap((s) => (s.tieBreak ? [s.tieBreak] : []));
    expect(ours).toEqual(droopTies.map((t) => ({ kind: "exclusion", tied: t.tied, chosen: t.chosen, by: "lot" })));
    // Droop also logs a lot between A's and B's zero surpluses, which we never transfer.
  });

  it("a different lot order changes the third seat, which shows the lot really decides it", () => {
    const { blt } = load();
    const result = countStv(blt.ballots, { seats: 3, candidates: blt.candidates, lotOrder: ["Z", "Y", "X", "B", "A"] });
    expect(result.winners).toEqual(["A", "B", "X"]);
  });
});

fixture("stv_droop_42_tiebreak (Droop scotland reports for 42 and 42t; 513 worked by hand)", () => {
  const dir = "stv_droop_42_tiebreak";

  it.each(["42", "42t"])("%s.blt: Castor and Helen, and every stage equals Droop's scotland report", (name) => {
    const blt = readBlt(file(dir, `${name}.blt`));
    if (name === "42t") expect(blt.tieOrder).toEqual(["Helen", "Pollux", "Castor"]);
    const result = countStv(blt.ballots, { seats: blt.seats, candidates: blt.candidates, lotOrder: blt.tieOrder ?? blt.candidates });
    const expected = json(dir, "expected.json");
    expect(result.winners).toEqual(expected.winners_by_rule[name].scotland);
    expect(result.quota).toBe(3 * UNIT); // integer quota: no Pollux/Helen tie, so the tie order is never used
    const report = readDroopReport(file(dir, `droop_reference/report-${name}-scotland-fixed-p5-d5.txt`));
    const droop = droopStages(report, (s) => s.action === "Begin Count", (s) => /^(Surplus transferred|Transfer defeated):/.test(s.action));
    expect(result.stages.map((s) => ({ votes: fmt(s.votes), nt: formatVotes(s.nonTransferable), residual: formatVotes(s.residual) }))).toEqual(
      droop.map((d) => ({ votes: d.votes, nt: d.nonTransferable, residual: d.residual })),
    );
    expect(result.stages.every((s) => !s.tieBreak)).toBe(true);
  });

  it("513.blt: Castor and Helen (as all of Droop's rules); stages worked by hand, since no scotland report is packaged", () => {
    const blt = readBlt(file(dir, "513.blt"));
    const result = countStv(blt.ballots, { seats: blt.seats, candidates: blt.candidates });
    expect(result.winners).toEqual(json(dir, "expected.json").winners_by_rule["513"]["all 14 Droop rule/arithmetic variants"]);
    expect(result.quota).toBe(4 * UNIT); // floor(9/3)+1
    // Castor 5 ≥ 4: surplus 1 moves at 1/5 = 0.2 on each of his 5 papers, all to Pollux. Pollux (2)
    // is then lowest; none of his papers has a next preference. Helen is the last continuing candidate.
    expect(result.stages.map((s) => ({ votes: fmt(s.votes), nt: formatVotes(s.nonTransferable) }))).toEqual([
      { votes: { Castor: "5.00000", Pollux: "1.00000", Helen: "3.00000" }, nt: "0.00000" },
      { votes: { Castor: "4.00000", Pollux: "2.00000", Helen: "3.00000" }, nt: "0.00000" },
      { votes: { Castor: "4.00000", Pollux: "0.00000", Helen: "3.00000" }, nt: "2.00000" },
    ]);
    expect(result.electedWithoutQuota).toEqual(["Helen"]);
  });
});

fixture("stv_wikipedia_food_election (textbook)", () => {
  it("quota 6; Chocolate, Oranges, Strawberries; the textbook's round tallies", () => {
    const dir = "stv_wikipedia_food_election";
    const blt = readBlt(file(dir, "ballots.blt"));
    const expected = json(dir, "expected.json");
    const result = countStv(blt.ballots, { seats: blt.seats, candidates: blt.candidates });
    expect(result.quota).toBe(expected.quota * UNIT);
    expect(result.winners).toEqual(expected.winners);
    // Textbook rounds 1–3 are the tallies after the first count, Chocolate's surplus and Pears' exclusion.
    for (const [i, round] of (expected.rounds as { tally?: Record<string, number> }[]).entries()) {
      if (!round.tally) continue;
      expect(pick(result.stages[i]!.votes, Object.keys(round.tally))).toEqual(inUnits(round.tally));
    }
    expect(result.excluded).toEqual(["Pears", "Sweets"]);
    expect(result.electedWithoutQuota).toEqual(["Strawberries"]);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Instant-runoff (one seat). The official counts eliminate in batches; ours excludes one
// candidate per stage. With whole votes, each candidate's count depends only on which candidates
// are still standing, so every published round is compared with our stage that has the same set.
// ─────────────────────────────────────────────────────────────────────────────────────────────

interface PublishedRound {
  round: number;
  tally: Record<string, number>;
}

/** Asserts each listed round against our stage with the same standing candidates; returns those stages. */
function expectRoundsMatch(result: StvResult, candidates: readonly string[], rounds: PublishedRound[]) {
  return rounds.map((r) => {
    const i = stageWithStanding(result, candidates, Object.keys(r.tally));
    expect(i, `a stage with the standing candidates of round ${r.round}`).toBeGreaterThanOrEqual(0);
    expect({ round: r.round, votes: pick(result.stages[i]!.votes, Object.keys(r.tally)) }).toEqual({ round: r.round, votes: inUnits(r.tally) });
    return result.stages[i]!;
  });
}

fixture("irv_condorcet_tennessee_capital (textbook IRV)", () => {
  it("Knoxville wins, and every round matches", () => {
    const dir = "irv_condorcet_tennessee_capital";
    const blt = readBlt(file(dir, "ballots.blt"));
    const expected = json(dir, "expected.json");
    const result = countStv(blt.ballots, { seats: 1, candidates: blt.candidates });
    expect(result.winners).toEqual(expected.winners);
    expectRoundsMatch(result, blt.candidates, expected.rounds);
    expect(result.excluded).toEqual(["Chattanooga", "Nashville"]);
    expect(result.stages).toHaveLength(3); // Knoxville reaches the quota of 51 with 58
  });
});

fixture("irv_burlington_2009_mayor (official ChoicePlus report)", () => {
  const dir = "irv_burlington_2009_mayor";
  const load = () => {
    const blt = readBlt(file(dir, "ballots.blt"));
    return { blt, expected: json(dir, "expected.json"), result: countStv(blt.ballots, { seats: 1, candidates: blt.candidates }) };
  };

  it("Bob Kiss wins", () => {
    const { result, expected } = load();
    expect(result.winners).toEqual(expected.winners);
  });

  it("rounds 1 and 2 match the official report exactly; round 3 differs by one ballot (ChoicePlus overvote rule)", () => {
    const { blt, result, expected } = load();
    const [r1, r2, r3] = expected.rounds as (PublishedRound & { exhausted: number })[];
    // 4 ballots are blank: ChoicePlus counts them as valid and exhausted from round 1 (8,980 valid,
    // threshold 4491); our count ignores an empty ballot (8,976 valid, quota 4489). The 4 ballots
    // overvoted at the first rank are invalid in both.
    const blank = blt.lines.filter((l) => l.marks.length === 0).length;
    expect(blank).toBe(4);
    expect(result.validBallots).toBe(expected.valid_ballots - blank);
    const [s1, s2] = expectRoundsMatch(result, blt.candidates, [r1!, r2!]);
    expect(s1!.nonTransferable).toBe((r1!.exhausted - blank) * UNIT);
    expect(s2!.nonTransferable).toBe((r2!.exhausted - blank) * UNIT);

    // Round 3 (Kiss v Wright, after Montroll's exclusion). ChoicePlus, at an overvoted rank, drops
    // the candidates already eliminated; if one continuing candidate is left the vote goes to it.
    // Our ballots are fixed rankings and an overvote ends the ballot (tests/support/blt.ts), so the
    // one ballot "2 4 3=5 1" (Montroll, Smith, Simpson=Wright, Kiss) exhausts in our count but goes
    // to Wright in the official one, Simpson being out by then.
    const i3 = stageWithStanding(result, blt.candidates, Object.keys(r3!.tally));
    expect(i3).toBeGreaterThanOrEqual(0);
    const s3 = result.stages[i3]!;
    const differing = blt.lines.filter((l) => l.marks.join(" ") === "2 4 3=5 1");
    expect(differing).toHaveLength(1);
    expect(s3.votes["Bob Kiss"]).toBe(r3!.tally["Bob Kiss"]! * UNIT);
    expect(s3.votes["Kurt Wright"]).toBe((r3!.tally["Kurt Wright"]! - 1) * UNIT);
    expect(s3.nonTransferable).toBe((r3!.exhausted - blank + 1) * UNIT);
    // No other overvote can have mattered: every other overvoted line is either overvoted at the
    // first rank (invalid) or has an earlier preference for a candidate still standing in round 3.
    const others = blt.lines.filter((l) => l.marks.some((m) => m.includes("=")) && l !== differing[0]);
    for (const l of others) {
      const firstOver = l.marks.findIndex((m) => m.includes("="));
      const before = l.marks.slice(0, firstOver).map((m) => blt.candidates[Number(m) - 1]);
      expect(firstOver === 0 || before.some((c) => c === "Bob Kiss" || c === "Kurt Wright"), l.marks.join(" ")).toBe(true);
    }
  });
});

fixture("irv_sf_2010_bos_d2 (official SF passes)", () => {
  it("Mark Farrell wins; pass 1 and pass 2 match exactly", () => {
    const dir = "irv_sf_2010_bos_d2";
    const blt = readBlt(file(dir, "ballots.blt"));
    const expected = json(dir, "expected.json");
    const result = countStv(blt.ballots, { seats: 1, candidates: blt.candidates });
    expect(result.winners).toEqual(expected.winners);
    const rounds = expected.rounds as (PublishedRound & { eligible: number; exhausted: number })[];
    // Blank cards and cards overvoted before any valid rank count as exhausted from pass 1 in the
    // official report; our count leaves such empty ballots out, so its valid total is pass 1's
    // "eligible" figure, and its non-transferable total is the growth of the exhausted pile since.
    expect(result.validBallots).toBe(rounds[0]!.eligible);
    const stages = expectRoundsMatch(result, blt.candidates, rounds);
    stages.forEach((s, i) => expect(s.nonTransferable).toBe((rounds[i]!.exhausted - rounds[0]!.exhausted) * UNIT));
  });
});

fixture("irv_minneapolis_2017_mayor (RCTab reference, Minneapolis rules)", () => {
  const dir = "irv_minneapolis_2017_mayor";
  // Minneapolis rules as in rctab_config.json: an overvote is passed over, 2 consecutive blank
  // ranks end the ballot, a repeated candidate is passed over, "UWI" is a candidate.
  // Where our rules differ: (1) RCTab's threshold is a majority of the *active* ballots,
  // recomputed each round; ours is the Droop quota of valid ballots, fixed — in IRV this decides
  // only when the count stops, never who wins (a candidate with a majority of the continuing
  // ballots can never be the lowest). (2) RCTab eliminates in batches and always eliminates the
  // undeclared write-ins first; we exclude the single lowest candidate at each stage. (3) RCTab's
  // tie-break here is random (seed 0); ours looks back, then uses the lot order (no tie arises).
  const load = () => {
    const cvr = readCvrCsv(file(dir, "cvr_aggregated.csv"), {
      skipped: "undervote",
      overvote: "overvote",
      maxSkippedRanks: 1,
      undeclaredWriteIn: { label: "UWI", candidate: "Undeclared Write-ins" },
    });
    const config = json(dir, "rctab_config.json");
    const candidates: string[] = [...config.candidates.map((c: { name: string }) => c.name), "Undeclared Write-ins"];
    const result = countStv(cvr.ballots, { seats: 1, candidates });
    return { cvr, candidates, result, expected: json(dir, "expected.json") };
  };

  it("Jacob Frey wins (RCTab and official)", () => {
    const { result, expected } = load();
    expect(result.winners).toEqual(expected.winners);
    expect(result.winners).toEqual([expected.official_result.winner]);
  });

  it("rounds 1, 3, 4, 5 and 6 match RCTab exactly, inactive ballots included", () => {
    const { cvr, candidates, result, expected } = load();
    const rounds = expected.rounds as (PublishedRound & { inactive: Record<string, number> })[];
    const inactive = (r: (typeof rounds)[number]) => Object.values(r.inactive).reduce((a, b) => a + b, 0);
    // Valid ballots = RCTab's round-1 active ballots: all minus the 1,369 fully blank ones and the
    // 75 that RCTab makes inactive before counting (blank-blank-candidate, overvotes only, …).
    expect(cvr.totalBallots).toBe(Number(expected.rctab_summary.totalNumBallots));
    expect(result.validBallots).toBe(cvr.totalBallots - expected.rctab_summary.undervotes - inactive(rounds[0]!));
    const matched = rounds.filter((r) => r.round !== 2);
    const stages = expectRoundsMatch(result, candidates, matched);
    stages.forEach((s, i) => expect(s.nonTransferable).toBe((inactive(matched[i]!) - inactive(rounds[0]!)) * UNIT));
  });

  it("round 2 has no counterpart stage (RCTab eliminates the write-ins first); the ballot reading still reproduces it", () => {
    const { cvr, candidates, result, expected } = load();
    const round2 = (expected.rounds as PublishedRound[])[1]!;
    // RCTab round 2 = everyone but "Undeclared Write-ins" (137 votes). We exclude the lowest first:
    // Theron Preston Washington (0), Christopher Zimmerman (1), Ian Simpson (119), then the
    // write-ins, so no stage of ours has exactly that set of standing candidates.
    expect(stageWithStanding(result, candidates, Object.keys(round2.tally))).toBe(-1);
    expect(result.excluded.slice(0, 4)).toEqual(["Theron Preston Washington", "Christopher Zimmerman", "Ian Simpson", "Undeclared Write-ins"]);
    // What can be checked: counting first continuing preferences of our reading of the CVR with
    // that set standing gives RCTab's round-2 tally exactly.
    expect(firstChoiceTally(cvr.ballots, Object.keys(round2.tally))).toEqual(round2.tally);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Multi-seat counts under other rule sets (RCTab / Minneapolis Gregory at 4 decimal places)
// ─────────────────────────────────────────────────────────────────────────────────────────────

fixture("stv_minneapolis_2013_park_board (RCTab reference, official winners)", () => {
  const dir = "stv_minneapolis_2013_park_board";
  // RCTab's rules here: the same whole-number Droop quota as ours (floor(59463/4)+1 = 14866),
  // single elimination, write-ins eliminated first (they are also the lowest here, so the order is
  // the same as ours), Gregory transfers at 4 decimal places. Erwin reaches exactly the quota, so
  // no fraction is ever transferred before the last seats are filled, and every RCTab round up to
  // round 10 has the same whole numbers as our stage with the same standing candidates.
  const load = () => {
    const cvr = readCvrCsv(file(dir, "cvr_aggregated.csv"), {
      skipped: "undervote",
      overvote: "overvote",
      maxSkippedRanks: 2,
      undeclaredWriteIn: { label: "UWI", candidate: "Undeclared Write-ins" },
    });
    const config = json(dir, "rctab_config.json");
    const candidates: string[] = [...config.candidates.map((c: { name: string }) => c.name), "Undeclared Write-ins"];
    return { cvr, candidates, expected: json(dir, "expected.json"), result: countStv(cvr.ballots, { seats: 3, candidates }) };
  };

  it("elects Erwin, Young, Forney (RCTab and official), quota 14866", () => {
    const { result, expected } = load();
    expect(result.quota).toBe(Number(expected.rounds[0].threshold) * UNIT);
    expect(result.winners).toEqual(expected.winners);
    expect(result.winners.map((w) => w.toLowerCase())).toEqual(expected.official_result.winners.map((w: string) => w.toLowerCase()));
    expect(result.electedWithoutQuota).toEqual(["MEG FORNEY"]);
  });

  it("RCTab rounds 1–10 match exactly, inactive ballots included; round 11 is a surplus transfer we do not make", () => {
    const { cvr, candidates, result, expected } = load();
    const rounds = expected.rounds as (PublishedRound & { inactive: Record<string, number> })[];
    const inactive = (r: (typeof rounds)[number]) => r.inactive.exhaustedChoices! + r.inactive.overvotes! + r.inactive.skippedRankings! + r.inactive.repeatedRankings!;
    expect(result.validBallots).toBe(cvr.totalBallots - expected.rctab_summary.undervotes - inactive(rounds[0]!)); // 59,463
    const upTo10 = rounds.filter((r) => r.round <= 10);
    const stages = expectRoundsMatch(result, candidates, upTo10);
    stages.forEach((s, i) => expect(s.nonTransferable).toBe((inactive(upTo10[i]!) - inactive(rounds[0]!)) * UNIT));
    // RCTab's round 11 transfers Young's surplus (15044 − 14866) after all three seats are filled,
    // for the record. Rule 48(1) transfers a surplus only while vacancies remain, so our count ends
    // with Young on 15044.
    expect(result.stages.at(-1)!.votes["ANNIE YOUNG"]).toBe(15044 * UNIT);
    expect(result.stages).toHaveLength(9);
  });

  it("the derived ballots.blt gives the same count as the CSV", () => {
    const { candidates, result } = load();
    const blt = readBlt(file(dir, "ballots.blt"));
    expect(new Set(blt.candidates)).toEqual(new Set(candidates));
    const fromBlt = countStv(blt.ballots, { seats: blt.seats, candidates });
    expect(fromBlt).toEqual(result);
  });
});

const RCTAB_LETTERS = Object.fromEntries(["A", "B", "C", "D", "E", "F"].map((l) => [l, `Candidate ${l} Name`]));
const rctabCandidates = Object.values(RCTAB_LETTERS);

fixture("stv_rctab_multi_winner_whole_threshold (RCTab reference)", () => {
  const dir = "stv_rctab_multi_winner_whole_threshold";
  const load = () => {
    // maxSkippedRanksAllowed = 1 in rctab_config.json.
    const ballots = readRctabBallotsTxt(file(dir, "ballots.txt"), RCTAB_LETTERS, 1);
    return { ballots, expected: json(dir, "expected.json"), result: countStv(ballots, { seats: 3, candidates: rctabCandidates }) };
  };

  it("elects C, A, B like RCTab, with the same whole-number quota 8", () => {
    const { result, expected } = load();
    expect(result.validBallots).toBe(29); // "- - - - - E" is inactive from the start under both readings
    expect(result.quota).toBe(Number(expected.rounds[0].threshold) * UNIT);
    expect(result.winners).toEqual(expected.winners);
  });

  it("follows RCTab's rounds to within the difference in precision (RCTab 4 decimals, ours 5 truncated)", () => {
    const { result, expected } = load();
    // Same events in the same order: C's surplus, then D, F and E excluded, A and B elected. The
    // values differ only in the last decimals: C's surplus of 1 moves at 1/9, which RCTab carries as
    // 0.1111 and we as 0.11111. A paper's value differs by less than 0.0001 and there are only 29
    // papers, so no tally can differ by 0.003 or more. RCTab round r is our stage r for rounds 1–5
    // (its round 6 transfers the final surpluses after the seats are filled; rule 48(1) does not).
    const rounds = (expected.rounds as PublishedRound[]).slice(0, 5);
    expect(result.stages).toHaveLength(rounds.length);
    rounds.forEach((r, i) => {
      expect(Object.keys(r.tally).every((c) => standingAfter(result, i, rctabCandidates).has(c))).toBe(true);
      for (const [c, v] of Object.entries(r.tally)) expect(Math.abs(result.stages[i]!.votes[c]! / UNIT - v), `${c} in round ${r.round}`).toBeLessThan(0.003);
    });
    expect(result.excluded).toEqual(["Candidate D Name", "Candidate F Name", "Candidate E Name"]);
    // Our own figures, exactly, so a regression cannot hide inside the tolerance.
    expect(result.stages.map((s) => fmt(s.votes))).toEqual([
      { "Candidate A Name": "6.00000", "Candidate B Name": "5.00000", "Candidate C Name": "9.00000", "Candidate D Name": "2.00000", "Candidate E Name": "4.00000", "Candidate F Name": "3.00000" },
      { "Candidate A Name": "6.00000", "Candidate B Name": "5.00000", "Candidate C Name": "8.00000", "Candidate D Name": "2.11111", "Candidate E Name": "4.77777", "Candidate F Name": "3.11111" },
      { "Candidate A Name": "6.00000", "Candidate B Name": "5.00000", "Candidate C Name": "8.00000", "Candidate D Name": "0.00000", "Candidate E Name": "5.77777", "Candidate F Name": "3.22222" },
      { "Candidate A Name": "7.11111", "Candidate B Name": "7.11111", "Candidate C Name": "8.00000", "Candidate D Name": "0.00000", "Candidate E Name": "5.77777", "Candidate F Name": "0.00000" },
      { "Candidate A Name": "10.33333", "Candidate B Name": "9.22222", "Candidate C Name": "8.00000", "Candidate D Name": "0.00000", "Candidate E Name": "0.00000", "Candidate F Name": "0.00000" },
    ]);
  });
});

fixture("stv_rctab_multi_winner_fractional_threshold (RCTab reference, fractional quota)", () => {
  const dir = "stv_rctab_multi_winner_fractional_threshold";

  it("elects C, A, B like RCTab, although our integer quota (8, not 7.2501) changes the stages", () => {
    const ballots = readRctabBallotsTxt(file(dir, "ballots.txt"), RCTAB_LETTERS, 1);
    const expected = json(dir, "expected.json");
    const result = countStv(ballots, { seats: 3, candidates: rctabCandidates });
    expect(result.winners).toEqual(expected.winners);
    // RCTab's threshold is 29/4 + 0.0001 = 7.2501 (nonIntegerWinningThreshold); rule 46 gives
    // floor(29/4) + 1 = 8. First preferences are the same either way.
    expect(Number(expected.rounds[0].threshold)).toBe(7.2501);
    expect(result.quota).toBe(8 * UNIT);
    expectRoundsMatch(result, rctabCandidates, [expected.rounds[0]]);
    // After D's exclusion C has 8: over RCTab's threshold (surplus 0.7499 transferred), but exactly
    // our quota (no surplus). So from there on the counts differ; ours stays in whole votes.
    const ours = (i: number) => pick(result.stages[i]!.votes, ["Candidate A Name", "Candidate B Name", "Candidate C Name", "Candidate E Name", "Candidate F Name"]);
    expect(result.stages).toHaveLength(4);
    expect(result.excluded).toEqual(["Candidate D Name", "Candidate F Name", "Candidate E Name"]);
    expect(ours(1)).toEqual(inUnits({ "Candidate A Name": 6, "Candidate B Name": 5, "Candidate C Name": 8, "Candidate E Name": 6, "Candidate F Name": 3 }));
    expect(ours(2)).toEqual(inUnits({ "Candidate A Name": 7, "Candidate B Name": 7, "Candidate C Name": 8, "Candidate E Name": 6, "Candidate F Name": 0 }));
    expect(ours(3)).toEqual(inUnits({ "Candidate A Name": 10, "Candidate B Name": 10, "Candidate C Name": 8, "Candidate E Name": 0, "Candidate F Name": 0 }));
    expect(result.stages.at(-1)!.nonTransferable).toBe(1 * UNIT); // "D - - E F A" ends after D
    expect(result.stages[1]!.action).toEqual({ type: "exclusion", candidate: "Candidate D Name" });
  });
});
