// Seeds the benchmark's data. Councils, proposals, elections and the opening of votes go through
// the app's own services (so electorates, fingerprints and audit rows are what the app writes);
// the bulk — people, memberships, votes, ranked ballots, browse proposals — goes in with set-based,
// parameterised SQL through plain `pg` (generate_series or unnest of arrays), never through HTTP.
import { hash } from "@node-rs/argon2";
import type pg from "pg";
import type { PrismaClient } from "../../lib/db/connection";
import { createCouncil } from "../../lib/councils/service";
import { createProposal, openVoting, closeProposal } from "../../lib/proposals/service";
import { createElection, nominate, respondToNomination } from "../../lib/elections/service";
import { randomBallots } from "./ballots";

export const BENCH_PASSWORD = "plenum-bench-password";
export const ADMIN_ID = "bench-admin";
export const ADMIN_EMAIL = "admin@bench.plenum";

/** The id of bench member n (1-based): fixed, so every stage can name members without a lookup. */
export const memberId = (n: number) => `bench-u-${String(n).padStart(7, "0")}`;
export const memberEmail = (n: number) => `u${n}@bench.plenum`;

export async function seedPeople(client: pg.Client, count: number): Promise<void> {
  // One real Argon2id hash shared by every bench member, so a sample can sign in over HTTP.
  const passwordHash = await hash(BENCH_PASSWORD);
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, 'Bench Facilitator', $3)`,
    [ADMIN_ID, ADMIN_EMAIL, passwordHash],
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash")
     SELECT 'bench-u-' || lpad(g::text, 7, '0'), 'u' || g || '@bench.plenum', 'Member ' || g, $2
     FROM generate_series(1, $1::int) AS g`,
    [count, passwordHash],
  );
}

const CHARTER = { quorumPercent: 20, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 24, liveResults: false, ballotSecrecy: "OPEN" } as const;

/** A council founded by the bench facilitator through the app, then members 1..count admitted in bulk. */
export async function seedCouncil(db: PrismaClient, client: pg.Client, { slug, name, members }: { slug: string; name: string; members: number }) {
  const council = await createCouncil(db, {
    name, slug, kind: "WORKERS", description: `A council the benchmark made with ${members.toLocaleString("en")} members.`,
    joinPolicy: "OPEN", charter: CHARTER, founderId: ADMIN_ID,
  } as Parameters<typeof createCouncil>[1]);
  await client.query(
    `INSERT INTO "Membership" (id, "councilId", "userId", role, status, "requestedAt", "admittedAt")
     SELECT $1 || '-m' || g, $1, 'bench-u-' || lpad(g::text, 7, '0'), 'MEMBER', 'ACTIVE', now() - interval '1 day', now() - interval '1 day'
     FROM generate_series(1, $2::int) AS g`,
    [council.id, members],
  );
  return council;
}

/** A motion submitted and opened through the app's services: the electorate is every member. */
export async function openMotion(db: PrismaClient, councilId: string, title: string) {
  const proposal = await createProposal(db, { councilId, authorId: ADMIN_ID, title, body: "A question the benchmark puts to every member." });
  await openVoting(db, { proposalId: proposal.id, actorId: ADMIN_ID });
  return proposal.id;
}

/** Every member of the electorate votes (yes 52 %, no 36 %, abstain 12 %, by a hash of their id). */
export async function seedVotes(client: pg.Client, proposalId: string): Promise<number> {
  const res = await client.query(
    `INSERT INTO "Vote" ("proposalId", "userId", choice, "castAt", "updatedAt")
     SELECT "proposalId", "userId",
            (CASE WHEN abs(hashtext("userId")) % 100 < 52 THEN 'YES' WHEN abs(hashtext("userId")) % 100 < 88 THEN 'NO' ELSE 'ABSTAIN' END)::"VoteChoice",
            now(), now()
     FROM "ElectorateEntry" WHERE "proposalId" = $1`,
    [proposalId],
  );
  return res.rowCount ?? 0;
}

