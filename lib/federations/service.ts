// Federations: councils whose members are councils. A federation motion is decided by every member
// council under its own charter; each outcome is that council's mandate, and the federation result
// is computed from the mandates (lib/federations/rules.ts). Admission of a new council is such a motion.
import type { PrismaClient } from "../db/connection";
import type { Tx } from "../db/types";
import { DomainError, isUniqueViolation, refusal } from "../errors";
import { requireMember } from "../councils/access";
import { currentCharter } from "../councils/service";
import type { TCreateCouncil } from "../councils/schemas";
import type { FederationWeighting } from "../generated/prisma/enums";
import { currentWhere } from "../delegations/service";
import { closeMotionInTx } from "../voting/close-motion";
import { OPEN_VOTING_TRANSACTION, recordElectorate } from "../voting/electorate";
import { decideFederation, mandateFromOutcome, weightOf, type CouncilMandate } from "./rules";
import { appendAudit } from "../audit/log";
import { ballotIsSecret } from "../voting/secrecy";

const SEAT_TERM_MONTHS = 12;

/** Every member council elects its delegates to the federation into this role. */
async function ensureSeatRole(tx: Tx, councilId: string, federation: { id: string; name: string }) {
  const name = `Delegates to ${federation.name}`;
  const existing = await tx.role.findUnique({ where: { councilId_name: { councilId, name } } });
  if (existing) return existing;
  return tx.role.create({ data: { councilId, name, kind: "FEDERATION_SEAT", federationId: federation.id, seats: 2, termMonths: SEAT_TERM_MONTHS } });
}

/** A facilitator founds a federation with their council as its first member. */
export async function createFederation(
  db: PrismaClient,
  input: Omit<TCreateCouncil, "kind" | "joinPolicy" | "charter"> & {
    charter: TCreateCouncil["charter"] & { weighting?: FederationWeighting }; founderId: string; foundingCouncilId: string;
  },
) {
  const { charter, founderId, foundingCouncilId, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      await requireMember(tx, foundingCouncilId, founderId, "admit");
      const founding = await tx.council.findUniqueOrThrow({ where: { id: foundingCouncilId } });
      if (founding.kind === "FEDERATION") throw refusal("INVALID", "federationNotMember");
      const federation = await tx.council.create({ data: { ...fields, kind: "FEDERATION" } });
      // Councils join a federation by its member councils' mandate votes: by approval, always.
      await tx.charter.create({ data: { ...charter, joinPolicy: "APPROVAL", termLimit: null, councilId: federation.id, version: 1 } });
      await tx.federationMembership.create({ data: { federationId: federation.id, councilId: foundingCouncilId, status: "ACTIVE", admittedAt: new Date() } });
      await ensureSeatRole(tx, foundingCouncilId, federation);
      await appendAudit(tx, { councilId: federation.id, actorId: founderId, action: "council.founded", subjectId: federation.id, data: { kind: "FEDERATION", foundingCouncilId } });
      return federation;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw refusal("CONFLICT", "slugTaken", undefined, { slug: "slugTakenField" });
    throw e;
  }
}

async function requireFederation(tx: Tx | PrismaClient, federationId: string) {
  const federation = await tx.council.findUnique({ where: { id: federationId } });
  if (!federation || federation.kind !== "FEDERATION") throw refusal("NOT_FOUND", "noSuchFederation");
  return federation;
}

/** Whether this person belongs to an active member council of the federation. */
export async function findFederationVoice(db: Tx | PrismaClient, federationId: string, userId: string) {
  return db.federationMembership.findFirst({
    where: { federationId, status: "ACTIVE", council: { memberships: { some: { userId, status: "ACTIVE" } } } },
    select: { councilId: true },
  });
}

/**
 * A council asks to join: its facilitator files the request, and an admission motion goes at once
 * to the existing member councils, whose mandates decide it.
 */
