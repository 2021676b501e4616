// Creating accounts, checking credentials (under the sign-in rate limits) and changing passwords.
import type { PrismaClient } from "../db/connection";
import { isUniqueViolation, refusal, waitRefusal } from "../errors";
import { hitLimits, LIMITS, refundLimit } from "../security/rate-limit";
import { hashPassword, verifyPassword } from "./password";
import type { TChangePassword, TSignIn, TSignUp } from "./schemas";

export async function createAccount(db: PrismaClient, input: TSignUp) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, name: true, email: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw refusal("CONFLICT", "emailTaken", undefined, { email: "emailTakenField" });
    }
    throw e;
  }
}

/** Returns the user for a correct email and password, otherwise null (never says which was wrong). */
export async function checkCredentials(db: PrismaClient, input: TSignIn) {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  return ok && user ? { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } : null;
}

export type SignInOutcome =
  | { kind: "ok"; user: NonNullable<Awaited<ReturnType<typeof checkCredentials>>> }
  | { kind: "wrong" }
  | { kind: "limited"; retryAfter: number };

/**
 * A sign-in attempt, counted against the email and the address it came from before the password
 * is checked, so parallel guesses are counted too; a correct one is refunded, so only failures add up.
 */
export async function signInWithLimits(db: PrismaClient, input: TSignIn, address: string): Promise<SignInOutcome> {
  const limits = [LIMITS.signInAccount(input.email), LIMITS.signInIp(address)];
  const wait = await hitLimits(db, limits);
  if (wait !== null) return { kind: "limited", retryAfter: wait };
  const user = await checkCredentials(db, input);
  if (!user) return { kind: "wrong" };
  for (const limit of limits) await refundLimit(db, limit);
  return { kind: "ok", user };
}

/**
 * Changes a password after checking the current one, and ends every session of the account: the
 * session version goes up, and sessions carrying the old one are refused on their next request.
 */
export async function changePassword(db: PrismaClient, { userId, currentPassword, newPassword }: TChangePassword & { userId: string }) {
  const limit = LIMITS.passwordAccount(userId);
  const wait = await hitLimits(db, [limit]);
  if (wait !== null) throw waitRefusal("ratePasswordChange", wait);
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw refusal("INVALID", "wrongPassword", undefined, { currentPassword: "wrongPasswordField" });
  }
  await refundLimit(db, limit);
  const passwordHash = await hashPassword(newPassword);
  await db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}
