// A proposal's discussion: post, reply, edit for a short while, and transparent moderation. Only
// active members of the proposal's council read or write it; hiding keeps the comment's place and
// the facilitator's stated reason, and is written to the audit log. Nothing is ever deleted.
import type { PrismaClient } from "../db/connection";
import type { Db, Tx } from "../db/types";
import { refusal } from "../errors";
import { requireMember } from "../councils/access";
import { roleMay } from "../councils/membership";
import { appendAudit } from "../audit/log";
import { COMMENT_THREADS_PER_PAGE, EDIT_WINDOW_MINUTES, mayEdit, REPLIES_SHOWN, threadOf } from "./rules";
import type { TEditComment, THideComment, TPostComment } from "./schemas";

/** The proposal's council, after checking the person is an active member of it. */
async function requireDiscussant(db: Db, proposalId: string, userId: string) {
  const proposal = await db.proposal.findUnique({ where: { id: proposalId }, select: { id: true, councilId: true, kind: true } });
  if (!proposal) throw refusal("NOT_FOUND", "noSuchProposal");
  if (proposal.kind === "FEDERATION_MOTION") {
    // A federation's members are councils: each discusses the motion on its own mandate vote.
    throw refusal("FORBIDDEN", "federationDiscussedInCouncils");
  }
  const membership = await requireMember(db, proposal.councilId, userId);
  return { proposal, membership };
}

async function findComment(db: Db, commentId: string) {
  const comment = await db.comment.findUnique({ where: { id: commentId } });
  if (!comment) throw refusal("NOT_FOUND", "noSuchComment");
  return comment;
}

export async function postComment(db: PrismaClient, input: TPostComment & { authorId: string }) {
  return db.$transaction(async (tx) => {
    const { proposal } = await requireDiscussant(tx, input.proposalId, input.authorId);
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await tx.comment.findUnique({ where: { id: input.parentId }, select: { id: true, parentId: true, proposalId: true } });
      if (!parent || parent.proposalId !== proposal.id) throw refusal("NOT_FOUND", "replyNotHere");
      parentId = threadOf(parent);
    }
    const comment = await tx.comment.create({ data: { proposalId: proposal.id, authorId: input.authorId, parentId, body: input.body } });
    await appendAudit(tx, { councilId: proposal.councilId, actorId: input.authorId, action: "comment.posted", subjectId: comment.id, data: { proposalId: proposal.id, commentId: comment.id, parentId } });
    return comment;
  });
}

export async function editComment(db: PrismaClient, input: TEditComment & { actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockComment(tx, input.commentId);
    const comment = await findComment(tx, input.commentId);
    const { proposal } = await requireDiscussant(tx, comment.proposalId, input.actorId);
    if (comment.authorId !== input.actorId) throw refusal("FORBIDDEN", "onlyAuthorEdits");
    if (comment.hiddenAt) throw refusal("CLOSED", "hiddenNotEditable");
    if (!mayEdit(comment, input.actorId, now)) {
      throw refusal("CLOSED", "editWindowOver", { minutes: EDIT_WINDOW_MINUTES });
    }
    if (comment.body === input.body) return comment; // nothing changed: no "edited" mark
    await appendAudit(tx, { councilId: proposal.councilId, actorId: input.actorId, action: "comment.edited", subjectId: comment.id, data: { proposalId: proposal.id, commentId: comment.id } });
    return tx.comment.update({ where: { id: comment.id }, data: { body: input.body, editedAt: now } });
  });
}

export async function hideComment(db: PrismaClient, input: THideComment & { actorId: string }) {
  return db.$transaction(async (tx) => {
    await lockComment(tx, input.commentId);
    const comment = await findComment(tx, input.commentId);
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: comment.proposalId }, select: { councilId: true } });
    await requireMember(tx, proposal.councilId, input.actorId, "hide-comment");
    if (comment.hiddenAt) throw refusal("CONFLICT", "alreadyHidden");
    await appendAudit(tx, {
      councilId: proposal.councilId, actorId: input.actorId, action: "comment.hidden", subjectId: comment.id,
      data: { proposalId: comment.proposalId, commentId: comment.id, authorId: comment.authorId, reason: input.reason },
    });
    return tx.comment.update({ where: { id: comment.id }, data: { hiddenAt: new Date(), hiddenById: input.actorId, hiddenReason: input.reason } });
  });
}

/** Serialises edits and hiding of one comment, so an edit cannot slip in after it was hidden. */
async function lockComment(tx: Tx, commentId: string) {
  await tx.$queryRaw`SELECT id FROM "Comment" WHERE id = ${commentId} FOR UPDATE`;
}

const commentSelect = {
  id: true, parentId: true, authorId: true, body: true, createdAt: true, editedAt: true, hiddenAt: true, hiddenReason: true,
  author: { select: { id: true, name: true } },
  hiddenBy: { select: { name: true } },
} as const;

/**
 * One page of a proposal's discussion for an active member: threads oldest first, each with its
 * first replies. A hidden comment's text does not leave the service; its place and reason do.
 */
export async function listComments(db: PrismaClient, { proposalId, viewerId, page = 1 }: { proposalId: string; viewerId: string; page?: number }) {
  await requireDiscussant(db, proposalId, viewerId);
  const where = { proposalId, parentId: null };
  const [threadCount, commentCount, threads] = await Promise.all([
    db.comment.count({ where }),
    db.comment.count({ where: { proposalId } }),
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * COMMENT_THREADS_PER_PAGE,
      take: COMMENT_THREADS_PER_PAGE,
      select: {
        ...commentSelect,
        _count: { select: { replies: true } },
        replies: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: REPLIES_SHOWN, select: commentSelect },
      },
    }),
  ]);
  const redact = <C extends { hiddenAt: Date | null; body: string }>(c: C): C => (c.hiddenAt ? { ...c, body: "" } : c);
  return {
    page,
    pages: Math.max(1, Math.ceil(threadCount / COMMENT_THREADS_PER_PAGE)),
    commentCount,
    threads: threads.map((t) => ({ ...redact(t), replies: t.replies.map(redact), moreReplies: Math.max(0, t._count.replies - t.replies.length) })),
  };
}

export type CommentPage = Awaited<ReturnType<typeof listComments>>;
export type ListedComment = CommentPage["threads"][number]["replies"][number];

/** Whether this viewer may hide comments here (facilitators), for showing the control. */
export function mayHide(role: "MEMBER" | "FACILITATOR") {
  return roleMay(role, "hide-comment");
}
