// Hostile input over HTTP, straight at every server action (the access matrix's rows give a valid
// call for each): fast-check replaces, drops and adds fields with oversized strings, wrong types,
// unicode tricks, injection strings and huge numbers. Whatever arrives, the answer is a clear
// refusal or a success — never a 500, never the generic "something went wrong" of an unexpected
// exception — and a refusal changes nothing in the database. Malformed action payloads (React's
// reply encoding itself) get a 400 from proxy.ts. Then Markdown with script and HTML payloads is
// shown in the browser, inert.
import fc from "fast-check";
import { expect, test } from "./fixtures";
import { BASE, builtActions } from "./http-actions";
import { ACTIONS, buildWorld, call, digest, freshCouncil, must, unique, useCouncil, world } from "./matrix-world";

const HOSTILE_STRINGS = [
  "", " ", "\u0000", "\u0000\u0000admin", "' OR '1'='1", "'; DROP TABLE \"User\"; --", "$1", "\\", "%00", "%s%s%s%n",
  "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "../../../etc/passwd",
  "\u202Egnp.exe", "\uFEFFbom", "\u200B\u200B", "ａｄｍｉｎ", "Ⅻ", "e\u0301", "👩‍👩‍👧‍👦".repeat(50), "\uD800", "\r\n\r\nX-Injected: 1",
  "NaN", "Infinity", "-Infinity", "-0", "1e308", "-1e308", "9".repeat(400), "0x1F", "1_000", "2147483648", "-2147483649", "3.5",
  "true", "null", "undefined", "[]", "{}", "__proto__", "constructor", "$K1", "$$", "$@0",
  "x".repeat(20_001), "y".repeat(300_000),
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
);

// Field names a mass-assignment attempt would try, and a few the reply encoding treats specially.
const EXTRA_KEYS = ["userId", "authorId", "actorId", "role", "status", "founderId", "nomineeId", "id", "__proto__", "constructor", "$ACTION_ID_x", "0"];

type Mutation =
  | { kind: "replace"; index: number; value: string }
  | { kind: "drop"; index: number }
  | { kind: "add"; key: string; value: string }
  | { kind: "many"; count: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("replace" as const), index: fc.nat(), value: hostileString }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("drop" as const), index: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("add" as const), key: fc.constantFrom(...EXTRA_KEYS), value: hostileString }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("many" as const), count: fc.integer({ min: 400, max: 2000 }) }) },
);

function mutate(fields: Record<string, string>, m: Mutation): Record<string, string> {
  const keys = Object.keys(fields);
  const out = { ...fields };
  if (m.kind === "replace" && keys.length) out[keys[m.index % keys.length]!] = m.value;
  if (m.kind === "drop" && keys.length) delete out[keys[m.index % keys.length]!];
  if (m.kind === "add") out[m.key] = m.value;
  if (m.kind === "many") for (let i = 0; i < m.count; i++) out[`f${i}`] = "x";
  return out;
}

test.describe.configure({ mode: "serial" });
test.setTimeout(600_000);
test.beforeAll(async () => { await buildWorld(); });

for (const [action, row] of Object.entries(ACTIONS)) {
  test(`hostile fields for ${action.split("#")[1]}: a clear answer, never a crash, and a refusal writes nothing`, async () => {
    const restore = row.fresh ? useCouncil(await freshCouncil()) : () => {};
    try {
      const who = row.allow[0]!;
      const valid = await row.fields(who);
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const fields = mutate(valid, m);
          const before = await digest();
          const r = await call(who, action, fields);
          const what = `${action} with ${JSON.stringify(m).slice(0, 200)}: ${r.status} ${JSON.stringify(r.state)?.slice(0, 300) ?? r.text.slice(0, 200)}`;
          expect(r.status, what).toBeLessThan(500);
          if (r.redirect) return;
          expect(r.state, what).toBeDefined();
          if (!r.state!.ok) {
            expect(r.state!.message, what).toBeTruthy();
            expect(r.state!.message, what).not.toMatch(/Something went wrong/);
            expect(await digest(), `${what} — refused, but the database changed`).toBe(before);
          }
          // The echoed values never carry a password back, whatever the form was.
          for (const k of ["password", "currentPassword", "newPassword", "confirmPassword"]) expect(r.state!.values?.[k], what).toBeUndefined();
        }),
        { numRuns: 12, seed: 7, endOnFailure: true },
      );
    } finally {
      restore();
    }
  });
}

