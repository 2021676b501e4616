// Signing in and out, and being sent to sign in and back.
import { expect, test, uniqueEmail } from "./fixtures";

test("a page that needs a user sends you to sign in and back again", async ({ page }) => {
  await page.goto("/councils/new");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcouncils%2Fnew/);
  await page.getByLabel("Email").fill("ada@demo.plenum.coop");
  await page.getByLabel("Password").fill("plenum-demo-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/councils\/new$/);
  await expect(page.getByRole("heading", { name: "Found a council" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("wrong password and unknown email get the same message", async ({ page, consoleErrors }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("ada@demo.plenum.coop");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const message = "That email and password do not match an account. Check them and try again.";
  await expect(page.getByText(message)).toBeVisible();
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(message)).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);
  // next-auth answers a refused sign-in with 401, which the browser logs; that is the point here.
  expect(consoleErrors.splice(0).every((e) => /status of 401/.test(e))).toBe(true);
});

test("sign-up errors sit beside their fields and keep what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Email").fill("ada@demo.plenum.coop");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Short Password");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("ada@demo.plenum.coop");
});
