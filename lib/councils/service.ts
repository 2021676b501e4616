// Founding councils, finding them, and moving people in and out of them.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/connection";
import type { Db, Tx } from "../db/types";
import { isUniqueViolation, refusal } from "../errors";
import { requireMember } from "./access";
import { endDelegationsOfLeaver } from "../delegations/service";
import { appendAudit } from "../audit/log";
import { joinEvent, nextMembershipStatus, type MembershipEvent } from "./membership";
import type { TCreateCouncil } from "./schemas";
import { countActiveMembers } from "./member-count";

export const COUNCILS_PER_PAGE = 20;
export const MEMBERS_PER_PAGE = 50;
export const INVITE_LIFETIME_DAYS = 14;

export async function createCouncil(db: PrismaClient, input: TCreateCouncil & { founderId: string }) {
  const { charter, founderId, joinPolicy, ...council } = input;
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.council.create({ data: council });
      // The founding charter, version 1: the only charter written other than by a passed change.
      await tx.charter.create({ data: { ...charter, joinPolicy, termLimit: charter.termLimit ?? null, councilId: created.id, version: 1 } });
      await tx.membership.create({
        data: { councilId: created.id, userId: founderId, role: "FACILITATOR", status: "ACTIVE", admittedAt: new Date() },
      });
      await appendAudit(tx, { councilId: created.id, actorId: founderId, action: "council.founded", subjectId: created.id, data: { kind: created.kind, joinPolicy } });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw refusal("CONFLICT", "slugTaken", undefined, { slug: "slugTakenField" });
    }
    throw e;
  }
}

export async function searchCouncils(db: PrismaClient, { q, page }: { q: string; page: number }) {
  // Prisma passes `contains` into LIKE unescaped: "50%" or "_" would act as wildcards.
  const literal = q.replace(/[\\%_]/g, "\\$&");
  const where = q
    ? {
        OR: [
          { name: { contains: literal, mode: "insensitive" as const } },
          { description: { contains: literal, mode: "insensitive" as const } },
          { slug: { contains: literal.toLowerCase() } },
        ],
      }
    : {};
  const [total, councils] = await Promise.all([
    db.council.count({ where }),
    db.council.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * COUNCILS_PER_PAGE,
      take: COUNCILS_PER_PAGE,
      select: { id: true, slug: true, name: true, kind: true, description: true },
    }),
  ]);
  const counts = await countActiveMembers(db, councils.map((c) => c.id));
  return {
    total, page, pages: Math.max(1, Math.ceil(total / COUNCILS_PER_PAGE)),
    councils: councils.map((c) => ({ ...c, _count: { memberships: counts.get(c.id) ?? 0 } })),
  };
}

export async function currentCharter(db: Db, councilId: string) {
  const charter = await db.charter.findFirst({ where: { councilId }, orderBy: { version: "desc" } });
  if (!charter) throw new Error(`Council ${councilId} has no charter`);
  return charter;
}

/** The council's public face plus what this viewer may see of its inside. */
export async function findCouncilPage(db: PrismaClient, { slug, viewerId, memberPage = 1 }: {
  slug: string; viewerId: string | null; memberPage?: number;
}) {
  const council = await db.council.findUnique({ where: { slug } });
  if (!council) return null;
  const [charter, memberCount, viewer] = await Promise.all([
    currentCharter(db, council.id),
    countActiveMembers(db, [council.id]).then((counts) => counts.get(council.id) ?? 0),
    viewerId ? db.membership.findUnique({ where: { councilId_userId: { councilId: council.id, userId: viewerId } } }) : null,
  ]);
  const isMember = viewer?.status === "ACTIVE";
  const isFacilitator = isMember && viewer?.role === "FACILITATOR";
  const [members, pending] = isMember
    ? await Promise.all([
        db.membership.findMany({
          where: { councilId: council.id, status: "ACTIVE" },
          orderBy: [{ role: "desc" }, { admittedAt: "asc" }, { id: "asc" }],
          skip: (memberPage - 1) * MEMBERS_PER_PAGE,
          take: MEMBERS_PER_PAGE,
          select: { id: true, role: true, admittedAt: true, user: { select: { id: true, name: true } } },
        }),
        isFacilitator
          ? db.membership.findMany({
              where: { councilId: council.id, status: "PENDING" },
              orderBy: { requestedAt: "asc" },
              take: 100,
              select: { id: true, requestedAt: true, user: { select: { id: true, name: true, email: true } } },
            })
          : [],
      ])
    : [[], []];
  return {
    council, charter, memberCount, viewer, isMember, isFacilitator, members, pending,
    memberPages: Math.max(1, Math.ceil(memberCount / MEMBERS_PER_PAGE)),
  };
}

