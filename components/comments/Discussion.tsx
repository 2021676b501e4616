// A proposal's discussion: threads of comments in Markdown, replies one level in, the author's
// short edit window stated, and hidden comments shown as such with the facilitator's reason.
import { Markdown } from "@/components/proposals/Markdown";
import { Pagination } from "@/components/ui/Pagination";
import type { FormActionFn } from "@/components/ui/form";
import { EDIT_WINDOW_MINUTES, editableUntil, mayEdit } from "@/lib/comments/rules";
import type { CommentPage, ListedComment } from "@/lib/comments/service";
import { CommentForm } from "./CommentForm";
import { EmptyState } from "@/components/ui/Card";

const when = (d: Date) => `${d.toUTCString().slice(5, 22)} UTC`;
const clock = (d: Date) => `${d.toUTCString().slice(17, 22)} UTC`;

interface Actions { post: FormActionFn; edit: FormActionFn; hide: FormActionFn }

const summaryClass = "inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-emerald-800 underline";

function Comment({ comment, proposalId, viewerId, canHide, actions, now }: {
  comment: ListedComment; proposalId: string; viewerId: string; canHide: boolean; actions: Actions; now: Date;
}) {
  const editable = mayEdit(comment, viewerId, now);
  return (
    <article className="space-y-2" id={`comment-${comment.id}`} data-testid="comment">
      <p className="text-sm text-stone-600">
        <span className="font-semibold text-stone-900">{comment.author.name}</span> · {when(comment.createdAt)}
        {comment.editedAt && !comment.hiddenAt ? <span title={`Edited ${when(comment.editedAt)}`}> · edited</span> : null}
      </p>
      {comment.hiddenAt ? (
        <p className="rounded-md bg-stone-100 p-3 text-sm text-stone-700" data-testid="comment-hidden">
          Hidden by {comment.hiddenBy?.name ?? "a facilitator"} on {when(comment.hiddenAt)}. Reason: {comment.hiddenReason}
        </p>
      ) : (
        <Markdown>{comment.body}</Markdown>
      )}
      <div className="flex flex-wrap gap-x-4">
        <details>
          <summary className={summaryClass}>Reply</summary>
          <CommentForm action={actions.post} hidden={{ proposalId, parentId: comment.id }} label="Your reply" submitLabel="Post reply" />
        </details>
        {editable ? (
          <details>
            <summary className={summaryClass}>Edit</summary>
            <CommentForm action={actions.edit} hidden={{ commentId: comment.id }} label="Your comment" defaultValue={comment.body} submitLabel="Save changes"
              hint={`You can edit this until ${clock(editableUntil(comment.createdAt))} (${EDIT_WINDOW_MINUTES} minutes after posting).`} />
          </details>
        ) : null}
        {canHide && !comment.hiddenAt ? (
          <details>
            <summary className={summaryClass}>Hide</summary>
            <CommentForm action={actions.hide} hidden={{ commentId: comment.id }} name="reason" label="Reason for hiding (shown to every member)" rows={2} maxLength={500}
              submitLabel="Hide comment" variant="danger" hint="The comment's place and your reason stay visible; its text is no longer shown." />
          </details>
        ) : null}
      </div>
    </article>
  );
}

export function Discussion({ proposalId, comments, viewerId, canHide, actions, href, now = new Date() }: {
  proposalId: string; comments: CommentPage; viewerId: string; canHide: boolean; actions: Actions;
  href: (page: number) => string; now?: Date;
}) {
  return (
    <section aria-labelledby="discussion" className="space-y-4">
      <h2 id="discussion" className="text-xl font-semibold">Discussion ({comments.commentCount})</h2>
      {comments.commentCount === 0 ? (
        <EmptyState title="No comments yet.">
          <p>Questions, objections and improvements help the proposal before the vote: write the first comment in the box below.</p>
        </EmptyState>
      ) : null}
      <ol className="space-y-4">
        {comments.threads.map((thread) => (
          <li key={thread.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <Comment comment={thread} proposalId={proposalId} viewerId={viewerId} canHide={canHide} actions={actions} now={now} />
            {thread.replies.length ? (
              <ol aria-label="Replies" className="space-y-3 border-l-2 border-stone-200 pl-3 sm:pl-4">
                {thread.replies.map((reply) => (
                  <li key={reply.id}>
                    <Comment comment={reply} proposalId={proposalId} viewerId={viewerId} canHide={canHide} actions={actions} now={now} />
                  </li>
                ))}
              </ol>
            ) : null}
            {thread.moreReplies ? <p className="text-sm text-stone-600">{thread.moreReplies} later replies are not shown.</p> : null}
          </li>
        ))}
      </ol>
      <Pagination page={comments.page} pages={comments.pages} href={href} />
      <CommentForm action={actions.post} hidden={{ proposalId }} label="Add a comment" submitLabel="Post comment"
        hint={`Markdown works. You can edit a comment for ${EDIT_WINDOW_MINUTES} minutes after posting.`} />
    </section>
  );
}