test("malformed action payloads get a 400 and change nothing", async () => {
  const id = builtActions().get("lib/proposals/actions.ts#castVoteAction")!.id;
  const client = world().people.member!.client;
  const multipart = (root: string | null, extra: Record<string, string> = {}) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(extra)) f.append(k, v);
    if (root !== null) f.append("0", root);
    return f;
  };
  const bodies: [string, BodyInit][] = [
    ["unparseable arguments", multipart("[{")],
    ["no arguments", multipart(null, { _1_choice: "YES" })],
    ["a map reference", multipart(JSON.stringify([{}, "$Q1"]))],
    ["a promise reference", multipart(JSON.stringify([{}, "$@1"]))],
    ["a server reference", multipart(JSON.stringify([{}, "$h1"]))],
    ["deep nesting", multipart(`${"[".repeat(50)}${"]".repeat(50)}`)],
    ["too many arguments", multipart(JSON.stringify([1, 2, 3]))],
    ["plain text", "garbage"],
  ];
  for (const [name, body] of bodies) {
    const before = await digest();
    const res = await client.fetch("/councils", { method: "POST", body, origin: BASE, headers: { "next-action": id, accept: "text/x-component" } });
    expect(res.status, name).toBe(400);
    expect(await res.text(), name).toMatch(/^Bad request: /);
    expect(await digest(), name).toBe(before);
  }
});

test("hostile path segments on every download route: refused, never a 500", async () => {
  const client = world().people.member!.client;
  await fc.assert(
    fc.asyncProperty(hostileString, fc.constantFrom("/api/proposals/{}/board.json", "/api/proposals/{}/board.csv", "/api/councils/{}/decisions.csv"), async (segment, route) => {
      const res = await client.fetch(route.replace("{}", encodeURIComponent(segment).slice(0, 4000)));
      await res.arrayBuffer();
      // 4xx; or a redirect where the segment is empty ("//" is normalised by Next.js).
      const what = `${route} with ${JSON.stringify(segment).slice(0, 80)}: ${res.status}`;
      expect(res.status, what).toBeLessThan(500);
      expect(res.status >= 400 || (segment.trim() === "" && res.status >= 300), what).toBe(true);
    }),
    { numRuns: 60, seed: 11 },
  );
});

test("Markdown with script and HTML payloads is shown inert", async ({ page }) => {
  const w = world();
  const payloads = [
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss = 'img'\">",
    "<svg onload=\"window.__xss = 'svg'\"></svg>",
    "<iframe src=\"javascript:window.parent.__xss = 'iframe'\"></iframe>",
    "[a link](javascript:window.__xss='link')",
    "[another](  JaVaScRiPt:window.__xss='link2')",
    "![image](javascript:window.__xss='image')",
    "<a href=\"javascript:window.__xss='raw-a'\">raw anchor</a>",
    "<style>body { display: none }</style>",
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
  ];
  const title = `<script>window.__xss='title'</script> XSS ${unique()}`;
  const r = await must("member", "lib/proposals/actions.ts#createProposalAction", { councilId: w.council.id, title, body: payloads.join("\n\n") });
  const proposalPath = r.redirect!;

  const { email, password } = w.people.member!;
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  await page.goto(proposalPath);
  await expect(page.getByRole("heading", { name: title })).toBeVisible(); // the title is text
  await page.getByText("raw anchor").first().waitFor({ state: "attached" }).catch(() => undefined);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  const article = page.locator("main");
  expect(await article.locator("script:not([nonce]), iframe, svg[onload], img[onerror], style, [onerror], [onload]").count()).toBe(0);
  for (const href of await article.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
    expect(href.trim().toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
  }
  await expect(page.locator("body")).toBeVisible(); // the <style> payload did not hide the page
});