const MEMBERSHIP_ACTION: Record<MembershipEvent, string> = {
  join: "member.joined", "accept-invite": "member.joined", request: "member.requested",
  admit: "member.admitted", decline: "member.declined", remove: "member.removed", leave: "member.left",
};

async function moveMembership(
  tx: Tx,
  where: { councilId: string; userId: string },
  event: MembershipEvent,
  role: "MEMBER" | "FACILITATOR" = "MEMBER",
  actorId: string = where.userId,
) {
  const existing = await tx.membership.findUnique({ where: { councilId_userId: where } });
  const status = nextMembershipStatus(existing?.status ?? null, event);
  const now = new Date();
  const stamps =
    status === "ACTIVE"
      ? { admittedAt: now, endedAt: null }
      : status === "PENDING"
        ? { requestedAt: now, admittedAt: null, endedAt: null }
        : { endedAt: now };
  let moved;
  if (!existing) {
    moved = await tx.membership.create({ data: { ...where, status, role, ...stamps } });
  } else {
    // Compare-and-set on the status we read, so two racing transitions cannot both succeed.
    const { count } = await tx.membership.updateMany({
      where: { id: existing.id, status: existing.status },
      data: { status, ...(status === "ACTIVE" ? { role: existing.status === "ACTIVE" ? existing.role : role } : {}), ...stamps },
    });
    if (count !== 1) throw refusal("CONFLICT", "membershipChanged");
    moved = { ...existing, status };
  }
  // Logged only now, holding the row's lock: the log's order is then the order in which the
  // transitions took effect (logged before the write, a transition that waited for the lock could
  // land in the log before one that committed ahead of it).
  await appendAudit(tx, {
    councilId: where.councilId, actorId, action: MEMBERSHIP_ACTION[event], subjectId: where.userId,
    data: { userId: where.userId, ...(event === "accept-invite" ? { via: "invite" } : {}), ...(event === "leave" && existing?.status === "PENDING" ? { withdrewRequest: true } : {}) },
  });
  return moved;
}

/** Join an open council, or ask to join an approval council. */
export async function joinCouncil(db: PrismaClient, { councilId, userId }: { councilId: string; userId: string }) {
  const council = await db.council.findUnique({ where: { id: councilId } });
  if (!council) throw refusal("NOT_FOUND", "noSuchCouncil");
  const event = joinEvent((await currentCharter(db, councilId)).joinPolicy);
  return withRetryOnRace(() =>
    db.$transaction(async (tx) => {
      if (event === "request" && (await tx.membership.count({ where: { councilId, status: "ACTIVE" } })) === 0) {
        throw refusal("CONFLICT", "noMembersToAdmit");
      }
      const membership = await moveMembership(tx, { councilId, userId }, event);
      await ensureFacilitator(tx, councilId); // the first to join an emptied open council keeps it running
      return membership;
    }),
  );
}

export async function leaveCouncil(db: PrismaClient, { councilId, userId }: { councilId: string; userId: string }) {
  return db.$transaction(async (tx) => {
    const left = await moveMembership(tx, { councilId, userId }, "leave");
    await endDelegationsOfLeaver(tx, councilId, userId);
    await ensureFacilitator(tx, councilId);
    return left;
  });
}

/**
 * A council with members always has someone who can admit more: if the last facilitator leaves,
 * the longest-standing active member becomes one (documented in the README).
 */
