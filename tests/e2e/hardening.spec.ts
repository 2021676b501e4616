// Hardening as a browser and an HTTP client see it: security headers with a per-request CSP nonce,
// session cookie flags, the sign-in rate limit's message, and a password change ending every
// session of the account at once.
import { expect, signInAs, test, uniqueEmail } from "./fixtures";

test("every page carries a fresh CSP nonce that all its scripts use, and the other security headers", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/councils", "/signin"]) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const headers = res.headers();
    const csp = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `nonce in the CSP of ${path}`).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
  expect(nonces.size).toBe(3);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "bruno@demo.plenum.coop", password: "plenum-demo-pass", json: "true" },
    maxRedirects: 0,
  });
  const cookie = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value).find((v) => v.includes("session-token="));
  expect(cookie).toBeTruthy();
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
});

test("after ten wrong passwords the sign-in form says how long to wait", async ({ page, consoleErrors }) => {
  const email = uniqueEmail("guessed");
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (let i = 0; i < 10; i++) {
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: `guess ${i}`, json: "true" }, maxRedirects: 0 });
  }
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("one more guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/^Too many sign-in attempts\. Try again in \d+ (seconds|minutes)\.$/)).toBeVisible();
  expect(consoleErrors.splice(0).every((e) => /status of 401/.test(e))).toBe(true);
});

test("changing the password ends every session of the account at once, and the new one works", async ({ page, browser }) => {
  const email = uniqueEmail("changer");
  const oldPassword = "the first long password";
  const newPassword = "the second long password";
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Pat Changer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The same person signed in on a second device.
  const phone = await browser.newContext();
  await signInAs(phone.request, email, oldPassword);
  expect((await phone.request.get("/api/me/export.json")).status()).toBe(200);

  await page.goto("/");
  await page.getByRole("link", { name: "Change password" }).click();
  await page.getByLabel("Current password").fill(oldPassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed and every session ended. Sign in with the new password.")).toBeVisible();

  // The other device is signed out on its very next request, and so is this one.
  expect((await phone.request.get("/api/me/export.json")).status()).toBe(401);
  expect(((await (await phone.request.get("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email).toBeUndefined();
  await page.goto("/account/password");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await phone.close();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
});