/** Moves the deadline into the past (as the tests do) and closes through the app; returns ms. */
export async function closeNow(db: PrismaClient, client: pg.Client, proposalId: string): Promise<number> {
  await client.query(`UPDATE "Proposal" SET "votingClosesAt" = now() - interval '1 second' WHERE id = $1`, [proposalId]);
  const started = performance.now();
  const result = await closeProposal(db, proposalId);
  if (!result) throw new Error(`proposal ${proposalId} did not close`);
  return performance.now() - started;
}

/** An election for `seats` seats with members 1..candidates standing, opened through the app. */
export async function openElection(db: PrismaClient, councilId: string, { seats, candidates }: { seats: number; candidates: number }) {
  const election = await createElection(db, { councilId, authorId: ADMIN_ID, roleName: "Purchasing committee", seats, termMonths: 12, body: "" } as Parameters<typeof createElection>[1]);
  const ids = Array.from({ length: candidates }, (_, i) => memberId(i + 1));
  for (const id of ids) {
    await nominate(db, { proposalId: election.id, nomineeId: id, actorId: ADMIN_ID });
    await respondToNomination(db, { proposalId: election.id, nomineeId: id, accept: true });
  }
  await openVoting(db, { proposalId: election.id, actorId: ADMIN_ID });
  return { proposalId: election.id, candidates: ids };
}

/** One ranked ballot per member of the electorate, from the same generator as the pure STV bench. */
export async function seedRankedVotes(client: pg.Client, proposalId: string, candidates: string[], count: number, seed: number): Promise<number> {
  const ballots = randomBallots(count, candidates, seed);
  const BATCH = 20_000;
  for (let start = 0; start < count; start += BATCH) {
    const users: string[] = [], rankings: string[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      users.push(memberId(i + 1));
      rankings.push(ballots[i]!.ranking.join(","));
    }
    await client.query(
      `INSERT INTO "RankedVote" ("proposalId", "userId", ranking, "castAt", "updatedAt")
       SELECT $1, u, CASE WHEN r = '' THEN '{}'::text[] ELSE string_to_array(r, ',') END, now(), now()
       FROM unnest($2::text[], $3::text[]) AS t(u, r)`,
      [proposalId, users, rankings],
    );
  }
  return count;
}

/**
 * Browse data: `councils` councils founded by the bench facilitator (each with `members` members)
 * and `perCouncil` proposals each: two in three in deliberation, one in three closed with a stored
 * result, so the minute sweep has nothing to count.
 */
export async function seedBrowse(db: PrismaClient, client: pg.Client, { councils, perCouncil, members }: { councils: number; perCouncil: number; members: number }) {
  const slugs: string[] = [];
  for (let c = 1; c <= councils; c++) {
    const council = await seedCouncil(db, client, { slug: `browse-${c}`, name: `Neighbourhood Assembly ${c}`, members });
    slugs.push(council.slug);
    await client.query(
      `WITH made AS (
         INSERT INTO "Proposal" (id, "councilId", "authorId", kind, title, body, "createdAt", "votingOpenedAt", "votingClosesAt", "charterId", "electorateSize")
         SELECT $1 || '-p' || g, $1, 'bench-u-' || lpad((1 + g % $3::int)::text, 7, '0'), 'MOTION',
                'Proposal ' || g || ' of assembly ' || $4::text, 'Shall the assembly do thing ' || g || '?',
                now() - make_interval(hours => $2::int - g + 48),
                CASE WHEN g % 3 = 0 THEN now() - make_interval(hours => $2::int - g + 24) END,
                CASE WHEN g % 3 = 0 THEN now() - make_interval(hours => $2::int - g) END,
                CASE WHEN g % 3 = 0 THEN (SELECT id FROM "Charter" WHERE "councilId" = $1) END,
                CASE WHEN g % 3 = 0 THEN $3::int + 1 END
         FROM generate_series(1, $2::int) AS g
         RETURNING id, "votingClosesAt")
       INSERT INTO "Result" ("proposalId", yes, no, abstain, "electorateSize", "quorumMet", "thresholdMet", outcome)
       SELECT id, 0, 0, 0, $3::int + 1, false, false, 'NO_QUORUM' FROM made WHERE "votingClosesAt" IS NOT NULL`,
      [council.id, perCouncil, members, String(c)],
    );
  }
  return slugs;
}
