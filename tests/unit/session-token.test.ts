// Plenum decrypts next-auth's session cookie itself, with the key derived once (lib/auth/jwt.ts).
// It must read what next-auth writes and write what next-auth reads, or every member is signed out.
import { describe, expect, it } from "vitest";
import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { decodeSession, encodeSession } from "@/lib/auth/jwt";

const secret = "a-test-secret-that-is-long-enough-1234567890";

describe("session token", () => {
  it("reads a token next-auth made, and next-auth reads one made here", async () => {
    const claims = { sub: "user-1", sv: 3, name: "Ada", email: "ada@example.org" };
    const theirs = await nextAuthEncode({ token: claims, secret });
    expect(await decodeSession({ token: theirs, secret })).toMatchObject(claims);
    const ours = await encodeSession({ token: claims, secret });
    expect(await nextAuthDecode({ token: ours, secret })).toMatchObject(claims);
  });

  it("refuses a token under another secret, a damaged one and an expired one", async () => {
    const token = await encodeSession({ token: { sub: "user-1" }, secret });
    await expect(decodeSession({ token, secret: `${secret}x` })).rejects.toThrow();
    const damaged = token.slice(0, -3) + (token.endsWith("A") ? "BBB" : "AAA");
    await expect(decodeSession({ token: damaged, secret })).rejects.toThrow();
    const expired = await encodeSession({ token: { sub: "user-1" }, secret, maxAge: -60 });
    await expect(decodeSession({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSession({ token: undefined, secret })).toBeNull();
  });
});
