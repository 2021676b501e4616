// Rate limits, password changes and sessions against a real database (lib/security/rate-limit.ts,
// lib/auth/accounts.ts). On PostgreSQL the limits are also hammered from many connections at once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { refusal } from "../support/refusal";
import { changePassword, checkCredentials, createAccount, signInWithLimits } from "@/lib/auth/accounts";
import { ZChangePassword, ZSignIn, ZSignUp } from "@/lib/auth/schemas";
import { enforceLimits, hitLimit, hitLimits, LIMITS, pruneLimits } from "@/lib/security/rate-limit";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

const PASSWORD = "correct horse battery";
const email = () => `rl-${randomUUID().slice(0, 8)}@example.org`;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

describe("rate limits", () => {
  it("bumps several limits in one statement, each with its own window, and leaves the connection durable", async () => {
    const a = { key: `test:${randomUUID()}`, max: 1, windowSeconds: 60 };
    const b = { key: `test:${randomUUID()}`, max: 5, windowSeconds: 3600 };
    expect(await hitLimits(t.db, [a, b])).toBeNull();
    const wait = await hitLimits(t.db, [a, b]); // a is now over its limit, b is not
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await hitLimit(t.db, b)).count).toBe(3);
    // The bump's commit skips waiting for the disk; the setting must not outlive its statement.
    const [row] = await t.db.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
    expect(row!.synchronous_commit).toBe("on");
  });

  it("counts attempts in a window and refuses beyond the limit, saying how long to wait", async () => {
    const limit = { key: `test:${randomUUID()}`, max: 3, windowSeconds: 60 };
    const states = [];
    for (let i = 0; i < 5; i++) states.push(await hitLimit(t.db, limit));
    expect(states.map((s) => s.allowed)).toEqual([true, true, true, false, false]);
    expect(states.map((s) => s.count)).toEqual([1, 2, 3, 4, 5]);
    for (const s of states) expect(s.retryAfter).toBeGreaterThanOrEqual(1);
    for (const s of states) expect(s.retryAfter).toBeLessThanOrEqual(60);
    const e = await refusal(enforceLimits(t.db, [limit], "rateBallots"));
    expect(e.code).toBe("RATE_LIMITED");
    expect(e.message).toMatch(/^You have sent many ballots in a short time\. Try again in \d+ seconds?\.$/);
    expect(e.translation?.then?.key).toBe("tryAgainSeconds");
  });

  it("a new window starts the count again", async () => {
    const limit = { key: `test:${randomUUID()}`, max: 1, windowSeconds: 60 };
    await hitLimit(t.db, limit);
    expect((await hitLimit(t.db, limit)).allowed).toBe(false);
    // As if the window had begun two minutes ago (and then a day ago, for pruning).
    await t.db.rateLimit.update({ where: { key: limit.key }, data: { windowStart: new Date(Date.now() - 120_000) } });
    expect(await hitLimit(t.db, limit)).toMatchObject({ allowed: true, count: 1 });
    await t.db.rateLimit.update({ where: { key: limit.key }, data: { windowStart: new Date(Date.now() - 25 * 3600_000) } });
    expect(await pruneLimits(t.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.rateLimit.findUnique({ where: { key: limit.key } })).toBeNull();
  });

  it("a huge key is cut to size rather than failing", async () => {
    const limit = { key: `test:${"x".repeat(100_000)}`, max: 2, windowSeconds: 60 };
    expect((await hitLimit(t.db, limit)).allowed).toBe(true);
  });

  it.runIf(onPostgres)("200 attempts at once from many connections are all counted: exactly max get through", async () => {
    const limit = { key: `test:${randomUUID()}`, max: 25, windowSeconds: 3600 };
    const states = await Promise.all(Array.from({ length: 200 }, () => hitLimit(t.db, limit)));
    expect(states.filter((s) => s.allowed)).toHaveLength(25);
    expect(states.map((s) => s.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });
});

describe("sign-in under rate limits", () => {
  it("after 10 wrong passwords for one account even the right one is refused for a while; other accounts are not", async () => {
    const mine = email();
    const theirs = email();
    await createAccount(t.db, ZSignUp.parse({ name: "Ada", email: mine, password: PASSWORD }));
    await createAccount(t.db, ZSignUp.parse({ name: "Bo", email: theirs, password: PASSWORD }));
    const from = ip();
    for (let i = 0; i < 10; i++) expect((await signInWithLimits(t.db, ZSignIn.parse({ email: mine, password: `wrong ${i}` }), from)).kind).toBe("wrong");
    const locked = await signInWithLimits(t.db, ZSignIn.parse({ email: mine, password: PASSWORD }), ip());
    expect(locked).toMatchObject({ kind: "limited" });
    expect((locked as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    expect((await signInWithLimits(t.db, ZSignIn.parse({ email: theirs, password: PASSWORD }), from)).kind).toBe("ok");
  });

  it("successful sign-ins are not held against anyone", async () => {
    const mine = email();
    await createAccount(t.db, ZSignUp.parse({ name: "Ada", email: mine, password: PASSWORD }));
    const from = ip();
    for (let i = 0; i < 30; i++) expect((await signInWithLimits(t.db, ZSignIn.parse({ email: mine, password: PASSWORD }), from)).kind).toBe("ok");
  });

  it("one address guessing across many accounts is stopped after 100 failures", async () => {
    const from = ip();
    // Fill the address's window without 100 slow password checks.
    await hitLimit(t.db, LIMITS.signInIp(from));
    await t.db.rateLimit.update({ where: { key: LIMITS.signInIp(from).key }, data: { count: 100 } });
    expect((await signInWithLimits(t.db, ZSignIn.parse({ email: email(), password: PASSWORD }), from)).kind).toBe("limited");
  });
});

describe("changing the password", () => {
  const input = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
    ZChangePassword.parse({ currentPassword, newPassword, confirmPassword });

  it("needs the current password, then the new one works, the old one does not, and the session version moves on", async () => {
    const mine = email();
    const user = await createAccount(t.db, ZSignUp.parse({ name: "Ada", email: mine, password: PASSWORD }));
    const wrong = await refusal(changePassword(t.db, { userId: user.id, ...input("not my password", "a brand new passphrase") }));
    expect(wrong.fieldErrors?.currentPassword).toEqual(["This is not your current password."]);
    expect(await checkCredentials(t.db, { email: mine, password: PASSWORD })).toMatchObject({ sessionVersion: 0 });

    await changePassword(t.db, { userId: user.id, ...input(PASSWORD, "a brand new passphrase") });
    expect(await checkCredentials(t.db, { email: mine, password: PASSWORD })).toBeNull();
    expect(await checkCredentials(t.db, { email: mine, password: "a brand new passphrase" })).toMatchObject({ sessionVersion: 1 });
  });

  it("the form's rules: twice the same, at least 12 characters, not the current one", () => {
    expect(ZChangePassword.safeParse({ currentPassword: PASSWORD, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrasf" }).error?.issues[0]?.path).toEqual(["confirmPassword"]);
    expect(ZChangePassword.safeParse({ currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" }).success).toBe(false);
    expect(ZChangePassword.safeParse({ currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }).error?.issues[0]?.path).toEqual(["newPassword"]);
  });

  it("guessing the current password through this form is limited like sign-in", async () => {
    const user = await createAccount(t.db, ZSignUp.parse({ name: "Ada", email: email(), password: PASSWORD }));
    for (let i = 0; i < 10; i++) await refusal(changePassword(t.db, { userId: user.id, ...input(`guess number ${i}`, "a brand new passphrase") }));
    const limited = await refusal(changePassword(t.db, { userId: user.id, ...input(PASSWORD, "a brand new passphrase") }));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.message).toMatch(/Try again in/);
  });
});
