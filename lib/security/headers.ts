// The security headers proxy.ts sets on every response, and its same-origin check for writes.
// Pure functions of the request's facts, so unit tests can check them without a server.

export interface Site {
  /** `next dev` needs eval for React's debugging aids; production never does. */
  dev: boolean;
  /** The public address is https (NEXTAUTH_URL): HSTS and upgrade-insecure-requests apply. */
  https: boolean;
}

export function siteFromEnv(env: NodeJS.ProcessEnv = process.env): Site {
  return { dev: env.NODE_ENV === "development", https: (env.NEXTAUTH_URL ?? "").startsWith("https://") };
}

/**
 * A nonce-based policy (Next.js applies the nonce to its own scripts when it finds it in the
 * request's CSP header). 'strict-dynamic' lets those scripts load the app's chunks. Styles allow
 * inline attributes: result bars set their widths with style="width: …%", and a nonce cannot
 * cover attributes; style injection without script is a far smaller risk than script injection.
 */
export function contentSecurityPolicy(nonce: string, site: Site): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${site.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(site.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers for every response besides the CSP. */
export function securityHeaders(site: Site, production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over https, and only in production: a browser that saw it on localhost would refuse
    // plain http there for a year.
    ...(production && site.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a request that changes something is refused, or null. Browsers send Origin with every POST;
 * one naming another site is a cross-site request forgery, refused everywhere. A POST with no
 * Origin at all is not from a browser form of ours: refused for server actions and pages, allowed
 * only where a token guards the request instead (next-auth's endpoints check their CSRF token).
 */
// Where a secret in the address is the whole authority, so a forged request cannot be made without
// it, and the caller is no browser of ours: one-click unsubscribe (RFC 8058), which mail providers
// POST from their servers with no Origin (or a browser-based mail client with its own).
const TOKEN_AUTHORISED = ["/api/unsubscribe/"];

export function refuseWrite(req: { method: string; pathname: string; origin: string | null; host: string | null }): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (TOKEN_AUTHORISED.some((prefix) => req.pathname.startsWith(prefix))) return null;
  if (req.origin !== null) {
    let host: string | null = null;
    try {
      host = new URL(req.origin).host;
    } catch {
      return "This request came from an address Plenum cannot read.";
    }
    if (!req.host || host !== req.host) return "This request came from another site and was refused.";
    return null;
  }
  if (req.pathname.startsWith("/api/auth/") || req.pathname.startsWith("/api/e2e/")) return null;
  return "This request did not say which site it came from and was refused.";
}