async function ensureFacilitator(tx: Tx, councilId: string) {
  const facilitators = await tx.membership.count({ where: { councilId, status: "ACTIVE", role: "FACILITATOR" } });
  if (facilitators > 0) return;
  const senior = await tx.membership.findFirst({
    where: { councilId, status: "ACTIVE" },
    orderBy: [{ admittedAt: "asc" }, { id: "asc" }],
  });
  if (senior) await tx.membership.update({ where: { id: senior.id }, data: { role: "FACILITATOR" } });
}

export async function decideMembership(
  db: PrismaClient,
  { councilId, membershipId, actorId, decision }: {
    councilId: string; membershipId: string; actorId: string; decision: "admit" | "decline" | "remove";
  },
) {
  return db.$transaction(async (tx) => {
    await requireMember(tx, councilId, actorId, decision);
    const target = await tx.membership.findFirst({ where: { id: membershipId, councilId } });
    if (!target) throw refusal("NOT_FOUND", "noSuchMember");
    if (decision === "remove") {
      if (target.userId === actorId) throw refusal("INVALID", "useLeaveCouncil");
      if (target.role === "FACILITATOR") throw refusal("FORBIDDEN", "cannotRemoveFacilitator");
      // Removing a voter mid-vote would shrink turnout but not the electorate: a way to sink quorum.
      const open = await tx.proposal.findFirst({
        where: { electorate: { some: { userId: target.userId } }, withdrawnAt: null, votingClosesAt: { gt: new Date() } },
        orderBy: { votingClosesAt: "desc" },
        select: { votingClosesAt: true },
      });
      if (open?.votingClosesAt) {
        throw refusal("CONFLICT", "memberInOpenElectorate", { closes: open.votingClosesAt.getTime() });
      }
    }
    const moved = await moveMembership(tx, { councilId, userId: target.userId }, decision, "MEMBER", actorId);
    if (decision === "remove") await endDelegationsOfLeaver(tx, councilId, target.userId);
    return moved;
  });
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A single-use invitation link; only its hash is stored, so the link is shown once. */
export async function createInvite(db: PrismaClient, { councilId, actorId }: { councilId: string; actorId: string }) {
  await requireMember(db, councilId, actorId, "invite");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_LIFETIME_DAYS * 86_400_000);
  await db.invite.create({ data: { councilId, createdById: actorId, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

export async function findInvite(db: PrismaClient, token: string) {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, council: { select: { id: true, slug: true, name: true, description: true } } },
  });
  if (!invite) return null;
  return { ...invite, usable: !invite.usedAt && invite.expiresAt > new Date() };
}

export async function acceptInvite(db: PrismaClient, { token, userId }: { token: string; userId: string }) {
  return withRetryOnRace(() =>
    db.$transaction(async (tx) => {
      const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) } });
      if (!invite || invite.usedAt || invite.expiresAt <= new Date()) {
        throw refusal("INVALID", "inviteUsedOrExpired");
      }
      const membership = await moveMembership(tx, { councilId: invite.councilId, userId }, "accept-invite");
      await ensureFacilitator(tx, invite.councilId);
      // Claim the invite only if nobody else claimed it meanwhile: single use under concurrency.
      const { count } = await tx.invite.updateMany({
        where: { id: invite.id, usedAt: null },
        data: { usedAt: new Date(), usedById: userId },
      });
      if (count !== 1) throw refusal("INVALID", "inviteJustUsed");
      return membership;
    }),
  );
}

/** Two first-time joins of the same person race on the (council, user) unique key: retry once. */
async function withRetryOnRace<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) return run();
    throw e;
  }
}

export async function listMyCouncils(db: PrismaClient, userId: string) {
  return db.membership.findMany({
    where: { userId, status: { in: ["ACTIVE", "PENDING"] } },
    orderBy: { council: { name: "asc" } },
    take: 200,
    select: { role: true, status: true, council: { select: { id: true, slug: true, name: true, kind: true } } },
  });
}
