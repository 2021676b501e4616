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

/** Where a fan-out resumes: recipients after this user id, this many at a time. */
export interface FanoutPage {
  after: string | null;
  size: number;
}

/** Recipients of a large fan-out are read by user id a page at a time (electorates reach millions). */
export const FANOUT_PAGE = 5_000;

async function electorateOf(tx: Tx, proposalId: string, page: FanoutPage): Promise<string[]> {
  const rows = await tx.electorateEntry.findMany({
    where: { proposalId, ...(page.after === null ? {} : { userId: { gt: page.after } }) },
    orderBy: { userId: "asc" }, take: page.size, select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/** The electorate members still active in the council: a join, not a list of ids (electorates can be large). */
async function currentVotersOf(tx: Tx, proposalId: string, councilId: string, page: FanoutPage): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT e."userId" FROM "ElectorateEntry" e
    JOIN "Membership" m ON m."userId" = e."userId" AND m."councilId" = ${councilId} AND m.status = 'ACTIVE'
    WHERE e."proposalId" = ${proposalId} AND e."userId" > ${page.after ?? ""}
    ORDER BY e."userId" LIMIT ${page.size}`;
  return rows.map((r) => r.userId);
}

/**
 * The audit actions anyone is notified of. The dispatcher reads only these (a burst of votes is
 * thousands of `vote.cast` entries that tell nobody anything), and draftsFor answers nothing for
 * any other action, so this list is the one place that decides.
 */
export const NOTIFYING_ACTIONS = ["voting.opened", "result.published", "member.requested", "member.admitted", "nomination.made", "recall.started"] as const;
const notifying = new Set<string>(NOTIFYING_ACTIONS);

/**
 * The drafts for one entry, a page of recipients at a time: `next` is where the following page
 * starts, or null when this was the last. Actions nobody is notified of give none.
 */
export async function draftsFor(tx: Tx, entry: AuditRow, page: FanoutPage = { after: null, size: FANOUT_PAGE }): Promise<{ drafts: Draft[]; next: string | null }> {
  if (!notifying.has(entry.action)) return { drafts: [], next: null };
  // Only the electorate fan-outs are large enough to page; every other entry is one page.
  if (entry.action === "voting.opened" || entry.action === "result.published") return electorateDrafts(tx, entry, page);
  return { drafts: await smallDrafts(tx, entry), next: null };
}

const draftMaker = (entry: AuditRow) => (userIds: string[], kind: NotificationKind, title: string, url: string, proposalId: string | null = null): Draft[] =>
  [...new Set(userIds)]
    .filter((id) => id !== entry.actorId) // nobody is told about their own action
    .map((userId) => ({ userId, kind, key: `audit:${entry.seq}`, title, url, councilId: entry.councilId, proposalId }));

async function electorateDrafts(tx: Tx, entry: AuditRow, page: FanoutPage): Promise<{ drafts: Draft[]; next: string | null }> {
  const none = { drafts: [], next: null };
  const make = draftMaker(entry);
  // A federation motion is voted in its member councils' mandate votes, which notify their own members.
  if (str(entry.data, "kind") === "FEDERATION_MOTION") return none;
  const proposalId = str(entry.data, "proposalId") ?? entry.subjectId;
  if (!proposalId) return none;
  const proposal = await tx.proposal.findUnique({
    where: { id: proposalId },
    select: { title: true, councilId: true, votingClosesAt: true, council: { select: { name: true } }, result: { select: { outcome: true } } },
  });
  if (!proposal) return none;
  const url = `/proposals/${proposalId}`;
  // voting.opened: only those who can still vote (someone who left since voting opened is not asked).
  const recipients = entry.action === "voting.opened"
    ? await currentVotersOf(tx, proposalId, proposal.councilId, page)
    : await electorateOf(tx, proposalId, page);
  const next = recipients.length === page.size ? recipients.at(-1)! : null;
  if (entry.action === "voting.opened") {
    const closes = proposal.votingClosesAt ? `; closes ${formatDeadline(proposal.votingClosesAt)}` : "";
    return { drafts: make(recipients, "VOTING_OPENED", `Voting is open on “${proposal.title}” in ${proposal.council.name}${closes}`, url, proposalId), next };
  }
  const outcome = proposal.result ? ` ${OUTCOME_WORDS[proposal.result.outcome]}` : " has a result";
  return { drafts: make(recipients, "RESULT_PUBLISHED", `“${proposal.title}”${outcome} in ${proposal.council.name}`, url, proposalId), next };
}

async function smallDrafts(tx: Tx, entry: AuditRow): Promise<Draft[]> {
  const make = draftMaker(entry);

  switch (entry.action) {
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
