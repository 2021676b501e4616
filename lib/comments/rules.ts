// Pure rules of a proposal's discussion: how long a comment stays editable, and which thread a
// reply joins (threads are two levels deep, so a reply to a reply joins the same thread).

/** A comment can be corrected by its author for this long after posting, then it stands as written. */
export const EDIT_WINDOW_MINUTES = 15;
export const COMMENT_THREADS_PER_PAGE = 20;
/** Replies shown under one comment; the rest are counted, not listed, so a page stays bounded. */
export const REPLIES_SHOWN = 50;

export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_MINUTES * 60_000);
}

export function mayEdit(comment: { authorId: string; createdAt: Date; hiddenAt: Date | null }, userId: string, now: Date = new Date()): boolean {
  return comment.authorId === userId && !comment.hiddenAt && now < editableUntil(comment.createdAt);
}

/** The thread a reply belongs to: the comment itself if it starts one, else the thread it is in. */
export function threadOf(comment: { id: string; parentId: string | null }): string {
  return comment.parentId ?? comment.id;
}
