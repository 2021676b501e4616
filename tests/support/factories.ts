// Test data made through the domain code itself, with unique names, so tests run in any order.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/connection";
import { createCouncil, joinCouncil } from "@/lib/councils/service";
import type { TCreateCouncil } from "@/lib/councils/schemas";
import { createProposal, openVoting } from "@/lib/proposals/service";

const unique = () => randomUUID().slice(0, 8);

// Hashing real passwords is slow by design; factories store a placeholder no one can sign in with.
export async function makeUser(db: PrismaClient, name = `Member ${unique()}`) {
  return db.user.create({
    data: { name, email: `${unique()}@test.plenum`, passwordHash: "!unusable" },
    select: { id: true, name: true, email: true },
  });
}

/** The charter fields a founding form asks for, plus rules set later by the members (rotation). */
export type CharterOverrides = Partial<TCreateCouncil["charter"] & { termLimit: number | null }>;

export async function makeCouncil(
  db: PrismaClient,
  overrides: Partial<Omit<TCreateCouncil, "charter">> & { charter?: CharterOverrides; founderId?: string } = {},
) {
  const founderId = overrides.founderId ?? (await makeUser(db, "Founder")).id;
  const id = unique();
  const council = await createCouncil(db, {
    name: overrides.name ?? `Council ${id}`,
    slug: overrides.slug ?? `council-${id}`,
    kind: overrides.kind ?? "WORKERS",
    description: overrides.description ?? "",
    joinPolicy: overrides.joinPolicy ?? "OPEN",
    charter: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 24, liveResults: false, ...overrides.charter },
    founderId,
  });
  return { council, founderId };
}

/** An open council with the founder plus `extra` members who joined. */
export async function makeCouncilWithMembers(db: PrismaClient, extra: number, charter: CharterOverrides = {}) {
  const { council, founderId } = await makeCouncil(db, { joinPolicy: "OPEN", charter });
  const members = [founderId];
  for (let i = 0; i < extra; i++) {
    const user = await makeUser(db);
    await joinCouncil(db, { councilId: council.id, userId: user.id });
    members.push(user.id);
  }
  return { council, founderId, members };
}

export async function makeOpenProposal(db: PrismaClient, councilId: string, authorId: string, votingHours?: number) {
  const proposal = await createProposal(db, { councilId, authorId, title: `Proposal ${unique()}`, body: "Shall we do the thing we discussed?" });
  return openVoting(db, { proposalId: proposal.id, actorId: authorId, votingHours });
}

/** Moves a vote's deadline into the past, as if time had passed. */
export async function expireVoting(db: PrismaClient, proposalId: string) {
  await db.proposal.update({ where: { id: proposalId }, data: { votingClosesAt: new Date(Date.now() - 1000) } });
}
