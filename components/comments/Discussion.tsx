// A proposal's discussion: threads of comments in Markdown, replies one level in, the author's
// short edit window stated, and hidden comments shown as such with the facilitator's reason.
import { Markdown } from "@/components/proposals/Markdown";
import { Pagination } from "@/components/ui/Pagination";
import type { FormActionFn } from "@/components/ui/form";
import { EDIT_WINDOW_MINUTES, editableUntil, mayEdit } from "@/lib/comments/rules";
import type { CommentPage, ListedComment } from "@/lib/comments/service";
import { useFormatter, useTranslations } from "next-intl";
import { CommentForm } from "./CommentForm";
import { EmptyState } from "@/components/ui/Card";

interface Actions { post: FormActionFn; edit: FormActionFn; hide: FormActionFn }

const summaryClass = "inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-emerald-800 underline";

function Comment({ comment, proposalId, viewerId, canHide, actions, now }: {
  comment: ListedComment; proposalId: string; viewerId: string; canHide: boolean; actions: Actions; now: Date;
}) {
  const editable = mayEdit(comment, viewerId, now);
  const t = useTranslations("discussion");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, "dateTime");
  return (
    <article className="space-y-2" id={`comment-${comment.id}`} data-testid="comment">
      <p className="text-sm text-stone-600">
        <span className="font-semibold text-stone-900">{comment.author.name}</span> · {when(comment.createdAt)}
        {comment.editedAt && !comment.hiddenAt ? <span title={t("editedAt", { date: when(comment.editedAt) })}>{t("edited")}</span> : null}
      </p>
      {comment.hiddenAt ? (
        <p className="rounded-md bg-stone-100 p-3 text-sm text-stone-700" data-testid="comment-hidden">
          {t("hidden", { name: comment.hiddenBy?.name ?? t("aFacilitator"), date: when(comment.hiddenAt), reason: comment.hiddenReason ?? "" })}
        </p>
      ) : (
        <Markdown>{comment.body}</Markdown>
      )}
      <div className="flex flex-wrap gap-x-4">
        <details>
          <summary className={summaryClass}>{t("reply")}</summary>
          <CommentForm action={actions.post} hidden={{ proposalId, parentId: comment.id }} label={t("yourReply")} submitLabel={t("postReply")} />
        </details>
        {editable ? (
          <details>
            <summary className={summaryClass}>{t("edit")}</summary>
            <CommentForm action={actions.edit} hidden={{ commentId: comment.id }} label={t("yourComment")} defaultValue={comment.body} submitLabel={t("save")}
              hint={t("editUntil", { time: format.dateTime(editableUntil(comment.createdAt), "time"), minutes: EDIT_WINDOW_MINUTES })} />
          </details>
        ) : null}
        {canHide && !comment.hiddenAt ? (
          <details>
            <summary className={summaryClass}>{t("hide")}</summary>
            <CommentForm action={actions.hide} hidden={{ commentId: comment.id }} name="reason" label={t("hideReason")} rows={2} maxLength={500}
              submitLabel={t("hideComment")} variant="danger" hint={t("hideHint")} />
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
  const t = useTranslations("discussion");
  return (
    <section aria-labelledby="discussion" className="space-y-4">
      <h2 id="discussion" className="text-xl font-semibold">{t("title", { count: comments.commentCount })}</h2>
      {comments.commentCount === 0 ? (
        <EmptyState title={t("noneTitle")}>
          <p>{t("noneHint")}</p>
        </EmptyState>
      ) : null}
      <ol className="space-y-4">
        {comments.threads.map((thread) => (
          <li key={thread.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <Comment comment={thread} proposalId={proposalId} viewerId={viewerId} canHide={canHide} actions={actions} now={now} />
            {thread.replies.length ? (
              <ol aria-label={t("replies")} className="space-y-3 border-l-2 border-stone-200 pl-3 sm:pl-4">
                {thread.replies.map((reply) => (
                  <li key={reply.id}>
                    <Comment comment={reply} proposalId={proposalId} viewerId={viewerId} canHide={canHide} actions={actions} now={now} />
                  </li>
                ))}
              </ol>
            ) : null}
            {thread.moreReplies ? <p className="text-sm text-stone-600">{t("moreReplies", { count: thread.moreReplies })}</p> : null}
          </li>
        ))}
      </ol>
      <Pagination page={comments.page} pages={comments.pages} href={href} />
      <CommentForm action={actions.post} hidden={{ proposalId }} label={t("add")} submitLabel={t("post")}
        hint={t("addHint", { minutes: EDIT_WINDOW_MINUTES })} />
    </section>
  );
}
