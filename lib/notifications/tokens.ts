// Unguessable, verifiable tokens for links that work without signing in: an email's unsubscribe
// link and a member's calendar feed. A token is "<row id>.<HMAC-SHA256 of purpose and id>" under a
// key derived from the server's secret: nothing secret is stored, and deleting the row revokes it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { authSecret } from "../config";

export type TokenPurpose = "unsubscribe" | "calendar";

function mac(purpose: TokenPurpose, id: string, secret: string): string {
  const key = createHmac("sha256", secret).update("plenum-link-tokens-v1").digest();
  return createHmac("sha256", key).update(`${purpose}:${id}`).digest("base64url");
}

export function signToken(purpose: TokenPurpose, id: string, secret = authSecret()): string {
  return `${id}.${mac(purpose, id, secret)}`;
}

/** Ids are cuids; the MAC is 32 bytes in base64url. Anything else is refused before any work. */
export const ZLinkToken = z.string().regex(/^[a-z0-9]{8,40}\.[A-Za-z0-9_-]{43}$/);

/** The row id the token names, or null if the token is malformed or was not made by this server. */
export function verifyToken(purpose: TokenPurpose, token: unknown, secret = authSecret()): string | null {
  const parsed = ZLinkToken.safeParse(token);
  if (!parsed.success) return null;
  const [id, given] = parsed.data.split(".") as [string, string];
  const expected = Buffer.from(mac(purpose, id, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : null;
}
