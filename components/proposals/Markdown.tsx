// Proposal text as Markdown. react-markdown builds React elements and ignores raw HTML, so user
// text can never inject markup or scripts. Links to non-web schemes are dropped; images are shown
// as links, so no outside server learns who read a proposal and when; headings start below the
// page's own title.
import type { ComponentProps } from "react";
import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";

const safeUrl = (url: string) => (/^(https?:|mailto:|\/(?!\/)|#)/i.test(url) ? defaultUrlTransform(url) : "");

function Link({ href, children }: ComponentProps<"a">) {
  if (!href) return <span>{children}</span>; // a link whose target was refused is just text
  const external = !href.startsWith("/") && !href.startsWith("#");
  return external ? (
    <a href={href} rel="nofollow noopener noreferrer" target="_blank">{children}</a>
  ) : (
    <a href={href}>{children}</a>
  );
}

const components: Components = {
  a: ({ node: _node, ...props }) => <Link {...props} />,
  img: ({ src, alt }) =>
    typeof src === "string" && src ? <Link href={src}>{`[image${alt ? `: ${alt}` : ""}]`}</Link> : <span>{alt}</span>,
  h1: ({ node: _node, ...props }) => <h2 {...props} />,
  h2: ({ node: _node, ...props }) => <h3 {...props} />,
  h3: ({ node: _node, ...props }) => <h4 {...props} />,
  h4: ({ node: _node, ...props }) => <h5 {...props} />,
  h5: ({ node: _node, ...props }) => <h6 {...props} />,
  h6: ({ node: _node, ...props }) => <h6 {...props} />,
};

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-plenum break-words">
      <ReactMarkdown skipHtml urlTransform={safeUrl} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
