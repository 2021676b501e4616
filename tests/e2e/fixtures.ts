// Browser-test fixtures: sign in through next-auth's endpoint (not the form, which has its own
// test), fail any test during which the page logs a console error, and move a vote's deadline.
import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const DEMO_PASSWORD = "plenum-demo-pass";

export async function signInAs(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `signed in as ${email}`).toBe(email);
}

export async function expireVoting(request: APIRequestContext, proposalId: string) {
  // Moving a deadline into the past twice is the same as once, so a connection reset is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await request.post("/api/e2e/expire-voting", { data: { proposalId } });
      expect(res.ok()).toBeTruthy();
      return;
    } catch (error) {
      if (attempt >= 3 || !/ECONNRESET|socket hang up/.test(String(error))) throw error;
    }
  }
}

export const uniqueEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@e2e.plenum`;

type Fixtures = { consoleErrors: string[] };

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      // A test that provokes an error on purpose (a 401, a 403) empties this list after asserting it.
      expect(errors, "console errors during the test").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The id in /proposals/<id>. */
export function proposalIdFrom(page: Page): string {
  const id = new URL(page.url()).pathname.split("/")[2];
  if (!id) throw new Error(`not on a proposal page: ${page.url()}`);
  return id;
}

/** A demo person's email, by the local part (see README: Demo logins). */
export const demo = (who: string) => `${who}@demo.plenum.coop`;

/** A second person in their own browser, whose console errors fail the test like the fixture page's. */
export async function openAs(browser: Browser, who: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext();
  await signInAs(context.request, demo(who));
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${who}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${who}: ${e.message}`));
  return page;
}

/** Votes yes on an open ballot and waits for the confirmation. */
export async function voteYes(page: Page, proposalPath: string) {
  await page.goto(proposalPath);
  await page.getByRole("radio", { name: /^Yes/ }).check();
  await page.getByRole("button", { name: "Cast vote" }).click();
  await expect(page.getByText("Your vote “yes” is recorded.")).toBeVisible();
}

/** Nothing on the page is wider than the screen (issue 8: no sideways scrolling at 360 px or anywhere). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(0);
}

export interface Focused { tag: string; text: string; name: string | null; type: string | null; label: string }

/** Presses Tab until the focused element matches, failing after `limit` presses (keyboard-only tests). */
export async function tabTo(page: Page, matches: (el: Focused) => boolean, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      const label = a && "labels" in a && a.labels?.[0] ? a.labels[0].innerText.trim() : "";
      return { tag: a?.tagName ?? "", text: (a?.innerText ?? "").trim(), name: a?.getAttribute("name") ?? null, type: a?.getAttribute("type") ?? null, label };
    });
    if (matches(el)) return;
  }
  throw new Error("the element was not reached by Tab");
}
