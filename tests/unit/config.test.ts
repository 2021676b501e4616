// Configuration problems are caught at start-up with one sentence saying what to set.
import { describe, expect, it } from "vitest";
import { authSecret, ballotKey, configProblems } from "@/lib/config";
import { readDatabaseConfig } from "@/lib/db/connection";

describe("session secret", () => {
  it("uses NEXTAUTH_SECRET when it is long enough", () => {
    expect(authSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40) })).toBe("x".repeat(40));
  });
  it("refuses a short secret, saying how to make a good one", () => {
    expect(() => authSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(/at least 32 characters.*openssl rand/);
  });
  it("stops a production server without one, and says what to set", () => {
    expect(configProblems({ NODE_ENV: "production", BALLOT_KEY: "a".repeat(64) })).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is not set\. Set it/)]);
  });
  it("has a development default, so `npm run dev` just works", () => {
    expect(configProblems({ NODE_ENV: "development" })).toEqual([]);
  });
});

describe("ballot key", () => {
  const secret = "x".repeat(40);
  it("reads 32 bytes in base64 or hex", () => {
    const key = Buffer.alloc(32, 9);
    expect(ballotKey({ NODE_ENV: "production", BALLOT_KEY: key.toString("base64") })).toEqual(key);
    expect(ballotKey({ NODE_ENV: "production", BALLOT_KEY: key.toString("hex") })).toEqual(key);
  });
  it("refuses a key of the wrong length, saying how to make one", () => {
    expect(() => ballotKey({ NODE_ENV: "production", BALLOT_KEY: "c2hvcnQ=" })).toThrow(/32 random bytes.*openssl rand -base64 32/);
  });
  it("stops a production server without one, and says what to set", () => {
    expect(configProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: secret })).toEqual([expect.stringMatching(/^BALLOT_KEY is not set\. Set it/)]);
  });
  it("has a development key, so tests and `npm run dev` just work", () => {
    expect(ballotKey({ NODE_ENV: "test" })).toHaveLength(32);
  });
});

describe("database choice", () => {
  it("is the embedded PGlite folder when DATABASE_URL is unset", () => {
    expect(readDatabaseConfig({ NODE_ENV: "test" })).toMatchObject({ kind: "pglite", dataDir: expect.stringMatching(/\.data\/pglite$/) });
  });
  it("is PostgreSQL when DATABASE_URL is a PostgreSQL URL", () => {
    expect(readDatabaseConfig({ NODE_ENV: "test", DATABASE_URL: "postgresql://u@db:5432/plenum" })).toEqual({ kind: "postgres", url: "postgresql://u@db:5432/plenum" });
  });
  it("refuses another kind of URL with a message, without echoing credentials", () => {
    const attempt = () => readDatabaseConfig({ NODE_ENV: "test", DATABASE_URL: "mysql://root:hunter2@db/plenum" });
    expect(attempt).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
