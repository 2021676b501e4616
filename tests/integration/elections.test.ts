// Elections on the real database: nominations, ranked ballots, the count, and the delegations it creates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers } from "../support/factories";
import { refusal } from "../support/refusal";
import { castRankedVote, createElection, nominate, respondToNomination } from "@/lib/elections/service";
import { closeProposal, findProposalPage, openVoting } from "@/lib/proposals/service";
import { listDelegations } from "@/lib/delegations/service";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

describe("an election from nomination to delegation", () => {
  it("elects by STV and records each winner's term", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 5, { quorumPercent: 50 });
    const [a, b, c, d, e, f] = members as [string, string, string, string, string, string];
    const election = await createElection(t.db, { councilId: council.id, authorId: a, roleName: "Purchasing", seats: 2, termMonths: 6, body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: a, actorId: a }); // self: accepted
    await nominate(t.db, { proposalId: election.id, nomineeId: b, actorId: a });
    await nominate(t.db, { proposalId: election.id, nomineeId: c, actorId: d });
    await respondToNomination(t.db, { proposalId: election.id, nomineeId: b, accept: true });
    await respondToNomination(t.db, { proposalId: election.id, nomineeId: c, accept: true });
    await openVoting(t.db, { proposalId: election.id, actorId: a });
    for (const [voter, ranking] of [[a, [a, b]], [b, [b]], [c, [c, b]], [d, [a]], [e, [a, c]], [f, [b, a]]] as const) {
      await castRankedVote(t.db, { proposalId: election.id, userId: voter, ranking: [...ranking] });
    }
    expect((await refusal(castRankedVote(t.db, { proposalId: election.id, userId: d, ranking: [a, a] }))).message).toMatch(/more than one rank/);
    expect((await refusal(castRankedVote(t.db, { proposalId: election.id, userId: d, ranking: [f] }))).message).toMatch(/not a candidate/);
    await expireVoting(t.db, election.id);
    const result = await closeProposal(t.db, election.id);
    expect(result?.outcome).toBe("ELECTED");
    expect(result?.winners).toEqual([a, b]);
    const { current } = await listDelegations(t.db, { councilId: council.id });
    expect(current.map((x) => x.holder.id).sort()).toEqual([a, b].sort());
    const page = await findProposalPage(t.db, { proposalId: election.id, viewerId: c });
    expect(page?.election?.nominations).toHaveLength(3);
  });
});
