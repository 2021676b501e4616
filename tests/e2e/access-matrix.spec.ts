// The access-control matrix: every server action and route handler, called directly over HTTP
// against `next start` (not through the UI), as each kind of person — signed out, a non-member, a
// pending member, a removed member, a member, a facilitator of another council, a facilitator —
// and, for actions, from a foreign site and with no Origin. Each refused call must change nothing
// in the database (a digest of every table, before and after). An action or route without a row
// here fails the first test: adding one means saying who may call it.
//
// Adding a row: name the action (`file#export`), who is allowed, and `fields(w, who)` giving the
// form fields for one call (it may first make what the call needs, e.g. a fresh proposal, by
// calling other actions as their rightful users). Set `fresh: true` when allowed calls use up the
// council's state (leaving, admitting), so the row gets a council of its own.
import { expect, test } from "@playwright/test";
import { builtActions, Client, sourceActions, sourceRoutes, type ActionResult } from "./http-actions";
import { ACTIONS, anonymous, buildWorld, call, digest, FOREIGN_ORIGIN, freshCouncil, PERSONAS, ROUTES, useCouncil, world } from "./matrix-world";

// ————— the tests —————

test.describe.configure({ mode: "serial" });
test.setTimeout(600_000);

test.beforeAll(async () => {
  await buildWorld();
});

test("every action and route handler has a row in the matrix", () => {
  const built = [...builtActions().keys()].sort();
  expect(sourceActions(), "actions in lib/**/actions.ts vs the build's manifest").toEqual(built);
  expect(built.filter((a) => !(a in ACTIONS)), "actions without a row: add one to ACTIONS in tests/e2e/access-matrix.spec.ts").toEqual([]);
  expect(Object.keys(ACTIONS).filter((a) => !built.includes(a)), "rows for actions that no longer exist").toEqual([]);
  const routes = sourceRoutes();
  expect(routes.filter((r) => !(r in ROUTES)), "route handlers without a row: add one to ROUTES").toEqual([]);
  expect(Object.keys(ROUTES).filter((r) => !routes.includes(r)), "rows for routes that no longer exist").toEqual([]);
});

function refused(r: ActionResult): boolean {
  return !r.redirect && (r.status === 403 || (r.status === 200 && r.state?.ok === false));
}

for (const [action, row] of Object.entries(ACTIONS)) {
  test(`action ${action.split("#")[1]}: allowed for ${row.allow.join(", ")}; everyone else, and other origins, change nothing`, async () => {
    const restore = row.fresh ? useCouncil(await freshCouncil()) : () => {};
    try {
      const first = row.allow[0]!;
      for (const origin of [FOREIGN_ORIGIN, null]) {
        const fields = await row.fields(first);
        const before = await digest();
        const r = await call(first, action, fields, origin);
        expect(r.status, `${action} as ${first} from ${origin ?? "no Origin"}`).toBe(403);
        expect(await digest(), `${action} from ${origin ?? "no Origin"} changed the database`).toBe(before);
      }
      const denied = PERSONAS.filter((p) => !row.allow.includes(p));
      for (const who of [...denied, ...row.allow]) {
        const fields = await row.fields(who);
        const before = await digest();
        const r = await call(who, action, fields);
        const what = `${action} as ${who}: ${r.status} ${r.redirect ?? JSON.stringify(r.state) ?? r.text.slice(0, 200)}`;
        expect(r.status, what).not.toBe(500);
        if (row.allow.includes(who)) {
          expect(Boolean(r.redirect || r.state?.ok), what).toBe(true);
          await row.after?.(who, fields);
        } else {
          expect(refused(r), what).toBe(true);
          expect(r.state?.message ?? "", what).not.toMatch(/Something went wrong/);
          expect(await digest(), `${what} — but the database changed`).toBe(before);
        }
      }
    } finally {
      restore();
    }
  });
}

for (const [route, row] of Object.entries(ROUTES)) {
  if (!row.allow) continue;
  test(`route ${route}: 200 for ${row.allow.join(", ")}; 401 signed out; refused for the rest, changing nothing`, async () => {
    const urlPath = await row.path!();
    for (const who of PERSONAS) {
      const client = world().people[who]?.client ?? anonymous();
      const before = await digest();
      const res = await client.fetch(urlPath);
      const what = `${route} as ${who}`;
      if (row.allow!.includes(who)) {
        expect(res.status, what).toBe(200);
      } else {
        expect(res.status, what).toBe(who === "signedOut" ? 401 : 403);
        expect(res.headers.get("content-type"), what).toMatch(/application\/json/);
        expect(await digest(), `${what} changed the database`).toBe(before);
      }
      await res.arrayBuffer();
    }
  });
}

test("next-auth's endpoints refuse posts from another site, and a sign-in without its CSRF token", async () => {
  const client = new Client("outsider", "198.51.100.250");
  const foreign = await client.fetch("/api/auth/signout", { method: "POST", origin: FOREIGN_ORIGIN, body: new URLSearchParams({ csrfToken: "x" }) });
  expect(foreign.status).toBe(403);
  const before = await digest();
  const noToken = await client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: world().people.member!.email, password: world().people.member!.password, json: "true" }),
  });
  expect(noToken.status).toBeLessThan(500);
  await noToken.arrayBuffer(); // next-auth answers by pointing at its sign-in page with csrf=true
  const session = (await (await client.fetch("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
  expect(await digest()).toBe(before);
});
