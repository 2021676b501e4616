// The address a request came from, for per-address rate limits. Next.js fills X-Forwarded-For with
// the socket's address only when the request has none, so the entry is trustworthy only as far as
// the proxies in front of Plenum append to it: PLENUM_PROXY_HOPS (default 1: one reverse proxy
// that appends, like nginx's $proxy_add_x_forwarded_for) says which entry from the right to use.
// Exposed with no proxy at all, a client can name any address: docs/security.md says so.
import { isIP } from "node:net";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderSource | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (!headers) return "unknown";
  const hops = Math.max(1, Number.parseInt(env.PLENUM_PROXY_HOPS ?? "1", 10) || 1);
  const entries = (header(headers, "x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const candidate = entries[Math.max(0, entries.length - hops)];
  if (!candidate) return "unknown";
  // "::ffff:127.0.0.1" and "127.0.0.1" are one address; anything unparseable counts as one bucket.
  const address = candidate.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  return isIP(address) ? address : "invalid";
}