export async function requestToJoinFederation(
  db: PrismaClient,
  { federationId, councilId, actorId }: { federationId: string; councilId: string; actorId: string },
) {
  return db.$transaction(async (tx) => {
    const federation = await requireFederation(tx, federationId);
    await requireMember(tx, councilId, actorId, "admit");
    const council = await tx.council.findUniqueOrThrow({ where: { id: councilId } });
    if (council.kind === "FEDERATION") throw refusal("INVALID", "federationCannotJoin");
    const existing = await tx.federationMembership.findUnique({ where: { federationId_councilId: { federationId, councilId } } });
    if (existing?.status === "ACTIVE") throw refusal("CONFLICT", "federationAlreadyMember", { council: council.name, federation: federation.name });
    if (existing?.status === "PENDING") throw refusal("CONFLICT", "federationAlreadyAsked", { council: council.name });
    if (existing) await tx.federationMembership.update({ where: { id: existing.id }, data: { status: "PENDING", requestedAt: new Date(), endedAt: null } });
    else await tx.federationMembership.create({ data: { federationId, councilId, status: "PENDING" } });
    const proposal = await tx.proposal.create({
      data: {
        councilId: federationId, authorId: actorId, kind: "FEDERATION_MOTION", admitsCouncilId: councilId,
        title: `Admit ${council.name} to ${federation.name}`,
        body: `${council.name} asks to join ${federation.name}. Each member council decides its mandate under its own charter.\n\n${council.description}`,
      },
    });
    await appendAudit(tx, { councilId: federationId, actorId, action: "federation.motion.created", subjectId: proposal.id, data: { proposalId: proposal.id, admitsCouncilId: councilId } });
    // In the same transaction: a request is never left without the vote that decides it.
    await openFederationVotingInTx(tx, { proposalId: proposal.id, actorId, skipAuthorCheck: true });
    return proposal;
  });
}

/** Any member of a member council may put a question to the federation. */
export async function createFederationMotion(
  db: PrismaClient,
  { federationId, authorId, title, body, secretBallot = false }: { federationId: string; authorId: string; title: string; body: string; secretBallot?: boolean | undefined },
) {
  await requireFederation(db, federationId);
  if (!(await findFederationVoice(db, federationId, authorId))) {
    throw refusal("FORBIDDEN", "federationQuestionsMembersOnly");
  }
  return db.$transaction(async (tx) => {
    const motion = await tx.proposal.create({ data: { councilId: federationId, authorId, kind: "FEDERATION_MOTION", title, body, secretBallot } });
    await appendAudit(tx, { councilId: federationId, actorId: authorId, action: "federation.motion.created", subjectId: motion.id, data: { proposalId: motion.id } });
    return motion;
  });
}

/**
 * Opens a federation vote: every active member council gets its own mandate vote, open until the
 * federation's deadline, with its own members as electorate and its own charter as rules.
 */
export async function openFederationVoting(
  db: PrismaClient,
  input: { proposalId: string; actorId: string; votingHours?: number | undefined },
) {
  return db.$transaction((tx) => openFederationVotingInTx(tx, input), OPEN_VOTING_TRANSACTION);
}

async function openFederationVotingInTx(
  tx: Tx,
  { proposalId, actorId, votingHours, skipAuthorCheck = false }: { proposalId: string; actorId: string; votingHours?: number | undefined; skipAuthorCheck?: boolean },
) {
  await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${proposalId} FOR UPDATE`;
  const proposal = await tx.proposal.findUnique({ where: { id: proposalId } });
  if (!proposal || proposal.kind !== "FEDERATION_MOTION") throw refusal("NOT_FOUND", "noSuchFederationMotion");
  if (!skipAuthorCheck && proposal.authorId !== actorId) throw refusal("FORBIDDEN", "federationAuthorOpens");
  if (!skipAuthorCheck && !(await findFederationVoice(tx, proposal.councilId, actorId))) {
    throw refusal("FORBIDDEN", "federationVotesMembersOnly");
  }
  if (proposal.withdrawnAt || proposal.votingOpenedAt) throw refusal("CLOSED", "motionNotInDeliberation");
  const charter = await currentCharter(tx, proposal.councilId);
  if (votingHours !== undefined && votingHours < charter.votingPeriodHours) {
    throw refusal("INVALID", "votingTooShort", { hours: charter.votingPeriodHours }, { votingHours: "federationVotingTooShortField" });
  }
  const openedAt = new Date();
  const closesAt = new Date(openedAt.getTime() + Math.max(charter.votingPeriodHours, votingHours ?? 0) * 3_600_000);
  const members = await tx.federationMembership.findMany({ where: { federationId: proposal.councilId, status: "ACTIVE" }, include: { council: true } });
  let weight = 0;
  for (const m of members) {
    const memberCharter = await currentCharter(tx, m.councilId);
    const child = await tx.proposal.create({
      data: {
        councilId: m.councilId, authorId: proposal.authorId, kind: "MANDATE", parentId: proposal.id,
        title: proposal.title,
        body: `${proposal.body}\n\n---\n*This is ${m.council.name}'s mandate vote on a question put to the federation. Our outcome becomes the mandate our delegates carry.*`,
        votingOpenedAt: openedAt, votingClosesAt: closesAt, charterId: memberCharter.id,
        // Each council votes its mandate under its own charter; the motion's author's wish counts where it may.
        secretBallot: ballotIsSecret(memberCharter.ballotSecrecy, proposal.secretBallot),
      },
    });
    const electorate = await recordElectorate(tx, { proposalId: child.id, councilId: m.councilId, openedAt });
    const { electorateSize } = electorate;
    await tx.proposal.update({ where: { id: child.id }, data: electorate });
    weight += weightOf(charter.weighting, electorateSize);
    await appendAudit(tx, { councilId: m.councilId, actorId, action: "voting.opened", subjectId: child.id, data: { proposalId: child.id, kind: "MANDATE", parentId: proposal.id, closesAt: closesAt.toISOString(), electorateSize } });
  }
  await appendAudit(tx, { councilId: proposal.councilId, actorId, action: "voting.opened", subjectId: proposalId, data: { proposalId, kind: "FEDERATION_MOTION", closesAt: closesAt.toISOString(), electorateSize: weight } });
  return tx.proposal.update({
    where: { id: proposalId },
    data: { votingOpenedAt: openedAt, votingClosesAt: closesAt, charterId: charter.id, electorateSize: weight },
  });
}

