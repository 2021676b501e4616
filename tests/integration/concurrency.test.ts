// One member, one vote under real concurrency: many requests at once against PostgreSQL's locks and
// constraints. PGlite runs one query at a time, so these only run with TEST_DATABASE_URL set.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncil, makeCouncilWithMembers, makeOpenProposal, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { castVote, countVotes } from "@/lib/voting/service";
import { closeProposal, createProposal, openVoting } from "@/lib/proposals/service";
import { joinCouncil } from "@/lib/councils/service";
import { castRankedVote, createElection, nominate } from "@/lib/elections/service";
import { VOTE_CHOICES } from "@/lib/proposals/schemas";

type Choice = (typeof VOTE_CHOICES)[number];
const randomChoice = (from: readonly Choice[] = VOTE_CHOICES): Choice => from[Math.floor(Math.random() * from.length)]!;

/** Moves this process's clock (Date only; timers and I/O run normally), as time passing would. */
function setClock(at: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

describe.runIf(onPostgres)(
  onPostgres ? "under real concurrency (PostgreSQL)" : "under real concurrency — skipped: needs TEST_DATABASE_URL (PostgreSQL)",
  () => {
    let t: TestDatabase;
    beforeAll(async () => { t = await createTestDatabase(); });
    afterAll(async () => { await t?.dispose(); });
    afterEach(() => { vi.useRealTimers(); });

    const rowsOf = async (proposalId: string) =>
      t.db.vote.findMany({ where: { proposalId }, select: { userId: true, choice: true }, orderBy: { userId: "asc" } });

    it("nominations racing the opening of voting: none is accepted after voting opened", async () => {
      for (let round = 0; round < 6; round++) { // a race shows itself only sometimes: run it a few times
        const { council, members } = await makeCouncilWithMembers(t.db, 12);
        const election = await createElection(t.db, { councilId: council.id, authorId: members[0]!, roleName: "Rota keeper", seats: 1, termMonths: 6, body: "" });
        await nominate(t.db, { proposalId: election.id, nomineeId: members[0]!, actorId: members[0]! });
        await Promise.allSettled([
          openVoting(t.db, { proposalId: election.id, actorId: members[0]! }),
          ...members.slice(1).map((m) => nominate(t.db, { proposalId: election.id, nomineeId: m, actorId: m })),
        ]);
        const opened = (await t.db.proposal.findUniqueOrThrow({ where: { id: election.id } })).votingOpenedAt!;
        expect(await t.db.nomination.count({ where: { proposalId: election.id, createdAt: { gt: opened } } })).toBe(0);
      }
    });

    it("secret ballots: 50 simultaneous ballots by one member leave one participation and one ballot; one succeeds", async () => {
      const { council, members } = await makeCouncilWithMembers(t.db, 10, { ballotSecrecy: "SECRET" });
      const draft = await createProposal(t.db, { councilId: council.id, authorId: members[0]!, title: "Secret race", body: "Fifty ballots at once from one member." });
      const proposal = await openVoting(t.db, { proposalId: draft.id, actorId: members[0]! });
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 50 }, () => castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: randomChoice() })),
        ...members.slice(2).map((m) => castVote(t.db, { proposalId: proposal.id, userId: m, choice: "YES" })),
      ]);
      const mine = outcomes.slice(0, 50);
      expect(mine.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      for (const o of mine) if (o.status === "rejected") expect((o.reason as Error).message).toMatch(/already cast your secret ballot/);
      expect(outcomes.slice(50).every((o) => o.status === "fulfilled")).toBe(true);
      expect(await t.db.participation.count({ where: { proposalId: proposal.id } })).toBe(10);
      expect(await t.db.sealedBallot.count({ where: { proposalId: proposal.id } })).toBe(10);
      const accepted = (mine.find((o) => o.status === "fulfilled") as PromiseFulfilledResult<Awaited<ReturnType<typeof castVote>>>).value;
      await expireVoting(t.db, proposal.id);
      const result = await closeProposal(t.db, proposal.id);
      expect(result!.yes + result!.no + result!.abstain).toBe(10);
      expect(await t.db.ballot.findUnique({ where: { proposalId_tracking: { proposalId: proposal.id, tracking: accepted.receipt!.trackingCode } }, select: { choice: true } }))
        .toEqual({ choice: accepted.choice });
    });

    it("ranked ballots: 50 simultaneous ballots by one member and 20 members at once leave one ballot each", async () => {
      const { council, members } = await makeCouncilWithMembers(t.db, 20);
      const election = await createElection(t.db, { councilId: council.id, authorId: members[0]!, roleName: "Steward", seats: 2, termMonths: 6, body: "" });
      const candidates = members.slice(0, 3);
      for (const c of candidates) await nominate(t.db, { proposalId: election.id, nomineeId: c, actorId: c });
      await openVoting(t.db, { proposalId: election.id, actorId: members[0]! });
      const rankings = [[candidates[0]!], [candidates[1]!, candidates[0]!], [candidates[2]!, candidates[1]!, candidates[0]!]];
      const pick = () => rankings[Math.floor(Math.random() * rankings.length)]!;
      const one = members[5]!;
      await Promise.all(Array.from({ length: 50 }, () => castRankedVote(t.db, { proposalId: election.id, userId: one, ranking: pick() })));
      expect(await t.db.rankedVote.count({ where: { proposalId: election.id, userId: one } })).toBe(1);
      await Promise.all(members.flatMap((m) => [pick(), pick()].map((ranking) => castRankedVote(t.db, { proposalId: election.id, userId: m, ranking }))));
      expect(await t.db.rankedVote.count({ where: { proposalId: election.id } })).toBe(members.length);
      await expireVoting(t.db, election.id);
      const result = await closeProposal(t.db, election.id);
      expect((result?.count as { validBallots: number }).validBallots).toBe(members.length);
    });

    it("50 simultaneous submissions by one member leave exactly one ballot, and a later change wins", async () => {
      const { council, members } = await makeCouncilWithMembers(t.db, 1);
      const p = await makeOpenProposal(t.db, council.id, members[0]!);
      const voter = members[1]!;
      const submitted = Array.from({ length: 50 }, () => randomChoice());
      await Promise.all(submitted.map((choice) => castVote(t.db, { proposalId: p.id, userId: voter, choice })));
      const rows = await rowsOf(p.id);
      expect(rows).toHaveLength(1);
      expect(submitted).toContain(rows[0]!.choice);

      const change = VOTE_CHOICES.find((c) => c !== rows[0]!.choice)!;
      await castVote(t.db, { proposalId: p.id, userId: voter, choice: change });
      expect(await rowsOf(p.id)).toEqual([{ userId: voter, choice: change }]);
    });

    it("50 members each firing 5 votes at once: 50 ballots, each one of its member's own choices", async () => {
      const { council, members } = await makeCouncilWithMembers(t.db, 49);
      const p = await makeOpenProposal(t.db, council.id, members[0]!);
      // Each member submits only two of the three choices, so a ballot crossing over from someone
      // else, or made up, would show as the choice the member never sent.
      const never = new Map(members.map((m) => [m, randomChoice()] as const));
      const calls = members.flatMap((userId) => {
        const allowed = VOTE_CHOICES.filter((c) => c !== never.get(userId));
        return Array.from({ length: 5 }, () => ({ userId, choice: randomChoice(allowed) }));
      });
      calls.sort(() => Math.random() - 0.5);
      await Promise.all(calls.map(({ userId, choice }) => castVote(t.db, { proposalId: p.id, userId, choice })));

      const rows = await rowsOf(p.id);
      expect(rows.map((r) => r.userId)).toEqual([...members].sort());
      for (const row of rows) expect(row.choice).not.toBe(never.get(row.userId));
      const tally = await countVotes(t.db, p.id);
      expect(tally.yes + tally.no + tally.abstain).toBe(50);
    });

    it("votes racing the close as the deadline passes: every accepted vote is counted, every refused one is not", async () => {
      for (let round = 0; round < 4; round++) {
        const { council, members } = await makeCouncilWithMembers(t.db, 39);
        const p = await makeOpenProposal(t.db, council.id, members[0]!);
        const ballots = members.map((userId) => ({ userId, choice: randomChoice() }));

        // A steady stream of voters, six at a time. Part-way through, the clock passes the deadline
        // while votes are in flight, and closers arrive before, at and after that moment.
        const outcomes: PromiseSettledResult<unknown>[] = [];
        const closers: Promise<unknown>[] = [];
        let next = 0;
        let done = 0;
        const lane = async () => {
          while (next < ballots.length) {
            const i = next++;
            [outcomes[i]] = await Promise.allSettled([castVote(t.db, { proposalId: p.id, ...ballots[i]! })]);
            done++;
            if (done === 10) setClock(p.votingClosesAt!);
            if (done === 6 || done === 10 || done === 16 || done === 30) closers.push(closeProposal(t.db, p.id));
          }
        };
        await Promise.all(Array.from({ length: 6 }, lane));
        await Promise.all(closers); // closing never fails: before the deadline it returns null

        const refused = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
        for (const r of refused) expect(r.reason).toMatchObject({ name: "DomainError", code: "CLOSED" });
        const accepted = ballots.filter((_, i) => outcomes[i]!.status === "fulfilled");
        expect(accepted.length).toBeGreaterThanOrEqual(10);
        expect(refused.length).toBeGreaterThanOrEqual(40 - 10 - 6); // all but those already in flight

        const result = await closeProposal(t.db, p.id);
        const rows = await rowsOf(p.id);
        expect(rows).toEqual([...accepted].sort((a, b) => (a.userId < b.userId ? -1 : 1)));
        const count = (c: Choice) => rows.filter((r) => r.choice === c).length;
        expect(result).toMatchObject({ yes: count("YES"), no: count("NO"), abstain: count("ABSTAIN"), electorateSize: 40 });
        expect(await t.db.result.count({ where: { proposalId: p.id } })).toBe(1);

        // Once counted, the ballot box stays shut.
        expect((await refusal(castVote(t.db, { proposalId: p.id, userId: members[0]!, choice: "YES" }))).code).toBe("CLOSED");
        expect(await rowsOf(p.id)).toEqual(rows);
        vi.useRealTimers();
      }
    });

    it("votes racing a deadline moved in the database, and its closers: the result is exactly the stored ballots", async () => {
      for (let round = 0; round < 3; round++) {
        const { council, members } = await makeCouncilWithMembers(t.db, 29);
        const p = await makeOpenProposal(t.db, council.id, members[0]!);
        const ballots = members.map((userId) => ({ userId, choice: randomChoice() }));
        const votes = ballots.map(({ userId, choice }) => castVote(t.db, { proposalId: p.id, userId, choice }));
        const others = await Promise.all([closeProposal(t.db, p.id), expireVoting(t.db, p.id), closeProposal(t.db, p.id), closeProposal(t.db, p.id)]);
        const outcomes = await Promise.allSettled(votes);
        for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "CLOSED" });

        const accepted = ballots.filter((_, i) => outcomes[i]!.status === "fulfilled");
        const rows = await rowsOf(p.id);
        expect(rows).toEqual([...accepted].sort((a, b) => (a.userId < b.userId ? -1 : 1)));
        const result = await closeProposal(t.db, p.id);
        const count = (c: Choice) => rows.filter((r) => r.choice === c).length;
        expect(result).toMatchObject({ yes: count("YES"), no: count("NO"), abstain: count("ABSTAIN"), electorateSize: 30 });
        for (const r of others) if (r && typeof r === "object" && "outcome" in r) expect(r).toEqual(result);
      }
    });

    it("author and facilitator opening the same vote at once: it opens once, with one electorate", async () => {
      const { council, founderId, members } = await makeCouncilWithMembers(t.db, 4);
      const author = members[1]!;
      for (let round = 0; round < 5; round++) {
        const proposal = await createProposal(t.db, { councilId: council.id, authorId: author, title: `Round ${round} motion`, body: "Shall we open this twice?" });
        const settled = await Promise.allSettled([
          openVoting(t.db, { proposalId: proposal.id, actorId: author }),
          openVoting(t.db, { proposalId: proposal.id, actorId: founderId, votingHours: 48 }),
        ]);
        expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
        expect((settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CLOSED" });
        const opened = (settled.find((s) => s.status === "fulfilled") as PromiseFulfilledResult<{ electorateSize: number | null }>).value;
        expect(opened.electorateSize).toBe(5);
        expect(await t.db.electorateEntry.count({ where: { proposalId: proposal.id } })).toBe(5);
      }
    });

    it("one person pressing join twice at once gets one membership", async () => {
      const { council } = await makeCouncil(t.db, { joinPolicy: "OPEN" });
      for (let round = 0; round < 5; round++) {
        const ada = await makeUser(t.db);
        const settled = await Promise.allSettled([1, 2, 3].map(() => joinCouncil(t.db, { councilId: council.id, userId: ada.id })));
        expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
        for (const s of settled) if (s.status === "rejected") expect(s.reason).toMatchObject({ name: "DomainError", code: "CONFLICT" });
        expect(await t.db.membership.count({ where: { councilId: council.id, userId: ada.id, status: "ACTIVE" } })).toBe(1);
      }
    });
  },
);
