// Runs before every request: answers malformed addresses and malformed server-action payloads with
// a plain 400 (Next.js would otherwise fail with a bare 500), refuses writes from other sites, and
// sets the security headers with a fresh CSP nonce (lib/security/headers.ts). Not an access check:
// every page and action checks access itself.
import { NextResponse, type NextRequest } from "next/server";
import { refuseActionRequest } from "./lib/security/action-payload";
import { contentSecurityPolicy, refuseWrite, securityHeaders, siteFromEnv } from "./lib/security/headers";

export async function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: this address is not correctly encoded.", { status: 400 });
  }
  const site = siteFromEnv();
  const extra = securityHeaders(site, process.env.NODE_ENV === "production");

  const refusal = refuseWrite({
    method: request.method,
    pathname: request.nextUrl.pathname,
    origin: request.headers.get("origin"),
    host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
  });
  if (refusal) return new NextResponse(`Forbidden: ${refusal}`, { status: 403, headers: extra });
  if (request.method === "POST" && request.headers.has("next-action")) {
    const malformed = await refuseActionRequest(request);
    if (malformed) return new NextResponse(`Bad request: ${malformed} Reload the page and try again.`, { status: 400, headers: extra });
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, site);
  // Next.js reads the nonce from the request's CSP header while rendering; the browser enforces
  // the response's copy.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [key, value] of Object.entries(extra)) response.headers.set(key, value);
  return response;
}

export const config = { matcher: "/((?!_next/static|_next/image).*)" };
