// The headers proxy.ts sets, its same-origin rule for writes, the client address used by rate
// limits, and the session cookies' flags: pure functions, checked without a server.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, refuseWrite, securityHeaders, siteFromEnv } from "@/lib/security/headers";
import { clientAddress } from "@/lib/security/client-address";
import { authOptions, usesSecureCookies } from "@/lib/auth/options";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("content security policy", () => {
  const csp = contentSecurityPolicy("abc123", { dev: false, https: true });
  it("allows scripts only with the request's nonce, no eval, no plugins, no framing", () => {
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("upgrade-insecure-requests");
  });
  it("eval only for next dev; no https upgrade on a plain-http site", () => {
    expect(contentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });
});

describe("other headers", () => {
  it("HSTS only in production over https", () => {
    expect(securityHeaders({ dev: false, https: true }, true)["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(securityHeaders({ dev: false, https: false }, true)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ dev: true, https: true }, false)["Strict-Transport-Security"]).toBeUndefined();
  });
  it("no sniffing, no framing, no referrer to other sites", () => {
    expect(securityHeaders({ dev: false, https: true }, true)).toMatchObject({
      "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin",
    });
  });
  it("reads the site from NEXTAUTH_URL", () => {
    expect(siteFromEnv(env({ NODE_ENV: "production", NEXTAUTH_URL: "https://plenum.example" }))).toEqual({ dev: false, https: true });
  });
});

describe("writes from other sites", () => {
  const post = (origin: string | null, pathname = "/proposals/x", host: string | null = "plenum.example") => refuseWrite({ method: "POST", pathname, origin, host });
  it("same origin passes, another site or an unreadable Origin is refused", () => {
    expect(post("https://plenum.example")).toBeNull();
    expect(post("https://evil.example")).toMatch(/another site/);
    expect(post("https://plenum.example.evil.example")).toMatch(/another site/);
    expect(post("null")).toMatch(/cannot read|another site/);
    expect(post("https://plenum.example", "/x", null)).toMatch(/another site/);
  });
  it("no Origin: refused for actions and pages, allowed where next-auth's CSRF token guards", () => {
    expect(post(null)).toMatch(/did not say/);
    expect(post(null, "/api/auth/callback/credentials")).toBeNull();
    expect(post("https://evil.example", "/api/auth/callback/credentials")).toMatch(/another site/);
  });
  it("one-click unsubscribe (RFC 8058) is posted by mail providers, with no Origin or their own: its token decides", () => {
    expect(post(null, "/api/unsubscribe/abc")).toBeNull();
    expect(post("https://mail.example", "/api/unsubscribe/abc")).toBeNull();
  });
  it("reading is never refused", () => {
    expect(refuseWrite({ method: "GET", pathname: "/", origin: "https://evil.example", host: "plenum.example" })).toBeNull();
  });
});

describe("client address for rate limits", () => {
  const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
  it("the entry the last proxy appended, by default", () => {
    expect(clientAddress(h("203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(h("1.2.3.4, 203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(h("::ffff:127.0.0.1"))).toBe("127.0.0.1");
  });
  it("further left with more proxies; junk and absence are buckets of their own", () => {
    expect(clientAddress(h("1.2.3.4, 203.0.113.9, 10.0.0.1"), env({ PLENUM_PROXY_HOPS: "2" }))).toBe("203.0.113.9");
    expect(clientAddress(h("<script>"))).toBe("invalid");
    expect(clientAddress(h())).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
  });
});

describe("session cookies", () => {
  it("Secure (with the __Secure- prefix) whenever the site is https", () => {
    expect(usesSecureCookies(env({ NEXTAUTH_URL: "https://plenum.example" }))).toBe(true);
    expect(usesSecureCookies(env({ NEXTAUTH_URL: "http://127.0.0.1:3000" }))).toBe(false);
  });
  it("JWT sessions, and no cookie overrides that would drop HttpOnly or SameSite", () => {
    const options = authOptions();
    expect(options.session?.strategy).toBe("jwt");
    expect(options.cookies).toBeUndefined(); // next-auth's defaults: HttpOnly, SameSite=Lax
  });
});
