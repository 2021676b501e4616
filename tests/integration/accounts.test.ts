// Accounts against a real database with real Argon2 hashing (lib/auth/accounts.ts): signing up,
// signing in, one account per email whatever its case, and never revealing which part was wrong.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { checkCredentials, createAccount } from "@/lib/auth/accounts";
import { ZSignIn, ZSignUp } from "@/lib/auth/schemas";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

const PASSWORD = "correct horse battery";
// Input goes through the same schemas as the sign-up and sign-in forms.
const signUp = (email: string, password = PASSWORD, name = "Ada Lovelace") => createAccount(t.db, ZSignUp.parse({ name, email, password }));
const signIn = (email: string, password: string) => checkCredentials(t.db, ZSignIn.parse({ email, password }));
const address = () => `ada-${randomUUID().slice(0, 8)}@example.org`;

describe("signing up and signing in", () => {
  it("a new account can sign in with its password", async () => {
    const email = address();
    const account = await signUp(email);
    expect(account).toEqual({ id: expect.any(String), name: "Ada Lovelace", email });
    expect(await signIn(email, PASSWORD)).toEqual({ ...account, sessionVersion: 0 });
  });

  it("a wrong password and an unknown email both just fail, alike", async () => {
    const email = address();
    await signUp(email);
    expect(await signIn(email, "correct horse batterY")).toBeNull();
    expect(await signIn(email, `${PASSWORD} `)).toBeNull();
    expect(await signIn(address(), PASSWORD)).toBeNull();
  });

  it("the password is kept exactly as typed: spaces and non-ASCII characters count", async () => {
    const email = address();
    const password = "  Grüße aus Köln ✓  ";
    await signUp(email, password);
    expect(await signIn(email, password)).not.toBeNull();
    expect(await signIn(email, password.trim())).toBeNull();
  });

  it("the email's case does not matter, at sign-up or sign-in", async () => {
    const local = `Ada.Lovelace-${randomUUID().slice(0, 8)}`;
    const account = await signUp(`  ${local}@Example.ORG `);
    expect(account.email).toBe(`${local.toLowerCase()}@example.org`);
    expect(await signIn(`${local.toUpperCase()}@EXAMPLE.org`, PASSWORD)).toEqual({ ...account, sessionVersion: 0 });
  });

  it("an account whose stored hash is unusable cannot sign in, and nothing crashes", async () => {
    const user = await makeUser(t.db); // factories store "!unusable" instead of a hash
    expect(await checkCredentials(t.db, { email: user.email, password: "!unusable" })).toBeNull();
  });
});

describe("one account per email", () => {
  it("a second sign-up with the same email, in any case, is refused on the email field", async () => {
    const email = address();
    await signUp(email);
    const error = await refusal(signUp(email.toUpperCase(), "another password", "Impostor"));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.email?.[0]).toMatch(/already exists/);
    // The original account is untouched and the impostor's password opens nothing.
    expect(await signIn(email, PASSWORD)).toMatchObject({ name: "Ada Lovelace" });
    expect(await signIn(email, "another password")).toBeNull();
  });

  it("two sign-ups racing for the same email: one account, the other told why", async () => {
    const email = address();
    const settled = await Promise.allSettled([signUp(email, PASSWORD, "First"), signUp(email, "other password!", "Second")]);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    const failed = settled.find((s) => s.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ name: "DomainError", code: "CONFLICT" });
    expect(await t.db.user.count({ where: { email } })).toBe(1);
  });
});

describe("the password never leaves the database in the clear", () => {
  it("what is stored is an Argon2id hash, not the password", async () => {
    const email = address();
    await signUp(email);
    const { passwordHash } = await t.db.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(PASSWORD);
  });

  it("reading a user without asking for the hash does not return it", async () => {
    const email = address();
    await signUp(email);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(user).not.toHaveProperty("passwordHash");
  });
});
