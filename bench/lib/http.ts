// What a browser sends: session cookies, and the server-action POST of the vote form.
import { readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { root } from "../../scripts/lib/env";
import { BENCH_DIST_DIR } from "./server";

export const SESSION_COOKIE = "next-auth.session-token"; // next-auth's name on plain http

/**
 * A session cookie for a member, made by next-auth's own `encode` with the shared NEXTAUTH_SECRET —
 * byte for byte what its credentials callback sets after checking the password. Signing thousands of
 * members in over HTTP would time Argon2, not voting; a sample signs in for real (signInOverHttp).
 */
export async function mintSessionCookie(user: { id: string; name: string; email: string }, secret: string): Promise<string> {
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, maxAge: 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through /api/auth/csrf and the credentials callback, as tests/e2e/fixtures.ts does. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await res.arrayBuffer();
  const session = cookiesFrom(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`signing in ${email} over HTTP set no session cookie (status ${res.status})`);
  return session;
}

/** The signed-in user the server sees for a cookie (null if none). */
export async function sessionEmail(baseUrl: string, cookie: string): Promise<string | null> {
  const res = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  const body = (await res.json()) as { user?: { email?: string } };
  return body.user?.email ?? null;
}

/** The id under which the build registered a server action (from its server-reference manifest). */
export function actionId(exportedName: string, filename: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, BENCH_DIST_DIR, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName && v.filename === filename);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename} in the build`);
  return found[0];
}

/** The router state a browser on /proposals/<id> sends with an action, so the reply re-renders that page. */
export function proposalRouterState(proposalId: string): string {
  // As Chromium sent it from the proposal page (captured once with Playwright).
  const tree = ["", { children: ["proposals", { children: [["id", proposalId, "d", null], { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] }, null, null, 0] }, null, null, 16];
  return encodeURIComponent(JSON.stringify(tree));
}

const BOUNDARY = "----PlenumBenchBoundary7MA4YWxkTrZu0gW";

/**
 * The body the browser sends for `formAction(prevState, formData)` from useActionState (React's
 * encodeReply, as Chromium sent it from the vote form): the form's fields with the prefix "_1_" —
 * React's progressive-enhancement fields for the action too — then field "0" with the arguments:
 * the previous state and a reference to that form data.
 */
export function actionBody(action: string, prevState: object, fields: Record<string, string>): { body: Buffer; contentType: string } {
  const form: Record<string, string> = {
    "$ACTION_REF_1": "",
    "$ACTION_1:0": JSON.stringify({ id: action, bound: "$@1" }),
    "$ACTION_1:1": JSON.stringify([prevState]),
    "$ACTION_KEY": "k51d9a9467b82031dfe24db4554f6f0bb",
    ...fields,
  };
  const parts: [string, string][] = [
    ...Object.entries(form).map(([k, v]) => [`_1_${k}`, v] as [string, string]),
    ["0", JSON.stringify([prevState, "$K1"])],
  ];
  const text = parts.map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${BOUNDARY}--\r\n`;
  return { body: Buffer.from(text, "utf8"), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}
