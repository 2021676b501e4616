// next-auth's session token (a JWE: "dir" + A256GCM), encoded and decoded exactly as next-auth v4
// does, except that the encryption key is derived from the secret once per process instead of on
// every request: HKDF on each session read was about 5 % of a vote's server time
// (docs/decisions/011-performance.md). Same key, same bytes, so existing cookies keep working.
import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const DEFAULT_MAX_AGE = 30 * 24 * 3600;
const keys = new Map<string, Uint8Array>();

/** The key next-auth derives: HKDF-SHA256(secret, salt, "NextAuth.js Generated Encryption Key…", 32). */
export function sessionKey(secret: string, salt = ""): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

function secretOf(secret: string | Buffer): string {
  return typeof secret === "string" ? secret : secret.toString();
}

export async function encodeSession({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(sessionKey(secretOf(secret), salt));
}

/** The token's claims, or null when there is none. Throws on a forged, damaged or expired token. */
export async function decodeSession({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, sessionKey(secretOf(secret), salt), { clockTolerance: 15 });
  return payload as JWT;
}
