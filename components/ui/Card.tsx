// A bordered white panel: the one container for a section of a page or an item of a list.
import type { HTMLAttributes, ReactNode } from "react";

type CardTag = "div" | "section" | "article" | "li" | "aside";

export function Card({ as: Tag = "div", className = "", children, ...rest }: HTMLAttributes<HTMLElement> & { as?: CardTag; children: ReactNode }) {
  return <Tag className={`rounded-lg border border-stone-200 bg-white p-4 ${className}`.trim()} {...rest}>{children}</Tag>;
}

/** What an empty list says instead: what is missing and what to do next, with the action if there is one. */
export function EmptyState({ title, children, action, testId }: { title: string; children?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="space-y-2 rounded-lg border border-dashed border-stone-300 p-4 text-stone-700" data-testid={testId ?? "empty-state"}>
      <p className="font-medium text-stone-900">{title}</p>
      {children ? <div className="text-sm">{children}</div> : null}
      {action ? <div className="flex flex-wrap gap-2 pt-1">{action}</div> : null}
    </div>
  );
}
