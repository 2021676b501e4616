// Pure notification rules: how settings route a kind, link tokens that only this server can make,
// and the mail settings' messages.
import { describe, expect, it } from "vitest";
import { routeFor } from "@/lib/notifications/kinds";
import { signToken, verifyToken } from "@/lib/notifications/tokens";
import { mailConfig } from "@/lib/notifications/mail";
import { configProblems } from "@/lib/config";

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });
const SECRET = "a-test-secret-that-is-long-enough-0123456789";

describe("routing by settings", () => {
  it("sends in-app and by email by default, and to the digest instead for digest readers", () => {
    expect(routeFor("NOMINATED", { inAppOff: [], emailOff: [], digest: false })).toEqual({ inApp: true, email: true, digest: false, any: true });
    expect(routeFor("NOMINATED", { inAppOff: [], emailOff: [], digest: true })).toEqual({ inApp: true, email: false, digest: true, any: true });
    expect(routeFor("NOMINATED", { inAppOff: ["NOMINATED"], emailOff: ["NOMINATED"], digest: true }).any).toBe(false);
  });
});

describe("link tokens", () => {
  it("verifies its own tokens and refuses edited ones, other purposes and other secrets", () => {
    const token = signToken("unsubscribe", "ck0123456789abcdef", SECRET);
    expect(verifyToken("unsubscribe", token, SECRET)).toBe("ck0123456789abcdef");
    expect(verifyToken("calendar", token, SECRET)).toBeNull();
    expect(verifyToken("unsubscribe", token, `${SECRET}x`)).toBeNull();
    expect(verifyToken("unsubscribe", token.replace(/^ck0/, "ck1"), SECRET)).toBeNull();
    for (const junk of [undefined, 42, "", "x.y", `${token}=`]) expect(verifyToken("unsubscribe", junk, SECRET)).toBeNull();
  });
});

describe("mail settings", () => {
  it("treats no SMTP_URL as email off, and says what to fix when it is half set", () => {
    expect(mailConfig(env({}))).toBeNull();
    expect(mailConfig(env({ SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "Plenum <p@example.coop>" }))).toEqual({ url: "smtp://127.0.0.1:2525", from: "Plenum <p@example.coop>" });
    expect(() => mailConfig(env({ SMTP_URL: "smtp://127.0.0.1:2525" }))).toThrow(/MAIL_FROM/);
    expect(() => mailConfig(env({ SMTP_URL: "http://example.coop", MAIL_FROM: "p@example.coop" }))).toThrow(/smtp:\/\//);
    expect(() => mailConfig(env({ SMTP_URL: "smtp://h", MAIL_FROM: "not an address" }))).toThrow(/MAIL_FROM must be an address/);
    expect(configProblems({ NODE_ENV: "development", SMTP_URL: "nonsense" })).toEqual([expect.stringMatching(/SMTP_URL is not a URL/)]);
  });
});
