// Proposal text as Markdown. react-markdown builds React elements and ignores raw HTML, so user
// text can never inject markup or scripts; links to non-web schemes are dropped.
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

const safeUrl = (url: string) => (/^(https?:|mailto:|\/|#)/i.test(url) ? defaultUrlTransform(url) : "");

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-plenum break-words">
      <ReactMarkdown
        skipHtml
        urlTransform={safeUrl}
        components={{ a: ({ node: _node, ...props }) => <a {...props} rel="nofollow noopener noreferrer" target="_blank" /> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
