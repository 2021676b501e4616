// What the council's log page shows: its entries, newest first, with the names of the people in them.
import "server-only";
import type { Db } from "../db/types";

export const AUDIT_PER_PAGE = 50;

const ACTION_LABEL: Record<string, string> = {
  "council.founded": "Council founded",
  "member.joined": "Member joined",
  "member.requested": "Asked to join",
  "member.admitted": "Member admitted",
  "member.declined": "Request declined",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "proposal.submitted": "Proposal submitted",
  "proposal.withdrawn": "Proposal withdrawn",
  "election.created": "Election called",
  "nomination.made": "Candidate nominated",
  "recall.started": "Recall started",
  "federation.motion.created": "Question put to the federation",
  "voting.opened": "Voting opened",
  "vote.cast": "Vote cast",
  "result.published": "Result published",
  "delegation.started": "Delegation started",
  "delegation.ended": "Delegation ended",
  "comment.posted": "Comment posted",
  "comment.edited": "Comment edited",
  "comment.hidden": "Comment hidden by a facilitator",
  "amendment.proposed": "Amendment proposed",
  "amendment.merged": "Amendment merged into the text",
  "amendment.not-merged": "Amendment passed but not merged",
  "amendment.lapsed": "Amendment lapsed",
  "charter.changed": "Charter changed by vote",
  "charter.unchanged": "Charter change passed, already in effect",
};

export const actionLabel = (action: string) => ACTION_LABEL[action] ?? action;

export async function listCouncilAudit(db: Db, { councilId, page }: { councilId: string; page: number }) {
  const [total, entries] = await Promise.all([
    db.auditEntry.count({ where: { councilId } }),
    db.auditEntry.findMany({
      where: { councilId },
      orderBy: { seq: "desc" },
      skip: (page - 1) * AUDIT_PER_PAGE,
      take: AUDIT_PER_PAGE,
    }),
  ]);
  // People named by id in the entries (actor, or the member a membership entry is about).
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.actorId) ids.add(e.actorId);
    const data = e.data as Record<string, unknown> | null;
    for (const key of ["userId", "holderId"]) if (typeof data?.[key] === "string") ids.add(data[key] as string);
  }
  const users = ids.size ? await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }) : [];
  const proposalIds = [...new Set(entries.map((e) => (e.data as Record<string, unknown> | null)?.proposalId).filter((v): v is string => typeof v === "string"))];
  const proposals = proposalIds.length ? await db.proposal.findMany({ where: { id: { in: proposalIds } }, select: { id: true, title: true } }) : [];
  return {
    total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PER_PAGE)), entries,
    names: new Map(users.map((u) => [u.id, u.name])),
    titles: new Map(proposals.map((p) => [p.id, p.title])),
  };
}