/** Counts each council's mandate vote, then the federation outcome from the mandates. */
export async function closeFederationMotionInTx(
  tx: Tx,
  proposal: { id: string; charterId: string | null; electorateSize: number | null; admitsCouncilId: string | null; councilId: string },
  now: Date,
) {
  const existing = await tx.result.findUnique({ where: { proposalId: proposal.id } });
  if (existing) return existing;
  const charter = await tx.charter.findUniqueOrThrow({ where: { id: proposal.charterId! } });
  const children = await tx.proposal.findMany({ where: { parentId: proposal.id }, include: { council: { select: { name: true } } }, orderBy: { council: { name: "asc" } } });
  const mandates: CouncilMandate[] = [];
  for (const child of children) {
    await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${child.id} FOR UPDATE`; // a reader may be closing it too
    const result = await closeMotionInTx(tx, child, now);
    mandates.push({
      councilId: child.councilId, councilName: child.council.name,
      mandate: mandateFromOutcome(result.outcome, result.yes + result.no + result.abstain), weight: weightOf(charter.weighting, child.electorateSize ?? 0),
      decided: result.outcome !== "NO_QUORUM" && result.yes + result.no + result.abstain > 0, electorateSize: child.electorateSize ?? 0,
      yes: result.yes, no: result.no, abstain: result.abstain, outcome: result.outcome,
    });
  }
  const electorateSize = proposal.electorateSize ?? 0;
  const { tally, decision } = decideFederation(mandates, electorateSize, charter);
  const result = await tx.result.create({
    data: {
      proposalId: proposal.id, ...tally, electorateSize,
      quorumMet: decision.quorumMet, thresholdMet: decision.thresholdMet, outcome: decision.outcome,
      count: { weighting: charter.weighting, mandates } as object,
    },
  });
  await appendAudit(tx, {
    councilId: proposal.councilId, action: "result.published", subjectId: proposal.id,
    data: { proposalId: proposal.id, kind: "FEDERATION_MOTION", outcome: decision.outcome, ...tally, electorateSize, admitsCouncilId: proposal.admitsCouncilId },
  });
  if (proposal.admitsCouncilId) {
    const admitted = decision.outcome === "PASSED";
    await tx.federationMembership.update({
      where: { federationId_councilId: { federationId: proposal.councilId, councilId: proposal.admitsCouncilId } },
      data: admitted ? { status: "ACTIVE", admittedAt: now } : { status: "DECLINED", endedAt: now },
    });
    if (admitted) {
      const federation = await tx.council.findUniqueOrThrow({ where: { id: proposal.councilId } });
      await ensureSeatRole(tx, proposal.admitsCouncilId, federation);
    }
  }
  return result;
}

/** The federation's public page: member councils, requests, their delegates, and its motions. */
export async function findFederationPage(db: PrismaClient, { federationId, now = new Date() }: { federationId: string; now?: Date }) {
  const [members, delegates] = await Promise.all([
    db.federationMembership.findMany({
      where: { federationId, status: { in: ["ACTIVE", "PENDING"] } },
      include: { council: { select: { id: true, slug: true, name: true, kind: true, _count: { select: { memberships: { where: { status: "ACTIVE" } } } } } } },
      orderBy: { council: { name: "asc" } },
    }),
    db.delegation.findMany({
      where: { role: { federationId }, ...currentWhere(now) },
      include: { holder: { select: { name: true } }, council: { select: { id: true, name: true } } },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  return { members, delegates };
}

/** Councils this person facilitates that could ask to join the federation. */
export async function listJoinableCouncils(db: PrismaClient, { federationId, userId }: { federationId: string; userId: string }) {
  return db.council.findMany({
    where: {
      kind: { not: "FEDERATION" },
      memberships: { some: { userId, status: "ACTIVE", role: "FACILITATOR" } },
      federations: { none: { federationId, status: { in: ["ACTIVE", "PENDING"] } } },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
