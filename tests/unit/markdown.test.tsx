// Proposal text is written by any member and read by all: what it may and may not put on the page.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "@/components/proposals/Markdown";

const render = (text: string) => renderToStaticMarkup(<Markdown>{text}</Markdown>);

describe("proposal Markdown", () => {
  it("renders the usual formatting", () => {
    const html = render("We buy **flour**.\n\n- rye\n- spelt\n\n[Co-op principles](https://ica.coop/en)");
    expect(html).toContain("<strong>flour</strong>");
    expect(html).toContain("<li>rye</li>");
    expect(html).toContain('<a href="https://ica.coop/en" rel="nofollow noopener noreferrer" target="_blank">Co-op principles</a>');
  });

  it("never passes raw HTML or event handlers through", () => {
    const html = render('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick="alert(3)">bold</b>');
    expect(html).not.toMatch(/<script|onerror|onclick|<img|<b>/i);
  });

  it("turns script and data links into plain text", () => {
    for (const href of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java&#115;cript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x"]) {
      const html = render(`[click me](${href})`);
      expect(html, href).not.toContain("<a");
      expect(html, href).toContain("click me");
    }
  });

  it("shows images as links, so no outside server sees who reads the proposal", () => {
    const html = render("![our oven](https://tracker.example/pixel.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://tracker.example/pixel.png"');
    expect(html).toContain("[image: our oven]");
  });

  it("keeps links within Plenum in the same tab, and headings below the page title", () => {
    const html = render("# Background\n\nSee [the council](/councils/bakers).");
    expect(html).toContain("<h2>Background</h2>");
    expect(html).not.toContain("<h1");
    expect(html).toContain('<a href="/councils/bakers">the council</a>');
  });
});
