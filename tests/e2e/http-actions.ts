// Calling server actions and route handlers directly over HTTP, as a script (not the UI) would:
// the action's id from the build's server-reference manifest, its arguments in React's reply
// encoding ([previous state, form data]), our own cookie jar, and any Origin we like.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { FormState } from "@/lib/actions/form-action";

const root = path.resolve(import.meta.dirname, "../..");
export const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3210)}`;

interface ManifestEntry { filename: string; exportedName: string; workers: Record<string, unknown> }

/** Every server action the build knows: `file#export` → id and the page modules that can run it. */
export function builtActions(): Map<string, { id: string; pages: string[] }> {
  const file = path.join(root, process.env.NEXT_DIST_DIR || ".next-test", "server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const out = new Map<string, { id: string; pages: string[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) out.set(`${entry.filename}#${entry.exportedName}`, { id, pages: Object.keys(entry.workers) });
  return out;
}

function* files(dir: string, match: RegExp): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) { if (entry !== "generated") yield* files(full, match); } else if (match.test(full)) yield full;
  }
}

/** Every exported action in the sources (`export const xAction` in lib/** /actions.ts), as `file#export`. */
export function sourceActions(): string[] {
  const out: string[] = [];
  for (const file of files(path.join(root, "lib"), /actions\.ts$/)) {
    const text = readFileSync(file, "utf8");
    if (!/^["']use server["']/m.test(text)) continue;
    for (const m of text.matchAll(/^export (?:const|async function) (\w+)/gm)) out.push(`${path.relative(root, file)}#${m[1]}`);
  }
  return out.sort();
}

/** Every route handler in the sources, as `/api/…/route METHOD`. */
export function sourceRoutes(): string[] {
  const out: string[] = [];
  for (const file of files(path.join(root, "app"), /route\.ts$/)) {
    const text = readFileSync(file, "utf8");
    const route = `/${path.relative(path.join(root, "app"), path.dirname(file))}`;
    for (const m of text.matchAll(/export (?:async function (GET|POST|PUT|PATCH|DELETE)\b|\{([^}]*)\})/g)) {
      if (m[1]) out.push(`${route} ${m[1]}`);
      else for (const n of m[2]!.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push(`${route} ${n[1]}`);
    }
  }
  return out.sort();
}

export interface ActionResult {
  status: number;
  /** What useActionState would receive. */
  state?: FormState;
  /** Where redirect() sent the browser. */
  redirect?: string;
  text: string;
}

export class Client {
  private jar = new Map<string, string>();
  constructor(readonly name: string, private readonly address: string, private readonly base = BASE) {}

  private cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const [k, v] = [pair!.slice(0, i), pair!.slice(i + 1)];
      if (v === "" || /max-age=0|expires=Thu, 01 Jan 1970/i.test(c)) this.jar.delete(k); else this.jar.set(k, v);
    }
  }

  async fetch(urlPath: string, init: RequestInit & { origin?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", this.cookieHeader());
    headers.set("x-forwarded-for", this.address);
    if (init.origin) headers.set("origin", init.origin);
    const res = await fetch(this.base + urlPath, { ...init, headers, redirect: "manual", signal: init.signal ?? AbortSignal.timeout(30_000) });
    this.keep(res);
    return res;
  }

  async signIn(email: string, password: string): Promise<void> {
    this.jar.clear();
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    await res.text();
    const session = (await (await this.fetch("/api/auth/session")).json()) as { user?: { email?: string } };
    if (session.user?.email !== email) throw new Error(`${this.name}: could not sign in as ${email}`);
  }

  /** Calls an action as its form would: POST to a page with the Next-Action header. */
  async action(action: { id: string; page: string }, fields: Record<string, string>, { origin = this.base }: { origin?: string | null } = {}): Promise<ActionResult> {
    const body = new FormData();
    // React's reply encoding: the form's entries under "_1_", then the arguments, which point at it.
    for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
    body.append("0", JSON.stringify([{ ok: false }, "$K1"]));
    const res = await this.fetch(action.page, { method: "POST", body, origin, headers: { "next-action": action.id, accept: "text/x-component" } });
    const text = await res.text();
    const redirect = res.headers.get("x-action-redirect")?.split(";")[0];
    const line = text.split("\n").find((l) => l.startsWith("1:"));
    let state: FormState | undefined;
    if (line) {
      try {
        const parsed = JSON.parse(line.slice(2)) as unknown;
        if (parsed && typeof parsed === "object" && "ok" in parsed) state = parsed as FormState;
      } catch { /* not a form state */ }
    }
    return { status: res.status, state, redirect, text };
  }
}
