// Who is told what about one committed audit entry. Reads the rows the entry names (proposal,
// council, people) at dispatch time; an entry whose subject has since been deleted tells no one.
// Queries run one after another: they share the dispatcher's transaction, which is one connection.
import type { Tx } from "../db/types";
import type { NotificationKind, Outcome } from "../generated/prisma/enums";

export interface Draft {
  userId: string;
  kind: NotificationKind;
  /** One notification per member and key: deriving the same event twice changes nothing. */
  key: string;
  title: string;
  url: string;
  councilId: string | null;
  proposalId: string | null;
}

export interface AuditRow {
  seq: bigint;
  councilId: string | null;
  actorId: string | null;
  action: string;
  subjectId: string | null;
  data: unknown;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  PASSED: "passed", REJECTED: "was rejected", NO_QUORUM: "did not reach quorum", ELECTED: "has elected its candidates",
};

/** 25 Nov 2026, 15:13 UTC — emails and notifications are read far from the server's time zone. */
export function formatDeadline(d: Date): string {
  return `${d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}

const str = (data: unknown, key: string): string | null => {
  const v = (data as Record<string, unknown> | null)?.[key];
  return typeof v === "string" ? v : null;
};

async function electorateOf(tx: Tx, proposalId: string): Promise<string[]> {
  const rows = await tx.electorateEntry.findMany({ where: { proposalId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** The electorate members still active in the council: a join, not a list of ids (electorates can be large). */
async function currentVotersOf(tx: Tx, proposalId: string, councilId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT e."userId" FROM "ElectorateEntry" e
    JOIN "Membership" m ON m."userId" = e."userId" AND m."councilId" = ${councilId} AND m.status = 'ACTIVE'
    WHERE e."proposalId" = ${proposalId}`;
  return rows.map((r) => r.userId);
}

/**
 * The audit actions anyone is notified of. The dispatcher reads only these (a burst of votes is
 * thousands of `vote.cast` entries that tell nobody anything), and draftsFor answers nothing for
 * any other action, so this list is the one place that decides.
 */
export const NOTIFYING_ACTIONS = ["voting.opened", "result.published", "member.requested", "member.admitted", "nomination.made", "recall.started"] as const;
const notifying = new Set<string>(NOTIFYING_ACTIONS);

/** The drafts for one entry; actions nobody is notified of give none. */
export async function draftsFor(tx: Tx, entry: AuditRow): Promise<Draft[]> {
  if (!notifying.has(entry.action)) return [];
  const key = `audit:${entry.seq}`;
  const make = (userIds: string[], kind: NotificationKind, title: string, url: string, proposalId: string | null = null): Draft[] =>
    [...new Set(userIds)]
      .filter((id) => id !== entry.actorId) // nobody is told about their own action
      .map((userId) => ({ userId, kind, key, title, url, councilId: entry.councilId, proposalId }));

  switch (entry.action) {
    case "voting.opened":
    case "result.published": {
      // A federation motion is voted in its member councils' mandate votes, which notify their own members.
      if (str(entry.data, "kind") === "FEDERATION_MOTION") return [];
      const proposalId = str(entry.data, "proposalId") ?? entry.subjectId;
      if (!proposalId) return [];
      const proposal = await tx.proposal.findUnique({
        where: { id: proposalId },
        select: { title: true, councilId: true, votingClosesAt: true, council: { select: { name: true } }, result: { select: { outcome: true } } },
      });
      if (!proposal) return [];
      const url = `/proposals/${proposalId}`;
      if (entry.action === "voting.opened") {
        const closes = proposal.votingClosesAt ? `; closes ${formatDeadline(proposal.votingClosesAt)}` : "";
        // Only those who can still vote: someone who left since voting opened is not asked.
        return make(await currentVotersOf(tx, proposalId, proposal.councilId), "VOTING_OPENED", `Voting is open on “${proposal.title}” in ${proposal.council.name}${closes}`, url, proposalId);
      }
      const outcome = proposal.result ? ` ${OUTCOME_WORDS[proposal.result.outcome]}` : " has a result";
      return make(await electorateOf(tx, proposalId), "RESULT_PUBLISHED", `“${proposal.title}”${outcome} in ${proposal.council.name}`, url, proposalId);
    }
    case "member.requested": {
      const userId = str(entry.data, "userId") ?? entry.subjectId;
      if (!entry.councilId || !userId) return [];
      const council = await tx.council.findUnique({ where: { id: entry.councilId }, select: { name: true, slug: true } });
      const requester = await tx.user.findUnique({ where: { id: userId }, select: { name: true } });
      const facilitators = await tx.membership.findMany({ where: { councilId: entry.councilId, status: "ACTIVE", role: "FACILITATOR" }, select: { userId: true } });
      if (!council || !requester) return [];
      return make(facilitators.map((f) => f.userId), "JOIN_REQUEST", `${requester.name} asks to join ${council.name}`, `/councils/${council.slug}`);
    }
    case "member.admitted": {
      const userId = str(entry.data, "userId") ?? entry.subjectId;
      if (!entry.councilId || !userId) return [];
      const council = await tx.council.findUnique({ where: { id: entry.councilId }, select: { name: true, slug: true } });
      if (!council) return [];
      return make([userId], "MEMBERSHIP_ADMITTED", `You are now a member of ${council.name}`, `/councils/${council.slug}`);
    }
    case "nomination.made": {
      const proposalId = str(entry.data, "proposalId") ?? entry.subjectId;
      const nomineeId = str(entry.data, "nomineeId");
      if (!proposalId || !nomineeId) return [];
      const election = await tx.proposal.findUnique({ where: { id: proposalId }, select: { role: { select: { name: true } }, council: { select: { name: true } } } });
      const by = entry.actorId ? await tx.user.findUnique({ where: { id: entry.actorId }, select: { name: true } }) : null;
      if (!election) return [];
      const role = election.role ? `“${election.role.name}”` : "a role";
      return make([nomineeId], "NOMINATED", `${by?.name ?? "A member"} nominated you for ${role} in ${election.council.name}: accept or decline before voting opens`, `/proposals/${proposalId}`, proposalId);
    }
    case "recall.started": {
      const proposalId = str(entry.data, "proposalId") ?? entry.subjectId;
      const holderId = str(entry.data, "holderId");
      const delegationId = str(entry.data, "delegationId");
      if (!proposalId || !holderId) return [];
      const council = entry.councilId ? await tx.council.findUnique({ where: { id: entry.councilId }, select: { name: true } }) : null;
      const delegation = delegationId ? await tx.delegation.findUnique({ where: { id: delegationId }, select: { role: { select: { name: true } } } }) : null;
      const role = delegation ? ` as “${delegation.role.name}”` : "";
      return make([holderId], "RECALL_STARTED", `A recall of your mandate${role} was started in ${council?.name ?? "your council"}`, `/proposals/${proposalId}`, proposalId);
    }
    default:
      return [];
  }
}
